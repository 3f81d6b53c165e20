package org.feewatch.disclosure.internal.pdf;

/** A PDF that cannot be read as text; the message is the one-line reason shown in the report. */
public final class PdfException extends Exception {
    private static final long serialVersionUID = 1L;

    PdfException(String message) {
        super(message);
    }

    PdfException(String message, Throwable cause) {
        super(message, cause);
    }
}
