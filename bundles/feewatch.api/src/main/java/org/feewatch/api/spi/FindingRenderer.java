package org.feewatch.api.spi;

import java.io.IOException;
import java.io.OutputStream;

import org.feewatch.api.Finding;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Renders one finding the way a report writer of {@link #format()} writes it among the report's
 * findings, so that an audit can render the findings it streams to disk while its loans are judged
 * and the writer copies those bytes instead of rendering them at the end (see
 * {@link org.feewatch.api.FindingStream#runs}). Comes from the report writer of that format, which
 * uses its own rendering code, so the bytes cannot differ from what it would write.
 * Thread-safe: an audit renders on the threads that judge its loans, several at once.
 */
@ConsumerType
public interface FindingRenderer {

    /** The report format the bytes belong to, as {@link ReportWriter#format()}. */
    String format();

    /**
     * Writes {@code finding} as the first element of the report's findings (what comes before the
     * first element, if anything, included).
     */
    void render(Finding finding, OutputStream out) throws IOException;

    /**
     * What the format writes between two findings: the next finding is written as this and then
     * {@link #render} of it.
     */
    byte[] separator();

    /**
     * A renderer of the same format and bytes for one thread's use only, which keeps its buffers
     * without looking them up per finding; an audit asks each judging thread's once. By default
     * this renderer.
     */
    default FindingRenderer forOneThread() {
        return this;
    }

    /**
     * A reader of what this renderer writes, so that an audit can keep a finding only as rendered
     * and still give it back as an object when asked; null (the default) when the format cannot
     * be read back, and the audit then keeps each finding in a form of its own as well.
     */
    default Reader reader() {
        return null;
    }

    /** Reads back findings as a {@link FindingRenderer} of the same format rendered them. */
    @ConsumerType
    interface Reader {

        /**
         * The {@code count} findings in {@code rendered}, in order: the first as
         * {@link FindingRenderer#render} wrote it, each next one after the
         * {@link FindingRenderer#separator}. Each comes back equal to the finding rendered (its
         * strings as their UTF-8 bytes decode). What follows the last of them is not looked at; a
         * stream that does not hold them fails with an {@link java.io.UncheckedIOException} when
         * read. The caller closes the stream.
         */
        java.util.Iterator<Finding> read(java.io.InputStream rendered, int count);
    }
}
