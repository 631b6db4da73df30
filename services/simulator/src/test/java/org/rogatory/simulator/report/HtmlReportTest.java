package org.rogatory.simulator.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.simulator.report.ExerciseReport.ClockCount;
import org.rogatory.simulator.report.ExerciseReport.Latency;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's charts stay readable: labels apart and inside the picture, small categories and few missed clocks visible. */
class HtmlReportTest {

    private static final Pattern LABEL = Pattern.compile("<text class=\"label\" x=\"([\\d.]+)\" y=\"([\\d.]+)\"[^>]*>([^<]*)</text>");
    private static final Pattern RECT = Pattern.compile("<rect class=\"([a-z0-9]+)\" x=\"([\\d.]+)\" y=\"([\\d.]+)\" width=\"([\\d.]+)\"");

    /** Clocks as in a baseline run: 60 000 on I-24/7, a handful elsewhere, one missed among the 60 000. */
    private static final SortedMap<String, ClockCount> BY_CHANNEL = new TreeMap<>(Map.of(
        "I247", new ClockCount(60_000, 59_990, 1),
        "DIPLOMATIC", new ClockCount(5, 2, 3),
        "CENTRAL_AUTHORITY", new ClockCount(400, 380, 0)));
    private static final SortedMap<String, ClockCount> BY_CRIME_AREA = new TreeMap<>(Map.of(
        "TERRORISM", new ClockCount(12, 10, 2),
        "BORDER_SECURITY", new ClockCount(30, 30, 0),
        "VULNERABLE_COMMUNITIES", new ClockCount(8, 7, 1),
        "CYBERCRIME", new ClockCount(59_000, 58_990, 4),
        "FINANCIAL_CRIME_CORRUPTION", new ClockCount(700, 690, 6),
        "ORGANISED_CRIME_DRUGS", new ClockCount(300, 299, 1),
        "ENVIRONMENTAL_CRIME", new ClockCount(3, 2, 1)));

    @Test
    @DisplayName("clocks per channel and per crime area: every missed clock shows, labels neither overlap nor leave the picture")
    void clockCharts() {
        String html = HtmlReport.render(report());
        checkClocks(section(html, "Clocks met and missed per channel"), BY_CHANNEL);
        checkClocks(section(html, "Clocks met and missed per crime area"), BY_CRIME_AREA);
    }

    @Test
    @DisplayName("latency per request type: eleven long labels, one row each, apart and inside the picture")
    void latencyLabels() {
        String html = HtmlReport.render(report());
        List<Label> labels = labels(section(html, "Legal latency per request type"));
        assertEquals(11, labels.size());
        checkLabels(labels);
    }

    private static void checkClocks(String svg, SortedMap<String, ClockCount> clocks) {
        List<Label> labels = labels(svg);
        assertEquals(new ArrayList<>(clocks.keySet()), labels.stream().map(Label::text).toList());
        checkLabels(labels);
        List<double[]> missed = new ArrayList<>();
        Matcher rect = RECT.matcher(svg);
        while (rect.find()) {
            if (rect.group(1).equals("missed")) {
                missed.add(new double[] {Double.parseDouble(rect.group(3)), Double.parseDouble(rect.group(4))});
            }
        }
        for (Label label : labels) {
            boolean shown = missed.stream().anyMatch(m -> label.y() > m[0] && label.y() <= m[0] + BarRows.ROW && m[1] >= 2);
            assertEquals(clocks.get(label.text()).missed() > 0, shown, label.text() + ": a missed bar at least 2 px wide iff clocks were missed");
        }
    }

    /** Baselines at least a font height apart; each label, measured in a real sans-serif font, starts right of 0. */
    private static void checkLabels(List<Label> labels) {
        FontRenderContext context = new FontRenderContext(null, true, true);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, BarRows.FONT);
        for (int i = 0; i < labels.size(); i++) {
            Label label = labels.get(i);
            double width = font.getStringBounds(label.text(), context).getWidth();
            assertTrue(label.x() - width >= 0, label.text() + " (" + width + " px) runs out of the picture at x=" + label.x());
            if (i > 0) {
                assertTrue(label.y() - labels.get(i - 1).y() >= BarRows.FONT, label.text() + " overlaps the label above it");
            }
        }
    }

    private record Label(double x, double y, String text) {
    }

    private static List<Label> labels(String svg) {
        List<Label> labels = new ArrayList<>();
        Matcher m = LABEL.matcher(svg);
        while (m.find()) {
            labels.add(new Label(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), m.group(3)));
        }
        return labels;
    }

    private static String section(String html, String title) {
        int start = html.indexOf("<h2>" + title);
        assertTrue(start >= 0, title);
        return html.substring(start, html.indexOf("</section>", start));
    }

    private static ExerciseReport report() {
        SortedMap<String, Latency> byType = new TreeMap<>();
        for (String type : List.of("MLA", "EXTRADITION", "PROVISIONAL_ARREST", "PRESERVATION", "DISCLOSURE", "POLICE_INFORMATION",
                "CONFISCATION", "TRANSFER_OF_PROCEEDINGS", "TEMPORARY_SURRENDER", "SPONTANEOUS_INFORMATION", "EXTRADITION_ARBITRATION")) {
            byType.put(type, new Latency(10, 8, 1.5, 20, 90));
        }
        return new ExerciseReport("charts", 1, 30, new ExerciseReport.Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
            new TreeMap<>(Map.of("I247", new Latency(60_000, 59_000, 0.1, 0.5, 2))), new TreeMap<>(), new TreeMap<>(BY_CHANNEL),
            new TreeMap<>(), List.of(), List.of(), List.of(), List.of(), new TreeMap<>(),
            new ExerciseReport.Breakdown(byType, BY_CHANNEL, BY_CRIME_AREA, new TreeMap<>(), new TreeMap<>(), new TreeMap<>()),
            new TreeMap<>(), new ExerciseReport.Run(1, 1, 1));
    }
}
