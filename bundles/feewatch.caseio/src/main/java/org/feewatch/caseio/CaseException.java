package org.feewatch.caseio;

/**
 * A case that cannot be audited at all (exit code 2). The message is the one line shown to the
 * user: the file, the JSON path or zip entry, and what was wrong; never a class name or a stack.
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
