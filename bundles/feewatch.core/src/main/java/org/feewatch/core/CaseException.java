package org.feewatch.core;

/**
 * The case cannot be audited at all (CASE-FORMAT.md "What is required, and what is fatal"). The
 * message is the one line a user reads: it names the file or field and what was wrong.
 */
public class CaseException extends Exception {
    private static final long serialVersionUID = 1L;

    public CaseException(String message) {
        super(message);
    }

    public CaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
