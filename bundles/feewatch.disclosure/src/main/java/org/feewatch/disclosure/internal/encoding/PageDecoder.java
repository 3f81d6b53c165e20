package org.feewatch.disclosure.internal.encoding;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes a page body. The charset is taken, in this order, from the HTTP Content-Type charset, a
 * byte-order mark, {@code <meta charset>}, {@code <meta http-equiv="Content-Type">} (in the first
 * few KB), the source's {@code encoding} hint, and finally detection between UTF-8, GB18030 and
 * Big5. A declared label this JVM does not know is passed over. A declaration whose charset does
 * not fit the bytes (they do not all decode, or a GB label on Big5 text or the reverse) is mislabeled: the next one is tried, and when none
 * fits, detection chooses between the declared charsets and the three candidates. A byte-order
 * mark that contradicts the header wins over it, as in browsers.
 */
public final class PageDecoder {

    /**
     * How much of the page is searched for a meta declaration. Browsers look at the first 1 KB;
     * Chinese CMS pages often put long scripts or titles first, so a little more is searched.
     */
    static final int META_SCAN_BYTES = 4096;

    private PageDecoder() {
    }

    /**
     * @param body        the bytes as read
     * @param contentType the HTTP Content-Type value, or null (files)
     * @param hint        the source's {@code encoding}, or null
     */
    public static DecodedPage decode(byte[] body, String contentType, String hint) {
        Bom bom = Bom.of(body);
        Map<Charset, String> misfits = new LinkedHashMap<>();

        Optional<Charset> header = CharsetNames.lookup(CharsetNames.charsetParameter(contentType));
        if (header.isPresent() && (bom == null || bom.charset().equals(header.get()))) {
            DecodedPage page = attempt(body, bom == null ? 0 : bom.length(), header.get(), DecodedPage.HEADER, misfits);
            if (page != null) {
                return page;
            }
        }
        if (bom != null) {
            StrictDecoder.Result r = StrictDecoder.decode(body, bom.length(), bom.charset());
            return page(r, bom.charset(), DecodedPage.BOM);
        }
        Optional<MetaCharsetScanner.Declaration> meta = MetaCharsetScanner.scan(body, 0, META_SCAN_BYTES);
        if (meta.isPresent()) {
            Optional<Charset> declared = CharsetNames.lookup(meta.get().label()).map(PageDecoder::asciiCompatible);
            if (declared.isPresent()) {
                DecodedPage page = attempt(body, 0, declared.get(), DecodedPage.META, misfits);
                if (page != null) {
                    return page;
                }
            }
        }
        Optional<Charset> hinted = CharsetNames.lookup(hint);
        if (hinted.isPresent()) {
            DecodedPage page = attempt(body, 0, hinted.get(), DecodedPage.HINT, misfits);
            if (page != null) {
                return page;
            }
        }
        List<Charset> declared = new ArrayList<>(misfits.keySet());
        ChineseCharsetDetector.Reading best = ChineseCharsetDetector.best(body, 0, declared);
        return page(best.result(), best.charset(), misfits.getOrDefault(best.charset(), DecodedPage.DETECTED));
    }

    /** The page decoded with {@code charset} when every byte fits; otherwise records the misfit and returns null. */
    private static DecodedPage attempt(byte[] body, int offset, Charset charset, String origin, Map<Charset, String> misfits) {
        StrictDecoder.Result r = StrictDecoder.decode(body, offset, charset);
        if (r.errors() == 0 && !ChineseCharsetDetector.clearlyTheOtherScript(body, offset, charset, r)) {
            return page(r, charset, origin);
        }
        misfits.putIfAbsent(charset, origin);
        return null;
    }

    private static DecodedPage page(StrictDecoder.Result r, Charset charset, String origin) {
        String text = r.text();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return new DecodedPage(text, charset.name(), origin, r.errors());
    }

    /** A page whose markup could be read as ASCII cannot be UTF-16; browsers read such a claim as UTF-8. */
    private static Charset asciiCompatible(Charset declared) {
        return declared.name().startsWith("UTF-16") || declared.name().startsWith("UTF-32") ? StandardCharsets.UTF_8 : declared;
    }

    /** A byte-order mark at the start of the body. */
    record Bom(Charset charset, int length) {
        static Bom of(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                return new Bom(StandardCharsets.UTF_8, 3);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
                return new Bom(StandardCharsets.UTF_16BE, 2);
            }
            if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
                return new Bom(StandardCharsets.UTF_16LE, 2);
            }
            return null;
        }
    }
}
