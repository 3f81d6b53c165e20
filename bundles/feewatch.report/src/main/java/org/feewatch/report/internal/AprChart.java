package org.feewatch.report.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.feewatch.api.AprPoint;

/**
 * An inline SVG scatter chart of loan APRs by contract date, with the 1-year LPR in force (a step
 * line) and the policy line (LPR + maxSpreadBp) above it. Loans to small and micro borrowers above
 * the policy line are drawn in red, other small and micro loans in blue, the rest hollow grey.
 */
public final class AprChart {

    private static final int WIDTH = 860;
    private static final int HEIGHT = 380;
    private static final int LEFT = 56;
    private static final int RIGHT = 20;
    private static final int TOP = 16;
    private static final int BOTTOM = 40;
    private static final double HEADROOM = 1.1;

    private AprChart() {
    }

    /** The SVG, or null when there is nothing to draw. */
    public static String svg(List<AprPoint> points, Integer maxSpreadBp) {
        List<AprPoint> drawn = points.stream().filter(p -> p.contractDate() != null && Double.isFinite(p.apr()))
                .toList();
        if (drawn.isEmpty()) {
            return null;
        }
        double spread = maxSpreadBp == null ? Double.NaN : maxSpreadBp / 100.0;
        TreeMap<LocalDate, Double> lpr = new TreeMap<>();
        for (AprPoint p : drawn) {
            if (p.lpr1y() != null) {
                lpr.put(p.contractDate(), p.lpr1y().doubleValue());
            }
        }
        long minDay = drawn.stream().mapToLong(p -> p.contractDate().toEpochDay()).min().getAsLong();
        long maxDay = drawn.stream().mapToLong(p -> p.contractDate().toEpochDay()).max().getAsLong();
        if (maxDay == minDay) {
            minDay -= 15;
            maxDay += 15;
        }
        double maxY = drawn.stream().mapToDouble(AprPoint::apr).max().getAsDouble();
        for (double l : lpr.values()) {
            maxY = Math.max(maxY, Double.isNaN(spread) ? l : l + spread);
        }
        double step = niceStep(maxY * HEADROOM / 6);
        double top = Math.ceil(maxY * HEADROOM / step) * step;
        double minY = Math.min(0, drawn.stream().mapToDouble(AprPoint::apr).min().getAsDouble());
        double bottom = minY < 0 ? Math.floor(minY / step) * step : 0;

        Scale sx = new Scale(minDay, maxDay, LEFT, WIDTH - RIGHT);
        Scale sy = new Scale(bottom, top, HEIGHT - BOTTOM, TOP);
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"Loan APRs against LPR and the policy line\" class=\"chart\">\n");
        // grid and y axis
        for (double y = bottom; y <= top + step / 2; y += step) {
            double py = sy.at(y);
            b.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s%%</text>\n",
                    LEFT, py, WIDTH - RIGHT, py, LEFT - 6, py + 4, label(y, step)));
        }
        // x ticks: months, at most about eight
        YearMonth first = YearMonth.from(LocalDate.ofEpochDay(minDay));
        YearMonth last = YearMonth.from(LocalDate.ofEpochDay(maxDay));
        long months = first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
        long every = Math.max(1, (months + 7) / 8);
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(every)) {
            long day = m.atDay(1).toEpochDay();
            if (day < minDay) {
                continue;
            }
            double px = sx.at(day);
            b.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"axis\"/>"
                            + "<text x=\"%.1f\" y=\"%d\" class=\"tick\" text-anchor=\"middle\">%s</text>\n",
                    px, HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 5, px, HEIGHT - BOTTOM + 18, m));
        }
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>\n", LEFT,
                HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
        // LPR and policy step lines
        if (!lpr.isEmpty()) {
            b.append("<polyline class=\"lpr\" points=\"").append(steps(lpr, 0, sx, sy, maxDay)).append("\"/>\n");
            if (!Double.isNaN(spread)) {
                b.append("<polyline class=\"policy\" points=\"").append(steps(lpr, spread, sx, sy, maxDay))
                        .append("\"/>\n");
            }
        }
        // loans
        for (AprPoint p : drawn) {
            boolean over = p.smallOrMicro() && p.lpr1y() != null && !Double.isNaN(spread)
                    && p.apr() > p.lpr1y().doubleValue() + spread;
            String cls = over ? "loan over" : p.smallOrMicro() ? "loan sm" : "loan other";
            b.append(String.format(Locale.ROOT,
                    "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" class=\"%s\"><title>%s: APR %.4f%%%s</title></circle>\n",
                    sx.at(p.contractDate().toEpochDay()), sy.at(p.apr()), cls, Html.esc(p.loanId()), p.apr(),
                    p.lpr1y() == null ? "" : ", LPR " + p.lpr1y().toPlainString() + "%"));
        }
        // legend
        int lx = LEFT + 10;
        b.append("<g class=\"legend\">");
        b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"lpr\"/>"
                + "<text x=\"%d\" y=\"%d\">1-year LPR</text>", lx, TOP + 8, lx + 20, TOP + 8, lx + 25, TOP + 12));
        if (!Double.isNaN(spread)) {
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"policy\"/>"
                    + "<text x=\"%d\" y=\"%d\">LPR + %d bp (policy)</text>", lx + 110, TOP + 8, lx + 130, TOP + 8,
                    lx + 135, TOP + 12, maxSpreadBp));
        }
        b.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" class=\"loan over\"/>"
                + "<text x=\"%d\" y=\"%d\">small/micro above policy</text>", lx + 290, TOP + 8, lx + 297, TOP + 12));
        b.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" class=\"loan sm\"/>"
                + "<text x=\"%d\" y=\"%d\">small/micro</text>", lx + 460, TOP + 8, lx + 467, TOP + 12));
        b.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" class=\"loan other\"/>"
                + "<text x=\"%d\" y=\"%d\">other</text>", lx + 550, TOP + 8, lx + 557, TOP + 12));
        b.append("</g>\n</svg>");
        return b.toString();
    }

    private static String steps(TreeMap<LocalDate, Double> lpr, double plus, Scale sx, Scale sy, long maxDay) {
        List<String> pts = new ArrayList<>();
        Double previous = null;
        for (var e : lpr.entrySet()) {
            double x = sx.at(e.getKey().toEpochDay());
            double y = sy.at(e.getValue() + plus);
            if (previous != null && !previous.equals(e.getValue())) {
                pts.add(String.format(Locale.ROOT, "%.1f,%.1f", x, sy.at(previous + plus)));
            }
            if (previous == null || !previous.equals(e.getValue())) {
                pts.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
            }
            previous = e.getValue();
        }
        pts.add(String.format(Locale.ROOT, "%.1f,%.1f", sx.at(maxDay), sy.at(previous + plus)));
        return String.join(" ", pts);
    }

    private static String label(double y, double step) {
        return step >= 1 ? BigDecimal.valueOf(Math.round(y)).toPlainString()
                : BigDecimal.valueOf(y).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private record Scale(double from, double to, double outFrom, double outTo) {
        double at(double v) {
            return outFrom + (v - from) / (to - from) * (outTo - outFrom);
        }
    }
}
