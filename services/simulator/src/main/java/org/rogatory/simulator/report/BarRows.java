package org.rogatory.simulator.report;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Horizontal bar charts as inline SVG, one row per category with its label on the left: labels
 * never collide however many categories there are or however long their names, and each row
 * carries its numbers in words beside the bar.
 */
final class BarRows {

    /** Row pitch and font size, in px: a row is taller than its label, so labels cannot overlap. */
    static final int ROW = 24;
    static final int FONT = 12;
    /** Width a label character may take at {@link #FONT} (capitals and underscores of a sans-serif font). */
    static final double CHAR = 8.5;
    /** A segment that holds anything is drawn at least this wide, so one missed clock among 60 000 still shows. */
    static final double MIN_SEGMENT = 3;
    private static final int BAR = 440;
    private static final int NOTE = 300;
    private static final int TOP = 34;
    private static final int GAP = 10;

    /** One part of a row's bar: its name (the SVG class and legend entry), its amount and colour. */
    record Segment(String name, double amount, String color) {
    }

    /** A category: its label, the parts of its bar and the numbers written beside it. */
    record Row(String label, List<Segment> segments, String note) {
    }

    private BarRows() {
    }

    /**
     * Each row's bar is its own total, split into shares: a category of 60 000 and one of 5 are
     * read the same way, and a share that holds anything stays visible.
     */
    static String shares(List<Row> rows) {
        StringBuilder svg = open(rows);
        double x0 = labelWidth(rows) + GAP;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double total = row.segments().stream().mapToDouble(Segment::amount).sum();
            double[] widths = widths(row.segments(), total);
            double x = x0;
            for (int s = 0; s < widths.length; s++) {
                if (widths[s] > 0) {
                    rect(svg, row.segments().get(s), x, y(i), widths[s]);
                    x += widths[s];
                }
            }
            label(svg, row, x0, i);
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Every row on one scale (the largest amount of all); a row's segments are nested from the
     * widest, as for percentiles p50 ≤ p90 ≤ p99.
     */
    static String nested(List<Row> rows) {
        StringBuilder svg = open(rows);
        double x0 = labelWidth(rows) + GAP;
        double max = rows.stream().flatMap(r -> r.segments().stream()).mapToDouble(Segment::amount).max().orElse(0);
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            List<Segment> widestFirst = row.segments().stream()
                .sorted((a, b) -> Double.compare(b.amount(), a.amount())).toList();
            for (Segment segment : widestFirst) {
                if (segment.amount() > 0) {
                    rect(svg, segment, x0, y(i), Math.max(MIN_SEGMENT, max == 0 ? 0 : segment.amount() / max * BAR));
                }
            }
            label(svg, row, x0, i);
        }
        return svg.append("</svg>").toString();
    }

    /** Share widths of {@link #BAR}; a non-empty share gets at least {@link #MIN_SEGMENT}, taken from the widest. */
    static double[] widths(List<Segment> segments, double total) {
        double[] widths = new double[segments.size()];
        if (total <= 0) {
            return widths;
        }
        int widest = 0;
        double borrowed = 0;
        for (int s = 0; s < widths.length; s++) {
            double amount = segments.get(s).amount();
            widths[s] = amount / total * BAR;
            if (amount > 0 && widths[s] < MIN_SEGMENT) {
                borrowed += MIN_SEGMENT - widths[s];
                widths[s] = MIN_SEGMENT;
            }
            if (widths[s] > widths[widest]) {
                widest = s;
            }
        }
        widths[widest] -= borrowed;
        return widths;
    }

    private static StringBuilder open(List<Row> rows) {
        int width = (int) Math.ceil(labelWidth(rows) + GAP + BAR + GAP + NOTE);
        StringBuilder svg = new StringBuilder().append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
            .append("\" height=\"").append(TOP + rows.size() * ROW).append("\" font-family=\"sans-serif\" font-size=\"")
            .append(FONT).append("\">");
        // the legend: each segment name once, in row order
        double x = labelWidth(rows) + GAP;
        Set<String> named = new HashSet<>();
        List<Segment> kinds = rows.stream().flatMap(r -> r.segments().stream()).filter(s -> named.add(s.name())).toList();
        for (Segment kind : kinds) {
            svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"").append(kind.color())
                .append("\"/><text x=\"").append(fmt(x + 16)).append("\" y=\"18\">").append(HtmlReport.esc(kind.name())).append("</text>");
            x += 16 + kind.name().length() * CHAR + 14;
        }
        return svg;
    }


    private static void rect(StringBuilder svg, Segment segment, double x, double y, double width) {
        svg.append("<rect class=\"").append(HtmlReport.esc(segment.name())).append("\" x=\"").append(fmt(x))
            .append("\" y=\"").append(fmt(y)).append("\" width=\"").append(fmt(width)).append("\" height=\"")
            .append(ROW - 8).append("\" fill=\"").append(segment.color()).append("\"><title>")
            .append(HtmlReport.esc(segment.name())).append(": ").append(fmt(segment.amount())).append("</title></rect>");
    }

    private static void label(StringBuilder svg, Row row, double x0, int i) {
        double baseline = y(i) + FONT;
        svg.append("<text class=\"label\" x=\"").append(fmt(x0 - GAP)).append("\" y=\"").append(fmt(baseline))
            .append("\" text-anchor=\"end\">").append(HtmlReport.esc(row.label())).append("</text>")
            .append("<text class=\"note\" x=\"").append(fmt(x0 + BAR + GAP)).append("\" y=\"").append(fmt(baseline))
            .append("\">").append(HtmlReport.esc(row.note())).append("</text>");
    }

    private static double y(int row) {
        return TOP + row * ROW + 4;
    }

    static double labelWidth(List<Row> rows) {
        return rows.stream().mapToInt(r -> r.label().length()).max().orElse(0) * CHAR;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
