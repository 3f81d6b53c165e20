package org.feewatch.core.internal.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.feewatch.engine.lpr.LprFormatException;
import org.feewatch.engine.lpr.LprImport;
import org.feewatch.engine.lpr.LprUpdates;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code lpr [--on DATE]}: the LPR fixing in force on a date; {@code lpr --import FILE} and
 * {@code lpr --fetch [--from DATE] [--to DATE]} update the table from a saved or the official NIFC
 * download, recorded in the LPR work folder.
 */
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
        return "[--on DATE] | --import FILE | --fetch [--from DATE] [--to DATE]";
    }

    @Override
    public String summary() {
        return "show the LPR (loan prime rate) in force on a date";
    }

    @Override
    public String help() {
        return """
                  --on DATE      the date, YYYY-MM-DD (default: today)
                  --import FILE  add fixings from a file: the NIFC download (JSON) or the CSV
                                 date,lpr_1y,lpr_5y_plus[,source]
                  --fetch        fetch the official NIFC download and add its fixings
                  --from DATE    with --fetch: the first date (default: the month of the latest known fixing)
                  --to DATE      with --fetch: the last date (default: today)

                The fixing in force on a date is the one published on or before it (a contract on
                publication day uses the new figure). After the latest known fixing, a date up to
                the 19th of the following month uses it; a later date has none until newer
                fixings are imported. Each import is kept, with a line in import.log, in the LPR
                work folder (config/org.feewatch.lpr.cfg, default work/lpr).
                """;
    }

    @Override
    public int run(List<String> argv, VerbIO io) throws UsageException, VerbException {
        Args args = Args.spec().option("--on").option("--import").flag("--fetch").option("--from").option("--to")
                .parse(argv);
        args.operands(0, "");
        if (args.value("--import").isPresent() || args.has("--fetch")) {
            return update(args, io);
        }
        LocalDate on = date(args, "--on").orElseGet(LocalDate::now);
        ReferenceRates rates = Services.await(context, ReferenceRates.class, Services.WAIT)
                .orElseThrow(() -> new VerbException("the LPR table is not built yet"));
        Optional<LprFixing> fixing = rates.inForceOn(on);
        if (fixing.isEmpty()) {
            LprFixing latest = rates.latest();
            // a date before a known fixing with none in force lies before the LPR's first publication
            if (latest != null && on.isBefore(latest.date())) {
                throw new VerbException("no LPR was in force on " + on
                        + ": the date is before the first LPR fixing in the table");
            }
            throw new VerbException("no LPR fixing is known to be in force on " + on
                    + (latest == null ? "" : " (the latest known fixing is of " + latest.date()
                            + "; import newer fixings with ./feewatch lpr --import or --fetch)"));
        }
        LprFixing f = fixing.get();
        io.out().println(on + ": 1-year LPR " + f.oneYear().toPlainString() + " %, over-5-year LPR "
                + f.fiveYear().toPlainString() + " % (fixing of " + f.date() + (f.source() == null ? "" : ", " + f.source()) + ")");
        return OK;
    }

    private int update(Args args, VerbIO io) throws UsageException, VerbException {
        if (args.value("--import").isPresent() && args.has("--fetch")) {
            throw new UsageException("give either --import FILE or --fetch, not both");
        }
        LprUpdates updates = Services.await(context, LprUpdates.class, Services.WAIT)
                .orElseThrow(() -> new VerbException("the LPR table cannot be updated: its component is not running"));
        LprImport result;
        try {
            if (args.value("--import").isPresent()) {
                String name = args.value("--import").get();
                Path file = io.workingDir() == null ? Path.of(name) : io.workingDir().resolve(name);
                if (!Files.isRegularFile(file)) {
                    throw new VerbException("--import: " + file + " is not a readable file");
                }
                result = updates.importFile(file);
            } else {
                LocalDate to = date(args, "--to").orElseGet(LocalDate::now);
                LocalDate from = date(args, "--from").orElse(null);
                if (from == null) {
                    ReferenceRates rates = Services.await(context, ReferenceRates.class, Services.WAIT).orElse(null);
                    LprFixing latest = rates == null ? null : rates.latest();
                    from = latest == null ? LocalDate.of(2019, 8, 1) : latest.date().withDayOfMonth(1);
                }
                result = updates.importOfficial(from, to);
            }
        } catch (LprFormatException e) {
            throw new VerbException(e.getMessage());
        } catch (IOException e) {
            throw new VerbException("the LPR data could not be read: " + (e.getMessage() == null ? "input/output error"
                    : e.getMessage()));
        }
        io.out().println(result.summary());
        return OK;
    }

    private static Optional<LocalDate> date(Args args, String option) throws UsageException {
        Optional<String> text = args.value(option);
        try {
            return text.map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new UsageException(option + " must be a date YYYY-MM-DD, not " + text.get());
        }
    }
}
