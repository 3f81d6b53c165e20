package org.feewatch.disclosure.internal.fetch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;

import org.feewatch.api.Snapshot;
import org.feewatch.api.SourceRef;
import org.feewatch.api.spi.SnapshotStore;
import org.feewatch.api.spi.SourceException;
import org.feewatch.api.spi.SourceFetcher;
import org.feewatch.disclosure.internal.encoding.DecodedPage;
import org.feewatch.disclosure.internal.encoding.PageDecoder;
import org.feewatch.disclosure.internal.pdf.PdfException;
import org.feewatch.disclosure.internal.pdf.PdfPages;
import org.feewatch.disclosure.internal.snapshot.FileSnapshotStore;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads sources for an audit: {@code url} sources over http(s) within the configured limits,
 * {@code file} sources from inside the case folder; decodes the body and keeps it as a snapshot.
 */
@Component(service = SourceFetcher.class, configurationPid = FetchConfig.PID)
@Designate(ocd = FetchConfig.class)
public class PoliteSourceFetcher implements SourceFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(PoliteSourceFetcher.class);

    private final FetchSettings settings;
    private final HttpFetcher http;
    private final SnapshotStore store;

    @Activate
    public PoliteSourceFetcher(FetchConfig config, @Reference(name = "snapshotStore") SnapshotStore store) {
        this(FetchSettings.from(config), store);
    }

    private PoliteSourceFetcher(FetchSettings settings, SnapshotStore store) {
        this(settings, store, HostPolicy.Resolver.bounded(settings.connectTimeout()));
    }

    PoliteSourceFetcher(FetchSettings settings, SnapshotStore store, HostPolicy.Resolver resolver) {
        this.settings = settings;
        this.store = store;
        this.http = new HttpFetcher(settings,
                new HostPolicy(settings.allowedHosts(), settings.allowedPrivate(), resolver),
                HostThrottle.system(settings.hostDelay()));
    }

    @Override
    public Snapshot fetch(SourceRef source, Path caseDir, boolean restricted) throws SourceException {
        try {
            Snapshot snapshot = read(source, caseDir, restricted);
            LOG.debug("source {}: {} bytes from {}, {} ({})", source.id(), snapshot.body().length, snapshot.location(),
                    snapshot.charset(), snapshot.charsetOrigin());
            return snapshot;
        } catch (SourceException e) {
            LOG.info("source {} ({}) failed: {}", source.id(), source.location(), e.getMessage());
            throw e;
        }
    }

    private Snapshot read(SourceRef source, Path caseDir, boolean restricted) throws SourceException {
        boolean hasUrl = source.url() != null && !source.url().isBlank();
        boolean hasFile = source.file() != null && !source.file().isBlank();
        if (hasUrl == hasFile) {
            throw new SourceException(hasUrl ? "both url and file are given" : "neither url nor file is given");
        }
        String location;
        String contentType;
        byte[] body;
        if (hasUrl) {
            URI uri = UrlText.parse(source.url());
            String auditKey = caseDir == null ? "" : caseDir.toAbsolutePath().normalize().toString();
            HttpFetcher.Fetched fetched = http.fetch(uri, restricted, auditKey);
            location = fetched.uri().toString();
            contentType = fetched.contentType();
            body = fetched.body();
        } else {
            String byName = MediaTypes.forFileName(source.file());
            if (byName != null && !settings.acceptedTypes().contains(byName)) {
                throw new SourceException("not HTML (" + byName + ")");
            }
            CaseFiles.CaseFile file = CaseFiles.read(caseDir, source.file(), settings.maxBodyBytes());
            contentType = CaseFiles.mediaType(file);
            if (!settings.acceptedTypes().contains(contentType)) {
                throw new SourceException("not HTML (" + contentType + ")");
            }
            location = file.location();
            body = file.bytes();
        }
        Snapshot snapshot;
        if (PdfPages.MEDIA_TYPE.equals(MediaTypes.of(contentType)) || PdfPages.MEDIA_TYPE.equals(MediaTypes.sniff(body))) {
            if (!settings.acceptedTypes().contains(PdfPages.MEDIA_TYPE)) {
                throw new SourceException("not HTML (" + PdfPages.MEDIA_TYPE + ")");
            }
            // a PDF's text is kept as the positioned HTML the extractors read; it has no charset
            String text;
            try {
                text = PdfPages.toHtml(body, settings.maxPdfPages());
            } catch (PdfException e) {
                throw new SourceException(e.getMessage());
            }
            snapshot = new Snapshot(source.id(), location, FileSnapshotStore.sha256(body), PdfPages.MEDIA_TYPE, null,
                    null, Instant.now(), body, text);
        } else {
            DecodedPage page = PageDecoder.decode(body, contentType, source.encoding());
            snapshot = new Snapshot(source.id(), location, FileSnapshotStore.sha256(body), contentType,
                    page.charset(), page.origin(), Instant.now(), body, page.text());
        }
        try {
            store.put(snapshot);
        } catch (IOException e) {
            LOG.warn("snapshot of source {} not saved", source.id(), e);
            throw new SourceException("snapshot could not be saved");
        }
        return snapshot;
    }
}
