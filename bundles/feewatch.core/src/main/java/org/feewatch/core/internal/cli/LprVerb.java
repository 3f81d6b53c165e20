package org.feewatch.core.internal.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.feewatch.api.LprFixing;
import org.feewatch.api.spi.ReferenceRates;
import org.feewatch.core.cli.Args;
import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbException;
import org.feewatch.core.cli.VerbIO;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code lpr [--on DATE]}: the LPR fixing in force on a date. */
@Component(service = Verb.class)
public class LprVerb implements Verb {

    private final BundleContext context;

    @Activate
    public LprVerb(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "lpr";
    }

    @Override
    public String synopsis() {
        return "[--on DATE]";
    }

    @Override
    public String summary() {
        return "show the LPR (loan prime rate) in force on a date";
    }

    @Override
    public String help() {
        return """
                  --on DATE   the date, YYYY-MM-DD (default: today)

                The fixing in force on a date is the one published on or before it.
                """;
    }

    @Override
    public int run(List<String> argv, VerbIO io) throws UsageException, VerbException {
        Args args = Args.spec().option("--on").parse(argv);
        args.operands(0, "");
        LocalDate on;
        try {
            on = args.value("--on").map(LocalDate::parse).orElseGet(LocalDate::now);
        } catch (DateTimeParseException e) {
            throw new UsageException("--on must be a date YYYY-MM-DD, not " + args.value("--on").get());
        }
        ReferenceRates rates = Services.await(context, ReferenceRates.class, Services.WAIT)
                .orElseThrow(() -> new VerbException("the LPR table is not built yet"));
        Optional<LprFixing> fixing = rates.inForceOn(on);
        if (fixing.isEmpty()) {
            LprFixing latest = rates.latest();
            throw new VerbException("no LPR fixing is known to be in force on " + on
                    + (latest == null ? "" : " (the latest known fixing is of " + latest.date() + ")"));
        }
        LprFixing f = fixing.get();
        io.out().println(on + ": 1-year LPR " + f.oneYear().toPlainString() + " %, over-5-year LPR "
                + f.fiveYear().toPlainString() + " % (fixing of " + f.date() + (f.source() == null ? "" : ", " + f.source()) + ")");
        return OK;
    }
}
