package org.feewatch.core.internal.cli;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.feewatch.core.cli.UsageException;
import org.feewatch.core.cli.VerbException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the web server of {@code serve} and {@code demo}. Jetty and feewatch.web sit at start
 * level {@value #WEB_LEVEL} (see distribution/feewatch.bndrun), above the framework's beginning
 * level, so that other verbs never pay for them: raising the framework's level starts them.
 */
final class WebServer {

    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);

    static final int WEB_LEVEL = 20;
    static final int SHELL_LEVEL = 30;
    static final int DEFAULT_PORT = 8080;
    static final String HOST = "127.0.0.1";
    static final String PORT_PROPERTY = "org.osgi.service.http.port";
    private static final Duration READY = Duration.ofSeconds(20);

    private WebServer() {
    }

    static int port(String value) throws UsageException {
        try {
            int port = Integer.parseInt(value);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--port must be a number from 1 to 65535, not " + value);
    }

    /** Starts Jetty on 127.0.0.1:port and returns when GET /api/health answers. */
    static void start(BundleContext context, int port, boolean shell) throws VerbException {
        ensureFree(port);
        stopOnSignal(context);
        // Jetty reads its port when it starts; a framework property would be fixed at launch
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        raise(context, shell ? SHELL_LEVEL : WEB_LEVEL);
        awaitHealth(port);
    }

    private static void ensureFree(int port) throws VerbException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new VerbException("cannot listen on " + HOST + ":" + port + ": the port is in use");
        }
    }

    private static void raise(BundleContext context, int level) throws VerbException {
        FrameworkStartLevel fsl = context.getBundle(0).adapt(FrameworkStartLevel.class);
        if (fsl.getStartLevel() >= level) {
            return;
        }
        CountDownLatch reached = new CountDownLatch(1);
        fsl.setStartLevel(level, event -> {
            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                reached.countDown();
            }
        });
        try {
            if (!reached.await(READY.toSeconds(), TimeUnit.SECONDS)) {
                throw new VerbException("the web server did not start within " + READY.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerbException("interrupted while starting the web server");
        }
    }

    private static void awaitHealth(int port) throws VerbException {
        long deadline = System.nanoTime() + READY.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) new URL("http://" + HOST + ":" + port + "/api/health").openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                int status = c.getResponseCode();
                c.disconnect();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                last = e;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        LOG.error("web server on port {} did not answer /api/health", port, last);
        throw new VerbException("the web server did not answer on http://" + HOST + ":" + port
                + "/ within " + READY.toSeconds() + " s (see the log file)");
    }

    /**
     * Stops the framework cleanly (Jetty closes its port) when the JVM is asked to end: Ctrl-C or
     * SIGTERM. Call before starting the server, so that a signal during start-up is covered too.
     */
    static void stopOnSignal(BundleContext context) {
        Framework framework = (Framework) context.getBundle(0);
        Thread hook = new Thread(() -> {
            try {
                framework.stop();
                framework.waitForStop(5000);
            } catch (Exception e) {
                // the JVM is going down anyway
            }
        }, "feewatch-shutdown");
        try {
            Runtime.getRuntime().addShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // already ending: nothing to add
        }
    }

    /** Blocks until the framework stops (Ctrl-C, SIGTERM, or `stop 0` in the shell). */
    static void awaitStop(BundleContext context) {
        Framework framework = (Framework) context.getBundle(0);
        try {
            framework.waitForStop(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
