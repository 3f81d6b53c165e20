package org.feewatch.store.internal.cli;

import java.util.List;

import org.feewatch.core.cli.Args;
import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbException;
import org.feewatch.core.cli.VerbIO;
import org.feewatch.store.Store;
import org.feewatch.store.StoreException;
import org.feewatch.store.internal.StoreAccess;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code trail show [--subject S] | trail verify}: the audit trail and its hash-chain check. */
@Component(service = Verb.class)
public class TrailVerb implements Verb {

    private final BundleContext context;

    @Activate
    public TrailVerb(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "trail";
    }

    @Override
    public String synopsis() {
        return "show [--subject SUBJECT] | verify";
    }

    @Override
    public String summary() {
        return "the audit trail (who, when, what, why) and its hash-chain check";
    }

    @Override
    public String help() {
        return """
                  show [--subject SUBJECT]   the trail, oldest first; SUBJECT such as partner:P02 or run:3
                  verify                     recompute the hash chain; exit 1 when a row was changed,
                                             removed or inserted (the first such row is named)
                """;
    }

    @Override
    public int run(List<String> argv, VerbIO io) throws UsageException, VerbException {
        Args args = Args.spec().option("--subject").parse(argv);
        List<String> ops = args.operands();
        if (ops.isEmpty()) {
            throw new UsageException("missing show or verify");
        }
        Store store = StoreAccess.await(context);
        try {
            switch (ops.get(0)) {
                case "show" -> {
                    args.operands(1, "show");
                    for (Store.TrailEntry e : store.trail(args.value("--subject").orElse(null))) {
                        io.out().printf("#%-5d %-24s %-12s %-22s %-14s %s%n", e.seq(), org.feewatch.store.internal.StoreText.t(e.at()), e.actor(), e.action(),
                                e.subject(), e.reason() == null ? "" : e.reason());
                    }
                }
                case "verify" -> {
                    args.operands(1, "verify");
                    Store.ChainCheck check = store.verifyChain();
                    if (check.intact()) {
                        io.out().println("The audit trail verifies: " + check.rows() + " rows, head " + check.headHash());
                    } else {
                        io.out().println("The audit trail does NOT verify: " + check.problem());
                        io.out().flush();
                        return FOUND;
                    }
                }
                default -> throw new UsageException("unknown trail command " + ops.get(0) + " (show or verify)");
            }
        } catch (StoreException e) {
            throw new VerbException(e.getMessage());
        }
        io.out().flush();
        return OK;
    }
}
