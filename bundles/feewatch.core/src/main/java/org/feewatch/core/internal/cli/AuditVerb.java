package org.feewatch.core.internal.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.feewatch.api.Finding;
import org.feewatch.api.FindingStream;
import org.feewatch.api.Report;
import org.feewatch.api.Severity;
import org.feewatch.core.AuditRequest;
import org.feewatch.core.AuditResult;
import org.feewatch.core.AuditService;
import org.feewatch.core.CaseException;
import org.feewatch.core.UnavailableException;
import org.feewatch.core.cli.Args;
import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbException;
import org.feewatch.core.cli.VerbIO;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code audit CASE}: audits a case and writes the report (REPORT.md). */
@Component(service = Verb.class)
public class AuditVerb implements Verb {

    static final Set<String> FORMATS = Set.of("json", "html", "csv");

    private final BundleContext context;

    @Activate
    public AuditVerb(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String synopsis() {
        return "CASE [--out FILE] [--format json|html|csv] [--detail FILE] [--fail-on SEVERITY]";
    }

    @Override
    public String summary() {
        return "audit a case (a folder or a .zip of one) and write its report";
    }

    @Override
    public String help() {
        return """
                  CASE                a case folder or a .zip of one (CASE-FORMAT.md)
                  --out FILE          write the report to FILE (default: standard output)
                  --format FORMAT     json, html or csv (default: from the --out extension, else json)
                  --detail FILE       write one CSV row per accepted loan:
                                      id,lpr_1y,nominal_rate,apr,apr_effective,apr_bank_only,rules
                  --fail-on SEVERITY  exit 1 when a finding of SEVERITY or worse is found
                                      (critical, high, medium, low, info)

                exit codes: 0 the audit ran (whatever it found), 1 --fail-on matched,
                            2 the case could not be audited (one line says why)
                """;
    }

    @Override
    public int run(List<String> argv, VerbIO io) throws UsageException, VerbException {
        Args args = Args.spec().option("--out").option("--format").option("--detail").option("--fail-on").parse(argv);
        Path casePath = io.resolve(args.operands(1, "CASE (a case folder or .zip)").get(0));
        Optional<Path> out = args.value("--out").map(io::resolve);
        String format = args.value("--format").orElseGet(() -> out.map(AuditVerb::formatOf).orElse("json"));
        if (!FORMATS.contains(format)) {
            throw new UsageException("--format must be json, html or csv, not " + format);
        }
        Severity failOn = null;
        if (args.value("--fail-on").isPresent()) {
            try {
                failOn = Severity.fromWire(args.value("--fail-on").get().toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--fail-on must be critical, high, medium, low or info, not "
                        + args.value("--fail-on").get());
            }
        }
        Optional<Path> detail = args.value("--detail").map(io::resolve);

        AuditService service = Services.audit(context);
        if (!service.formats().contains(format)) {
            throw new VerbException(service.formats().isEmpty() ? "the report writers are not built yet"
                    : "no report writer for " + format + " is installed");
        }
        ProgressBar bar = io.errIsTerminal() ? new ProgressBar(io.err(), System.nanoTime()) : null;
        AuditResult result;
        try {
            result = service.audit(new AuditRequest(casePath, false, bar, detail.map(AuditVerb::sink).orElse(null))
                    .withReportFormat(format));
        } catch (CaseException | UnavailableException e) {
            throw new VerbException(e.getMessage());
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        write(service, result.report(), format, out, io);
        if (io.errIsTerminal() && out.isPresent()) {
            Path shown = out.get().startsWith(io.workingDir()) ? io.workingDir().relativize(out.get()) : out.get();
            io.err().println(summary(result.report()) + " -> " + shown);
        }
        return failOn != null && found(result.report(), failOn) ? FOUND : OK;
    }

    private static org.feewatch.core.LoanDetailSink sink(Path file) {
        return () -> OutputFiles.rewrite(file);
    }

    static void write(AuditService service, Report report, String format, Optional<Path> out, VerbIO io)
            throws VerbException {
        try {
            if (out.isPresent()) {
                Path parent = out.get().toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                // a channel: a large report's findings are copied into it from their files
                try (FileChannel file = OutputFiles.openForRewrite(out.get())) {
                    try {
                        service.write(report, format, file);
                    } finally {
                        // also after a failed write: an empty file when it wrote nothing, not the old first byte
                        OutputFiles.cutToPosition(file);
                    }
                }
            } else {
                OutputStream os = new BufferedOutputStream(io.out());
                service.write(report, format, os);
                os.flush();
            }
        } catch (IOException e) {
            throw new VerbException("cannot write the report" + out.map(p -> " to " + p).orElse("") + ": "
                    + Dispatcher.describe(e), e);
        } catch (UnavailableException e) {
            throw new VerbException(e.getMessage());
        }
    }

    static String formatOf(Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1);
        return switch (ext) {
            case "html", "htm" -> "html";
            case "csv" -> "csv";
            default -> "json";
        };
    }

    static boolean found(Report report, Severity failOn) {
        if (report.findings() instanceof FindingStream) {
            // a large audit's findings are read from disk on each pass: its summary counts say it
            for (Severity s : Severity.values()) {
                if (s.atLeast(failOn) && report.bySeverity().getOrDefault(s.wireName(), 0) > 0) {
                    return true;
                }
            }
            return false;
        }
        for (Finding f : report.findings()) {
            if (f.severity().atLeast(failOn)) {
                return true;
            }
        }
        return false;
    }

    /** "BANK-A: 998 loans, 12 findings (critical 3, high 9)" for the terminal. */
    static String summary(Report report) {
        StringBuilder sb = new StringBuilder();
        sb.append(report.caseInfo().institutionId()).append(": ").append(report.loans().accepted()).append(" loans, ")
                .append(report.findings().size()).append(report.findings().size() == 1 ? " finding" : " findings");
        if (!report.bySeverity().isEmpty()) {
            sb.append(" (");
            boolean first = true;
            for (Map.Entry<String, Integer> e : report.bySeverity().entrySet()) {
                sb.append(first ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
                first = false;
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
