package org.feewatch.rules.national.internal.lpr;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.feewatch.api.LprFixing;
import org.feewatch.api.spi.ReferenceRates;
import org.feewatch.engine.lpr.LprFormatException;
import org.feewatch.engine.lpr.LprImport;
import org.feewatch.engine.lpr.LprTable;
import org.feewatch.engine.lpr.LprUpdates;
import org.feewatch.rules.national.internal.NationalLpr;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LPR table of the running product: the national pack's built-in cited fixings merged with every
 * import recorded in the work folder ({@code work/lpr} by default). Registers {@link ReferenceRates}
 * for audits and {@link LprUpdates} for the {@code lpr} command.
 */
@Component(service = { ReferenceRates.class, LprUpdates.class }, configurationPid = LprReferenceRates.PID)
@Designate(ocd = LprReferenceRates.Config.class)
public class LprReferenceRates implements ReferenceRates, LprUpdates {

    public static final String PID = "org.feewatch.lpr";

    private static final Logger LOG = LoggerFactory.getLogger(LprReferenceRates.class);
    /** The official download is a few kilobytes; anything much larger is not it. */
    private static final int MAX_DOWNLOAD_BYTES = 2 * 1024 * 1024;

    @ObjectClassDefinition(name = "feewatch LPR table",
            description = "Where imported LPR fixings are kept, and how the official NIFC download is fetched.")
    public @interface Config {
        @AttributeDefinition(name = "Work folder",
                description = "Folder of imported LPR records and the import log, relative to the working directory")
        String workDir() default "work/lpr";

        @AttributeDefinition(name = "Connect timeout (s)", description = "Connect timeout of the NIFC download")
        int connectTimeoutSeconds() default 10;

        @AttributeDefinition(name = "Fetch timeout (s)", description = "Whole-request timeout of the NIFC download")
        int fetchTimeoutSeconds() default 30;
    }

    private volatile LprImporter importer;
    private volatile LprTable table;

    @Activate
    public LprReferenceRates(Config config) {
        configure(config);
    }

    @Modified
    void modified(Config config) {
        configure(config);
    }

    /** For tests and for running without OSGi: a work folder and a download function. */
    LprReferenceRates(Path workDir, Clock clock, LprImporter.Download download) {
        this.importer = new LprImporter(workDir, clock, download);
        reload();
    }

    private void configure(Config config) {
        Duration connect = Duration.ofSeconds(Math.max(1, config.connectTimeoutSeconds()));
        Duration whole = Duration.ofSeconds(Math.max(1, config.fetchTimeoutSeconds()));
        this.importer = new LprImporter(Path.of(config.workDir()), Clock.systemUTC(), url -> fetch(url, connect, whole));
        reload();
    }

    private synchronized void reload() {
        List<String> problems = new ArrayList<>();
        List<LprFixing> imported = importer.imported(problems);
        for (String p : problems) {
            LOG.warn("LPR import record skipped: {}", p);
        }
        table = NationalLpr.BUILT_IN.mergedWith(imported);
    }

    /** The table now in force. */
    public LprTable table() {
        return table;
    }

    @Override
    public Optional<LprFixing> inForceOn(LocalDate date) {
        return table.inForceOn(date);
    }

    @Override
    public LprFixing latest() {
        return table.latest();
    }

    @Override
    public synchronized LprImport importFile(Path file) throws IOException, LprFormatException {
        LprImport result = importer.importFile(file, table);
        reload();
        LOG.info("{}", result.summary());
        return result;
    }

    @Override
    public synchronized LprImport importOfficial(LocalDate from, LocalDate to) throws IOException, LprFormatException {
        LprImport result = importer.importOfficial(from, to, table);
        reload();
        LOG.info("{}", result.summary());
        return result;
    }

    private static String fetch(String url, Duration connect, Duration whole) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(connect)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(whole)
                .header("User-Agent", "feewatch (LPR import)").header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IOException(url + ": HTTP " + response.statusCode());
                }
                byte[] body = in.readNBytes(MAX_DOWNLOAD_BYTES + 1);
                if (body.length > MAX_DOWNLOAD_BYTES) {
                    throw new IOException(url + ": the response is larger than " + MAX_DOWNLOAD_BYTES + " bytes");
                }
                return new String(body, StandardCharsets.UTF_8);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(url + ": interrupted");
        } catch (java.net.http.HttpTimeoutException e) {
            throw new IOException(url + ": no answer within the time limit", e);
        } catch (java.net.UnknownHostException e) {
            throw new IOException(url + ": the host name cannot be resolved", e);
        } catch (java.net.ConnectException e) {
            throw new IOException(url + ": cannot connect (refused or unreachable)", e);
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(url)) {
                throw e;
            }
            throw new IOException(url + ": the download failed"
                    + (e.getMessage() == null || e.getMessage().isBlank() ? "" : " (" + e.getMessage() + ")"), e);
        }
    }
}
