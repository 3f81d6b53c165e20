package org.feewatch.core.internal.cli;

import java.util.List;

import org.feewatch.core.cli.Args;
import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.Verb;
import org.feewatch.core.cli.VerbException;
import org.feewatch.core.cli.VerbIO;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/** {@code serve}: the web UI and REST API on 127.0.0.1 until stopped. */
@Component(service = Verb.class)
public class ServeVerb implements Verb {

    private final BundleContext context;

    @Activate
    public ServeVerb(BundleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String synopsis() {
        return "[--port N] [--shell]";
    }

    @Override
    public String summary() {
        return "serve the web UI and REST API on 127.0.0.1 (default port 8080)";
    }

    @Override
    public String help() {
        return """
                  --port N   listen on 127.0.0.1:N (default 8080)
                  --shell    also open the Gogo shell on this terminal (feewatch:audit, feewatch:plugins …)

                REST API: GET /api/health, GET /api/rules, POST /api/audit (a .zip case) -> report JSON.
                Stop with Ctrl-C.
                """;
    }

    @Override
    public int run(List<String> argv, VerbIO io) throws UsageException, VerbException {
        Args args = Args.spec().option("--port").flag("--shell").parse(argv);
        args.operands(0, "");
        int port = args.value("--port").isPresent() ? WebServer.port(args.value("--port").get()) : WebServer.DEFAULT_PORT;
        WebServer.start(context, port, args.has("--shell"));
        io.err().println("feewatch: serving on http://" + WebServer.HOST + ":" + port + "/ (Ctrl-C to stop)");
        io.err().flush();
        WebServer.awaitStop(context);
        return OK;
    }
}
