package org.feewatch.disclosure.internal.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.feewatch.api.Disclosure;
import org.feewatch.api.FeeItem;
import org.feewatch.api.SourceKind;
import org.feewatch.api.SourceRef;
import org.feewatch.api.Snapshot;
import org.feewatch.api.spi.DisclosureExtractor;
import org.feewatch.disclosure.internal.encoding.DecodedPage;
import org.feewatch.disclosure.internal.encoding.PageDecoder;

/** Test pages: resources under {@code pages/}, decoded as the test says, and extraction helpers. */
final class Pages {

    private Pages() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Pages.class.getResourceAsStream("pages/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test page " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A snapshot of a test page decoded with {@code charset} (the BOM, if any, is left to the extractor). */
    static Snapshot snapshot(String id, String name, Charset charset) {
        byte[] body = bytes(name);
        return snapshotOf(id, name, body, new String(body, charset), charset);
    }

    static Snapshot snapshotOf(String id, String location, byte[] body, String text, Charset charset) {
        return new Snapshot(id, location, "0".repeat(64), "text/html", charset.name(), "hint", Instant.EPOCH, body,
                text);
    }

    static Snapshot utf8(String id, String name) {
        return snapshot(id, name, StandardCharsets.UTF_8);
    }

    /** A snapshot of a test page decoded as the fetcher decodes a file source: BOM, meta, detection. */
    static Snapshot decoded(String id, String name) {
        byte[] body = bytes(name);
        DecodedPage page = PageDecoder.decode(body, null, null);
        return new Snapshot(id, name, "0".repeat(64), "text/html", page.charset(), page.origin(), Instant.EPOCH, body,
                page.text());
    }

    static SourceRef source(String id, SourceKind kind) {
        return new SourceRef(id, "BANK-T", kind, null, "pages/" + id + ".html", null);
    }

    /** Extracts with the extractor that scores the page highest, as the engine does. */
    static Disclosure extract(SourceRef source, Snapshot snapshot, DisclosureExtractor... extractors) {
        DisclosureExtractor best = null;
        int bestScore = 0;
        for (DisclosureExtractor x : extractors) {
            int s = x.suitability(source, snapshot);
            if (s > bestScore) {
                best = x;
                bestScore = s;
            }
        }
        if (best == null) {
            throw new AssertionError("no extractor takes " + source.id());
        }
        return best.extract(source, snapshot);
    }

    static FeeItem item(Disclosure d, String name) {
        return d.items().stream().filter(i -> name.equals(i.name())).findFirst()
                .orElseThrow(() -> new AssertionError("no item \"" + name + "\" in " + names(d)));
    }

    static java.util.List<String> names(Disclosure d) {
        return d.items().stream().map(FeeItem::name).toList();
    }

    /** Asserts that the item's locator finds, in the page as a browser parses it, text holding its name and price. */
    static void assertLocates(Snapshot s, FeeItem item) {
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(s.text().replace("\ufeff", ""));
        org.jsoup.select.Elements found = doc.select(item.locator());
        String text = found.text();
        String price = item.priceText() == null ? "" : item.priceText().split("；")[0];
        price = price.substring(price.indexOf('：') + 1); // a channel sub-label (柜面：) comes from the header
        if (found.size() != 1 || !text.contains(item.name()) || !text.contains(price)) {
            throw new AssertionError(item.locator() + " should find the one block of " + item.name() + " but finds "
                    + found.size() + " holding \"" + text + "\"");
        }
    }
}
