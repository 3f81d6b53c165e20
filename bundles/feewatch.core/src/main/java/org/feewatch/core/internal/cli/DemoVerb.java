package org.feewatch.core.internal.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.feewatch.core.AuditRequest;
import org.feewatch.core.AuditResult;
import org.feewatch.core.AuditService;
import org.feewatch.core.CaseException;
import org.feewatch.core.ReportArchive;
import org.feewatch.core.UnavailableException;
import org.feewatch.core.cli.Args;
import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbException;
import org.feewatch.core.cli.VerbIO;
import org.feewatch.core.internal.Home;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code demo}: audits the bundled sample case (cases/sample), then serves its report. */
@Component(service = Verb.class)
public class DemoVerb implements Verb {

    static final String DEMO_ID = "demo";

    private final BundleContext context;
    private final ReportArchive archive;

    @Activate
    public DemoVerb(BundleContext context, @Reference ReportArchive archive) {
        this.context = context;
        this.archive = archive;
    }

    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String synopsis() {
        return "[--port N] [--shell]";
    }

    @Override
    public String summary() {
        return "audit the bundled sample case (cases/sample), then serve its report";
    }

    @Override
    public String help() {
        return """
                  --port N   listen on 127.0.0.1:N (default 8080)
                  --shell    also open the Gogo shell on this terminal

                The sample's report is shown at / (JSON at /api/reports/demo). Stop with Ctrl-C.
                """;
    }

    @Override
    public int run(List<String> argv, VerbIO io) throws UsageException, VerbException {
        Args args = Args.spec().option("--port").flag("--shell").parse(argv);
        args.operands(0, "");
        int port = args.value("--port").isPresent() ? WebServer.port(args.value("--port").get()) : WebServer.DEFAULT_PORT;
        Path sample = Home.sampleCase(context);
        String reportLine = auditSample(sample, io);
        WebServer.start(context, port, args.has("--shell"));
        String base = "http://" + WebServer.HOST + ":" + port + "/";
        io.err().println("feewatch: serving on " + base + " (Ctrl-C to stop)");
        if (reportLine != null) {
            io.err().println("feewatch: the sample's report is at " + base + " (JSON: " + base + "api/reports/" + DEMO_ID + ")");
        }
        io.err().flush();
        WebServer.awaitStop(context);
        return OK;
    }

    /** Audits the sample and keeps its report; says plainly on stderr when it cannot. */
    private String auditSample(Path sample, VerbIO io) throws VerbException {
        if (!Files.isDirectory(sample)) {
            io.err().println("feewatch demo: the sample case " + io.home().relativize(sample)
                    + " is not in this installation; serving without a sample report");
            return null;
        }
        AuditService service = Services.audit(context);
        try {
            AuditResult result = service.audit(AuditRequest.of(sample));
            archive.put(DEMO_ID, result.report());
            String line = "sample case " + AuditVerb.summary(result.report());
            io.err().println("feewatch demo: " + line);
            return line;
        } catch (CaseException | UnavailableException e) {
            io.err().println("feewatch demo: cannot audit the sample case: " + e.getMessage()
                    + "; serving without a sample report");
            return null;
        }
    }
}
