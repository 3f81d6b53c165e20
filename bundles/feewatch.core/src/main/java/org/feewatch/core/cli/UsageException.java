package org.feewatch.core.cli;

/** The arguments are wrong; the message says how, in one line. */
public class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
