package org.rogatory.simulator.load;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.rogatory.simulator.report.HtmlReport;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** load.html: the console table, latency against achieved throughput, and the percentile spectra, as inline SVG. */
final class LoadHtml {

    private LoadHtml() {
    }

    static String render(LoadReport report) {
        System.setProperty("java.awt.headless", "true");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<title>Load: ").append(HtmlReport.esc(report.settings().scenario())).append("</title><style>")
            .append("body{font-family:sans-serif;margin:2em;color:#222}pre{background:#f6f6f6;padding:1em}")
            .append("section{margin-bottom:2em}</style></head><body><h1>Load — ")
            .append(HtmlReport.esc(report.settings().scenario())).append("</h1><section><h2>Figures</h2><pre>")
            .append(HtmlReport.esc(report.table())).append("</pre></section>");
        List<StepResult> steps = new ArrayList<>();
        report.rates().forEach(rate -> steps.addAll(rate.stepsRun()));
        if (report.maxRate() != null) {
            steps.addAll(report.maxRate().steps());
        }
        html.append("<section><h2>Latency against achieved throughput</h2>").append(HtmlReport.svg(latencyChart(steps)))
            .append("</section>");
        for (LoadReport.Rate rate : report.rates()) {
            html.append("<section><h2>Percentile spectrum at ").append(String.format(Locale.ROOT, "%.1f", rate.offeredPerSecond()))
                .append(" requests/s</h2>").append(HtmlReport.svg(spectrumChart(rate))).append("</section>");
        }
        return html.append("</body></html>\n").toString();
    }

    /** p50 and p99 of the routed transmission and of one raw hop, at each step's achieved rate. */
    private static XYChart latencyChart(List<StepResult> steps) {
        XYChart chart = new XYChartBuilder().width(900).height(380).title("Latency from the intended send time")
            .xAxisTitle("achieved requests/s").yAxisTitle("ms").build();
        HtmlReport.style(chart.getStyler());
        chart.getStyler().setYAxisLogarithmic(true);
        series(chart, steps, "pipeline", PipelineTarget.ROUTED, "p50", StepResult.StageFigures::p50);
        series(chart, steps, "pipeline", PipelineTarget.ROUTED, "p99", StepResult.StageFigures::p99);
        series(chart, steps, "raw Kafka", RawKafkaTarget.ONE_HOP, "p50", StepResult.StageFigures::p50);
        series(chart, steps, "raw Kafka", RawKafkaTarget.ONE_HOP, "p99", StepResult.StageFigures::p99);
        series(chart, steps, "gateway", PipelineTarget.ROUTED, "p50", StepResult.StageFigures::p50);
        series(chart, steps, "gateway", PipelineTarget.ROUTED, "p99", StepResult.StageFigures::p99);
        return chart;
    }

    private static void series(XYChart chart, List<StepResult> steps, String target, String stage, String label,
                               ToDoubleFunction<StepResult.StageFigures> latency) {
        List<StepResult.StageFigures> points = steps.stream().filter(s -> s.target().equals(target))
            .map(s -> s.stage(stage)).filter(s -> s.reached() > 0)
            .sorted(Comparator.comparingDouble(StepResult.StageFigures::achievedPerSecond)).toList();
        if (!points.isEmpty()) {
            chart.addSeries(target + " " + stage + " " + label,
                points.stream().map(s -> (Number) s.achievedPerSecond()).toList(),
                points.stream().map(s -> (Number) Math.max(0.01, latency.applyAsDouble(s))).toList());
        }
    }

    /** Each stage's latency by percentile, the x axis in nines (1 / (1 − p)) so that the tail is readable. */
    private static XYChart spectrumChart(LoadReport.Rate rate) {
        XYChart chart = new XYChartBuilder().width(900).height(380).title("Latency by percentile")
            .xAxisTitle("1 / (1 - percentile): 10 = p90, 100 = p99, 1000 = p99.9").yAxisTitle("ms").build();
        HtmlReport.style(chart.getStyler());
        chart.getStyler().setXAxisLogarithmic(true);
        for (StepResult step : rate.stepsRun()) {
            for (StepResult.StageFigures stage : step.stages()) {
                List<StepResult.Point> points = stage.spectrum().stream().filter(p -> p.percentile() < 100).toList();
                if (stage.hops() > 0 && !points.isEmpty()) {
                    chart.addSeries(step.target() + " " + stage.stage(),
                        points.stream().map(p -> (Number) (100 / (100 - p.percentile()))).toList(),
                        points.stream().map(p -> (Number) p.millis()).toList()).setMarker(SeriesMarkers.NONE);
                }
            }
        }
        return chart;
    }
}
