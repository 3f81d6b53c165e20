package org.feewatch.loanbook.internal;

/**
 * Why one input line is rejected. Thrown on the rare bad line only, so it carries no stack trace
 * (a book with many bad lines must not pay for them).
 */
final class Reject extends Exception {
    private static final long serialVersionUID = 1L;

    Reject(String message) {
        super(message, null, false, false);
    }
}
