package org.feewatch.core.cli;

/** A verb cannot do its work; the message is the one line the user reads. */
public class VerbException extends Exception {
    private static final long serialVersionUID = 1L;

    public VerbException(String message) {
        super(message);
    }

    public VerbException(String message, Throwable cause) {
        super(message, cause);
    }
}
