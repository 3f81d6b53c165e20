package org.feewatch.api;

/** An input error or warning: the file, the physical line (null when not line-bound), and what was wrong. */
public record InputIssue(String file, Long line, String message) {
    public static InputIssue at(String file, long line, String message) {
        return new InputIssue(file, line, message);
    }

    public static InputIssue of(String file, String message) {
        return new InputIssue(file, null, message);
    }
}
