package org.feewatch.disclosure.internal.pdf;

/**
 * A drawn straight line (a table border), in points from the page's top left: horizontal when
 * {@code y1 == y2}, vertical when {@code x1 == x2}; {@code x1 <= x2} and {@code y1 <= y2}.
 */
record Rule(double x1, double y1, double x2, double y2) {

    boolean horizontal() {
        return y1 == y2;
    }
}
