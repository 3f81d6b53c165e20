package org.feewatch.engine.lpr;

/** LPR data that cannot be read; the message names the file or response, the line and what was wrong. */
public class LprFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public LprFormatException(String message) {
        super(message);
    }
}
