package org.feewatch.api.spi;

/** A source could not be read; the message is the one-line reason shown in the report. */
public class SourceException extends Exception {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
