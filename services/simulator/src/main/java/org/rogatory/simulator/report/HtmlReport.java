package org.rogatory.simulator.report;

import org.jfree.graphics2d.svg.SVGGraphics2D;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.rogatory.simulator.report.ExerciseReport.ClockCount;
import org.rogatory.simulator.report.ExerciseReport.Latency;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.IntStream;

/** The self-contained HTML report: tables and inline SVG charts, no script, no external resource. */
public final class HtmlReport {

    private static final int WIDTH = 900;
    private static final int HEIGHT = 380;
    /** Backlog chart: the nodes with the largest peak backlog, to stay readable. */
    private static final int BACKLOG_NODES = 8;

    private HtmlReport() {
    }

    static String render(ExerciseReport report) {
        System.setProperty("java.awt.headless", "true");
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>After-action report: ")
            .append(esc(report.scenario())).append("</title><style>")
            .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
            .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f0f0f0}")
            .append("td:first-child{text-align:left}.met{color:#176317}.missed{color:#a31515}")
            .append("section{margin-bottom:2em}</style></head><body>");
        html.append("<h1>After-action report — ").append(esc(report.scenario())).append("</h1>");
        html.append("<p>Seed ").append(report.seed()).append(", ").append(report.simulatedDays())
            .append(" simulated days; run took ").append(report.run().wallSeconds()).append(" s wall (")
            .append(report.run().events()).append(" events, ").append(report.run().eventsPerSecond())
            .append(" events/s).</p>");
        totals(html, report.totals());
        injects(html, report.injects());
        outcomes(html, report.outcomes());
        latency(html, "Legal latency per channel", report.channels());
        latency(html, "Legal latency per request type", report.breakdown().latencyByRequestType());
        clocks(html, "Clocks per kind", report.clocks());
        clockShares(html, "Clocks met and missed per channel", report.breakdown().clocksByChannel());
        clockShares(html, "Clocks met and missed per crime area", report.breakdown().clocksByCrimeArea());
        timeline(html, "Backlog per node (open cases at end of day)", "cases",
            topByPeak(report.breakdown().backlogByNodePerDay()));
        timeline(html, "Escalations per day", "escalations", report.breakdown().escalationsByLevelPerDay());
        transport(html, report.transport());
        nodes(html, report.nodes());
        players(html, report.players());
        html.append("</body></html>\n");
        return html.toString();
    }

    private static void totals(StringBuilder html, ExerciseReport.Totals t) {
        html.append("<section><h2>Totals</h2><table><tr><th>submitted</th><th>routed</th><th>executed</th><th>evidence received</th>")
            .append("<th>refused</th><th>lapsed</th><th>withdrawn</th><th>open</th><th>dead-lettered</th>")
            .append("<th>spawned by the router</th></tr><tr>");
        for (long v : new long[] {t.submitted(), t.routed(), t.executed(), t.received(), t.refused(), t.lapsed(), t.withdrawn(),
                t.open(), t.deadLettered(), t.spawned()}) {
            html.append("<td>").append(v).append("</td>");
        }
        html.append("</tr></table></section>");
    }

    private static void injects(StringBuilder html, List<ExerciseReport.InjectLine> injects) {
        html.append("<section><h2>Injects (MSEL): expected and observed</h2>");
        if (injects.isEmpty()) {
            html.append("<p>No injects in this scenario.</p></section>");
            return;
        }
        html.append("<table><tr><th>inject</th><th>at</th><th>kind</th><th>target</th><th>expected</th>")
            .append("<th>check</th><th>observed</th><th>met</th></tr>");
        for (var inject : injects) {
            html.append("<tr><td>").append(esc(inject.id())).append("</td><td>").append(esc(played(inject)))
                .append("</td><td>").append(esc(inject.kind())).append("</td><td>").append(esc(inject.target()))
                .append("</td><td style=\"text-align:left\">").append(esc(inject.expected())).append("</td><td>")
                .append(esc(check(inject.metric(), inject.atLeast(), inject.atMost()))).append("</td><td>")
                .append(inject.observed()).append("</td>").append(met(inject.met())).append("</tr>");
        }
        html.append("</table></section>");
    }

    /** When the inject fired; for one fired on the exercise's state, also its condition, or that it did not fire. */
    public static String played(ExerciseReport.InjectLine inject) {
        if (inject.condition() == null) {
            return inject.firedAt() != null ? inject.firedAt() : inject.at() + " (not played: after the end)";
        }
        return (inject.firedAt() != null ? inject.firedAt() : "not fired") + " (" + inject.condition() + ", from " + inject.at() + ")";
    }

    private static void outcomes(StringBuilder html, List<ExerciseReport.OutcomeLine> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        html.append("<section><h2>Expected outcomes</h2><table><tr><th>expected</th><th>check</th>")
            .append("<th>observed</th><th>met</th></tr>");
        for (var outcome : outcomes) {
            html.append("<tr><td>").append(esc(outcome.expected())).append("</td><td>")
                .append(esc(check(outcome.metric(), outcome.atLeast(), outcome.atMost()))).append("</td><td>")
                .append(outcome.observed()).append("</td>").append(met(outcome.met())).append("</tr>");
        }
        html.append("</table></section>");
    }

    public static String check(String metric, Double atLeast, Double atMost) {
        return (atLeast == null ? "" : atLeast + " ≤ ") + metric + (atMost == null ? "" : " ≤ " + atMost);
    }

    private static String met(boolean met) {
        return "<td class=\"" + (met ? "met\">yes" : "missed\">no") + "</td>";
    }

    private static void latency(StringBuilder html, String title, SortedMap<String, Latency> latency) {
        html.append("<section><h2>").append(title).append(" (simulated days)</h2>");
        if (latency.isEmpty()) {
            html.append("<p>No closed case.</p></section>");
            return;
        }
        List<BarRows.Row> rows = latency.entrySet().stream().map(e -> new BarRows.Row(e.getKey(), List.of(
                new BarRows.Segment("p99", e.getValue().p99Days(), "#c5cae9"),
                new BarRows.Segment("p90", e.getValue().p90Days(), "#7986cb"),
                new BarRows.Segment("p50", e.getValue().p50Days(), "#303f9f")),
            "p50 " + e.getValue().p50Days() + " · p90 " + e.getValue().p90Days() + " · p99 " + e.getValue().p99Days()
                + " days (" + e.getValue().closed() + " closed)"))
            .toList();
        html.append(BarRows.nested(rows)).append("<table><tr><th></th><th>cases</th><th>closed</th><th>p50</th><th>p90</th>")
            .append("<th>p99</th></tr>");
        latency.forEach((name, l) -> html.append("<tr><td>").append(esc(name)).append("</td><td>").append(l.cases())
            .append("</td><td>").append(l.closed()).append("</td><td>").append(l.p50Days()).append("</td><td>")
            .append(l.p90Days()).append("</td><td>").append(l.p99Days()).append("</td></tr>"));
        html.append("</table></section>");
    }

    private static void clocks(StringBuilder html, String title, SortedMap<String, ClockCount> clocks) {
        html.append("<section><h2>").append(title).append("</h2><table><tr><th>clock</th><th>started</th>")
            .append("<th>met</th><th>missed</th></tr>");
        clocks.forEach((name, c) -> html.append("<tr><td>").append(esc(name)).append("</td><td>").append(c.started())
            .append("</td><td class=\"met\">").append(c.met()).append("</td><td class=\"missed\">").append(c.missed())
            .append("</td></tr>"));
        html.append("</table></section>");
    }

    private static void clockShares(StringBuilder html, String title, SortedMap<String, ClockCount> clocks) {
        html.append("<section><h2>").append(title).append("</h2>");
        if (clocks.isEmpty()) {
            html.append("<p>No clock started.</p></section>");
            return;
        }
        // shares of each category's own clocks: the missed ones show however large the category
        List<BarRows.Row> rows = clocks.entrySet().stream().map(e -> {
            ClockCount c = e.getValue();
            return new BarRows.Row(e.getKey(), List.of(
                new BarRows.Segment("met", c.met(), "#2e7d32"),
                new BarRows.Segment("missed", c.missed(), "#c62828"),
                new BarRows.Segment("running", c.started() - c.met() - c.missed(), "#bdbdbd")),
                String.format(Locale.ROOT, "%,d missed of %,d (%s), %,d met", c.missed(), c.started(),
                    percent(c.missed(), c.started()), c.met()));
        }).toList();
        html.append("<p>Each bar is the category's own clocks, as shares: met, missed, still running at the end.</p>")
            .append(BarRows.shares(rows)).append("</section>");
    }

    /** A share as a trainer reads it: one missed clock among 60 000 is "< 0.1 %", not "0.0 %". */
    static String percent(long part, long whole) {
        double share = whole == 0 ? 0 : 100.0 * part / whole;
        return part == 0 ? "0 %" : share < 0.1 ? "< 0.1 %" : String.format(Locale.ROOT, "%.1f %%", share);
    }

    private static void timeline(StringBuilder html, String title, String unit, SortedMap<String, List<Long>> series) {
        html.append("<section><h2>").append(title).append("</h2>");
        if (series.isEmpty()) {
            html.append("<p>Nothing to plot.</p></section>");
            return;
        }
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle("simulated day")
            .yAxisTitle(unit).build();
        style(chart.getStyler());
        series.forEach((name, values) -> chart.addSeries(name,
            IntStream.range(0, values.size()).mapToObj(i -> (Number) i).toList(),
            values.stream().map(v -> (Number) v).toList()).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE));
        html.append(svg(chart)).append("</section>");
    }

    private static void transport(StringBuilder html, java.util.SortedMap<String, ExerciseReport.TransportLine> transport) {
        html.append("<section><h2>Transport: e-CODEX evidence per channel</h2><p>Late evidence came after a negative one")
            .append(" and revives nothing; latency in minutes from the acceptance of the submission.</p>")
            .append("<table><tr><th>channel</th><th>messages</th><th>positive</th><th>negative</th><th>late</th>")
            .append("<th>delivered p50</th><th>delivered p90</th><th>retrieved p50</th><th>retrieved p90</th></tr>");
        transport.forEach((channel, t) -> html.append("<tr><td>").append(esc(channel)).append("</td><td>").append(t.messages())
            .append("</td><td>").append(t.positive()).append("</td><td>").append(t.negative()).append("</td><td>").append(t.late())
            .append("</td><td>").append(t.deliveredP50Minutes()).append("</td><td>").append(t.deliveredP90Minutes())
            .append("</td><td>").append(t.retrievedP50Minutes()).append("</td><td>").append(t.retrievedP90Minutes())
            .append("</td></tr>"));
        html.append("</table></section>");
    }

    private static void nodes(StringBuilder html, List<ExerciseReport.NodeLine> nodes) {
        html.append("<section><h2>Nodes</h2><table><tr><th>node</th><th>role</th><th>officers</th><th>arrivals</th>")
            .append("<th>served</th><th>decided</th><th>mean wait (h)</th><th>utilisation</th></tr>");
        for (var n : nodes) {
            html.append("<tr><td>").append(esc(n.node())).append("</td><td>").append(n.role()).append("</td><td>")
                .append(n.officers()).append("</td><td>").append(n.arrivals()).append("</td><td>").append(n.served())
                .append("</td><td>").append(n.decided()).append("</td><td>").append(n.meanWaitHours()).append("</td><td>").append(n.utilization())
                .append("</td></tr>");
        }
        html.append("</table></section>");
    }

    private static void players(StringBuilder html, List<ExerciseReport.PlayerLine> players) {
        if (players.isEmpty()) {
            return;
        }
        html.append("<section><h2>Players</h2><p>Simulated hours from a case's routing to the node to the player's first")
            .append(" action on it.</p><table><tr><th>node</th><th>player</th><th>received</th><th>answered</th>")
            .append("<th>unanswered</th><th>actions</th><th>first response p50 (h)</th><th>slowest (h)</th></tr>");
        for (var p : players) {
            html.append("<tr><td>").append(esc(p.node())).append("</td><td>").append(p.name() == null ? "" : esc(p.name()))
                .append("</td><td>").append(p.received()).append("</td><td>").append(p.answered()).append("</td><td>")
                .append(p.unanswered()).append("</td><td>").append(p.actions()).append("</td><td>")
                .append(p.firstResponseP50Hours()).append("</td><td>").append(p.firstResponseMaxHours()).append("</td></tr>");
        }
        html.append("</table></section>");
    }

    private static SortedMap<String, List<Long>> topByPeak(SortedMap<String, List<Long>> series) {
        List<String> keep = series.entrySet().stream()
            .sorted(Comparator.comparingLong((Map.Entry<String, List<Long>> e) ->
                e.getValue().stream().mapToLong(Long::longValue).max().orElse(0)).reversed()
                .thenComparing(Map.Entry::getKey))
            .limit(BACKLOG_NODES).map(Map.Entry::getKey).toList();
        SortedMap<String, List<Long>> top = new java.util.TreeMap<>();
        keep.forEach(k -> top.put(k, series.get(k)));
        return top;
    }

    /** The house style of a chart: legend on the right, white background. */
    public static void style(Styler styler) {
        styler.setLegendPosition(Styler.LegendPosition.OutsideE);
        styler.setChartBackgroundColor(java.awt.Color.WHITE);
    }

    /** The chart as an inline SVG element. */
    public static String svg(Chart<?, ?> chart) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.paint(g, WIDTH, HEIGHT);
        return g.getSVGElement();
    }

    public static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
