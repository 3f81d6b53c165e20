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
