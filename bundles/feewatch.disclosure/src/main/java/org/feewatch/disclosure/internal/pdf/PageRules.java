package org.feewatch.disclosure.internal.pdf;

import java.awt.geom.Point2D;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;

/**
 * The straight lines a page draws (table borders: stroked lines, rectangles, thin filled bars), the
 * number of images and glyphs it paints, read from its content stream without rendering it.
 */
final class PageRules extends PDFGraphicsStreamEngine {

    /** Lines shorter than this many points (underlines of a character, tick marks) are no borders. */
    private static final double MIN_LENGTH = 6;
    /** A segment this close to level (or plumb) in points is horizontal (or vertical). */
    private static final double LEVEL = 1;

    private final double top;
    private final double left;
    private final List<double[]> path = new ArrayList<>();
    private final List<Rule> rules = new ArrayList<>();
    private Point2D current = new Point2D.Double();
    private Point2D start = new Point2D.Double();
    private int images;
    private int shownGlyphs;

    private PageRules(PDPage page) {
        super(page);
        PDRectangle box = page.getCropBox();
        this.top = box.getUpperRightY();
        this.left = box.getLowerLeftX();
    }

    /** Reads the page's rules and images. */
    static PageRules of(PDPage page) throws IOException {
        PageRules r = new PageRules(page);
        r.processPage(page);
        return r;
    }

    List<Rule> rules() {
        return rules;
    }

    int images() {
        return images;
    }

    /** Glyphs the page draws, whether or not their font tells their Unicode. */
    int shownGlyphs() {
        return shownGlyphs;
    }

    @Override
    protected void showGlyph(org.apache.pdfbox.util.Matrix textRenderingMatrix, org.apache.pdfbox.pdmodel.font.PDFont font,
            int code, org.apache.pdfbox.util.Vector displacement) {
        shownGlyphs++;
    }

    @Override
    public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
        segment(p0, p1);
        segment(p1, p2);
        segment(p2, p3);
        segment(p3, p0);
        current = p0;
        start = p0;
    }

    @Override
    public void drawImage(PDImage pdImage) {
        images++;
    }

    @Override
    public void clip(int windingRule) {
        // a clipping path draws nothing; the path is ended by the operator that follows
    }

    @Override
    public void moveTo(float x, float y) {
        current = new Point2D.Float(x, y);
        start = current;
    }

    @Override
    public void lineTo(float x, float y) {
        Point2D to = new Point2D.Float(x, y);
        segment(current, to);
        current = to;
    }

    @Override
    public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
        current = new Point2D.Float(x3, y3);
    }

    @Override
    public Point2D getCurrentPoint() {
        return current;
    }

    @Override
    public void closePath() {
        segment(current, start);
        current = start;
    }

    @Override
    public void endPath() {
        path.clear();
    }

    @Override
    public void strokePath() {
        paint();
    }

    @Override
    public void fillPath(int windingRule) {
        paint();
    }

    @Override
    public void fillAndStrokePath(int windingRule) {
        paint();
    }

    @Override
    public void shadingFill(COSName shadingName) {
        // a shading paints an area, not a border
    }

    private void segment(Point2D a, Point2D b) {
        path.add(new double[] {a.getX(), a.getY(), b.getX(), b.getY()});
    }

    /** The painted path's level and plumb segments become rules, in top-left coordinates. */
    private void paint() {
        for (double[] s : path) {
            double x1 = Math.min(s[0], s[2]) - left;
            double x2 = Math.max(s[0], s[2]) - left;
            double y1 = top - Math.max(s[1], s[3]);
            double y2 = top - Math.min(s[1], s[3]);
            if (y2 - y1 <= LEVEL && x2 - x1 >= MIN_LENGTH) {
                double y = (y1 + y2) / 2;
                rules.add(new Rule(x1, y, x2, y));
            } else if (x2 - x1 <= LEVEL && y2 - y1 >= MIN_LENGTH) {
                double x = (x1 + x2) / 2;
                rules.add(new Rule(x, y1, x, y2));
            }
        }
        path.clear();
    }
}
