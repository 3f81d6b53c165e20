package org.feewatch.disclosure.internal.pdf;

/**
 * One character of a page as read: its text and box in points, from the page's top left (y grows
 * downwards), {@code y} being the baseline.
 */
record Glyph(String text, double x, double y, double width, double size) {

    double right() {
        return x + width;
    }

    boolean blank() {
        return text.isBlank();
    }
}
