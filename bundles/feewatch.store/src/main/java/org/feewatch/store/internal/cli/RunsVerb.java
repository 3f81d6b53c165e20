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
import org.feewatch.store.internal.StoreText;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code runs list | runs show ID}: the audits, vettings and monitoring passes the store keeps. */
@Component(service = Verb.class)
public class RunsVerb implements Verb {

    static final int DEFAULT_LIMIT = 20;

    private final BundleContext context;

    @Activate
    public RunsVerb(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String synopsis() {
        return "list [--limit N] | show ID [--report]";
    }

    @Override
    public String summary() {
        return "the recorded audit runs and their reports";
    }

    @Override
    public String help() {
        return """
                  list [--limit N]     the latest runs first (default 20)
                  show ID              one run: when, who, the case, its partner verdicts
                  show ID --report     the run's report (JSON) as it was written
                """;
    }

    @Override
    public int run(List<String> argv, VerbIO io) throws UsageException, VerbException {
        Args args = Args.spec().option("--limit").flag("--report").parse(argv);
        List<String> ops = args.operands();
        if (ops.isEmpty()) {
            throw new UsageException("missing list or show");
        }
        Store store = StoreAccess.await(context);
        try {
            switch (ops.get(0)) {
                case "list" -> {
                    args.operands(1, "list");
                    int limit = DEFAULT_LIMIT;
                    if (args.value("--limit").isPresent()) {
                        limit = positive(args.value("--limit").get(), "--limit");
                    }
                    io.out().print(StoreText.runs(store.runs(limit)));
                }
                case "show" -> {
                    long id = positive(args.operands(2, "the run ID").get(1), "the run ID");
                    Store.RunSummary run = store.run(id)
                            .orElseThrow(() -> new VerbException("there is no run " + id + " (runs list shows them)"));
                    if (args.has("--report")) {
                        io.out().write(store.report(id).orElse(new byte[0]));
                    } else {
                        io.out().print(StoreText.run(run, store.vettingsOfRun(id)));
                    }
                }
                default -> throw new UsageException("unknown runs command " + ops.get(0) + " (list or show)");
            }
        } catch (StoreException e) {
            throw new VerbException(e.getMessage());
        } catch (java.io.IOException e) {
            throw new VerbException("cannot write the report: " + e.getMessage());
        }
        io.out().flush();
        return OK;
    }

    static int positive(String value, String what) throws UsageException {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new UsageException(what + " must be a positive whole number, not " + value);
    }
}
