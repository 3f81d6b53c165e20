package org.feewatch.disclosure.internal.encoding;

/**
 * A body turned into text.
 *
 * @param text    the decoded text, without a byte-order mark
 * @param charset the charset used, by its canonical Java name (GB2312 and GBK are decoded as GB18030)
 * @param origin  how it was chosen: {@code header}, {@code bom}, {@code meta}, {@code hint} or {@code detected}
 * @param malformed how many byte sequences did not decode and were replaced by U+FFFD
 */
public record DecodedPage(String text, String charset, String origin, int malformed) {

    public static final String HEADER = "header";
    public static final String BOM = "bom";
    public static final String META = "meta";
    public static final String HINT = "hint";
    public static final String DETECTED = "detected";
}
