package org.feewatch.api;

import java.util.AbstractList;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The findings of a report too large to hold in memory: a read-only list whose elements are read
 * (for example from a spill file) each time it is iterated. {@link #size()} is known up front;
 * iterate it (for-each, {@code stream()}) rather than index it: {@link #get(int)} reads on from
 * the last index asked for and starts again from the beginning otherwise. {@link Report} keeps such
 * a list as it is instead of copying it.
 */
public abstract class FindingStream extends AbstractList<Finding> {

    private Iterator<Finding> cursor;
    private int cursorIndex = -1;

    /**
     * The findings held in memory: every finding whose subject is not a loan (partners, fee items,
     * products, sources, portfolio quarters) and any loan finding found outside the loan it was
     * judging, in the report's order. Only loan findings are streamed.
     */
    public abstract java.util.List<Finding> held();

    /** A fresh pass over the findings, in the report's order. */
    @Override
    public abstract Iterator<Finding> iterator();

    /**
     * The findings in the report's order as consecutive runs, for a writer of {@code format}: runs
     * of findings to render, and runs the audit already rendered in that format with its
     * {@link org.feewatch.api.spi.FindingRenderer} while it judged the loans, which the writer copies.
     * This default: one run of every finding, none rendered.
     */
    public java.util.List<Run> runs(String format) {
        FindingStream all = this;
        return java.util.List.of(new Run() {
            @Override
            public int size() {
                return all.size();
            }

            @Override
            public Iterator<Finding> iterator() {
                return all.iterator();
            }
        });
    }

    /** Consecutive findings of a {@link FindingStream}; see {@link FindingStream#runs}. */
    public interface Run extends Iterable<Finding> {

        /** How many findings. */
        int size();

        /** A fresh pass over the findings as objects (rendered runs are read back from disk too). */
        @Override
        Iterator<Finding> iterator();

        /** True when {@link #copyRendered} gives these findings in the format asked for. */
        default boolean rendered() {
            return false;
        }

        /**
         * Copies the findings as the format's renderer wrote them: the first as
         * {@link org.feewatch.api.spi.FindingRenderer#render}, each next one after its separator.
         */
        default void copyRendered(java.io.OutputStream out) throws java.io.IOException {
            throw new UnsupportedOperationException("these findings were not rendered ahead");
        }

        /**
         * As {@link #copyRendered(java.io.OutputStream)}, into a file at its channel's position
         * (which moves on past them): a run kept in a file may copy its bytes file to file in the
         * kernel, without passing them through the JVM. This default writes them through a stream.
         */
        default void copyRendered(java.nio.channels.FileChannel out) throws java.io.IOException {
            copyRendered(java.nio.channels.Channels.newOutputStream(out));
        }
    }

    @Override
    public synchronized Finding get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        if (cursor == null || index <= cursorIndex) {
            cursor = iterator();
            cursorIndex = -1;
        }
        Finding f = null;
        while (cursorIndex < index) {
            if (!cursor.hasNext()) {
                throw new NoSuchElementException("finding " + index + " could not be read again");
            }
            f = cursor.next();
            cursorIndex++;
        }
        return f;
    }
}
