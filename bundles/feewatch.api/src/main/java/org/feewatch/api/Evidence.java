package org.feewatch.api;

/**
 * One place that shows a finding: the source (a source id or an input file name), where in it
 * (a CSS path, "line 17"), the text as it stood, and the sha256 of the snapshot it was read
 * from when it came from a fetched or stored page.
 */
public record Evidence(String source, String locator, String text, String sha256) {
    public Evidence {
        text = text == null ? "" : text;
    }

    public static Evidence of(String source, String locator, String text) {
        return new Evidence(source, locator, text, null);
    }
}
