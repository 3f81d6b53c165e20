package org.feewatch.core;

/**
 * A capability the request needs is not installed or not built yet (no report writer for a
 * format, no audit engine, no LPR table). The message says which, in one line.
 */
public class UnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message) {
        super(message);
    }
}
