package org.rogatory.simulator.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a load run measured (load.json): the machine, the settings, each offered rate's
 * pipeline and raw-Kafka steps with their ratios, and the highest sustained rates if searched.
 */
public record LoadReport(Machine machine, Settings settings, List<Rate> rates, MaxRate maxRate) {

    /** The machine as the run found it: its load average before and after says what else ran. */
    record Machine(int cores, String os, String java, long maxHeapMb, double loadAverageBefore, double loadAverageAfter) {
    }

    /**
     * The knobs the figures depend on.
     *
     * @param recordBytes mean size of a submitted request in the Confluent wire format; the yardstick's records are as long
     * @param gatewayReadsPerSecond the rate of GETs of a case during each gateway step; null without {@code --gateway}
     */
    record Settings(String scenario, String stream, int partitions, int instances, Map<String, Long> commitIntervalMs,
                    Map<String, String> processingGuarantee, String compression, String acks, long lingerMs,
                    int recordBytes, long tickMs, double warmupSeconds, double durationSeconds, Double gatewayReadsPerSecond,
                    String transport) {
    }

    /**
     * One offered rate: the pipeline, then plain Kafka, and each pipeline stage against the raw stage as many hops
     * deep; with {@code --gateway}, the same requests through the gateway's API, each stage against the direct
     * submission's same stage (null without).
     */
    record Rate(double offeredPerSecond, StepResult pipeline, StepResult rawKafka, Map<String, Ratio> ratioToRawKafka,
                StepResult gateway, Map<String, Ratio> gatewayToPipeline) {

        /** The steps run at this rate, in their order. */
        List<StepResult> stepsRun() {
            return gateway == null ? List.of(pipeline, rawKafka) : List.of(pipeline, rawKafka, gateway);
        }
    }

    /** Pipeline ÷ raw Kafka, or gateway ÷ direct: latencies (higher is slower) and achieved throughput (lower is slower). */
    record Ratio(int hops, double p50, double p99, double p999, double achieved) {
    }

    /**
     * The highest rates each target sustained, and the steps that found them; a rate equal to
     * {@code ceilingPerSecond} is only a lower bound (the search stops there). {@code gatewayPerSecond}: through the
     * gateway's API, with {@code --gateway} (else null).
     */
    record MaxRate(double pipelinePerSecond, double rawKafkaPerSecond, double ratio, double ceilingPerSecond,
                   List<StepResult> steps, Double gatewayPerSecond) {
    }

    /** Each pipeline stage against the raw stage as many hops deep. */
    static Map<String, Ratio> ratios(StepResult pipeline, StepResult raw) {
        return ratios(pipeline, stage -> stage.hops() > 0 ? raw.atHops(stage.hops()) : null);
    }

    /** Each gateway stage against the direct submission's stage of the same name. */
    static Map<String, Ratio> gatewayRatios(StepResult gateway, StepResult direct) {
        return ratios(gateway, stage -> direct.stages().stream().filter(s -> s.stage().equals(stage.stage())).findFirst().orElse(null));
    }

    private static Map<String, Ratio> ratios(StepResult step, Function<StepResult.StageFigures, StepResult.StageFigures> against) {
        Map<String, Ratio> ratios = new java.util.LinkedHashMap<>();
        for (StepResult.StageFigures stage : step.stages()) {
            StepResult.StageFigures yardstick = against.apply(stage);
            if (yardstick != null && stage.reached() > 0 && yardstick.reached() > 0) {
                ratios.put(stage.stage(), new Ratio(stage.hops(), over(stage.p50(), yardstick.p50()), over(stage.p99(), yardstick.p99()),
                    over(stage.p999(), yardstick.p999()), over(stage.achievedPerSecond(), yardstick.achievedPerSecond())));
            }
        }
        return ratios;
    }

    /** A rate at the search's ceiling is only a lower bound. */
    private String atLeast(double rate) {
        return rate == maxRate.ceilingPerSecond() ? ">= " : "";
    }

    private static double over(double a, double b) {
        return b == 0 ? 0 : StepResult.round(a / b);
    }

    /** The console table: one line per target and stage at each rate. */
    public String table() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-9s %-9s %-12s %9s %9s %8s %8s %8s %8s %8s  %s", "offered/s", "target", "stage",
            "reached", "achieved", "p50 ms", "p90 ms", "p99 ms", "p99.9 ms", "max ms", "ratio p50 / p99"));
        for (Rate rate : rates) {
            for (StepResult step : rate.stepsRun()) {
                for (StepResult.StageFigures s : step.stages()) {
                    Ratio ratio = step == rate.pipeline() ? rate.ratioToRawKafka().get(s.stage())
                        : step == rate.gateway() ? rate.gatewayToPipeline().get(s.stage()) : null;
                    lines.add(String.format(Locale.ROOT, "%-9.1f %-9s %-12s %9d %9.1f %8.1f %8.1f %8.1f %8.1f %8.1f  %s",
                        rate.offeredPerSecond(), step.target(), s.stage(), s.reached(), s.achievedPerSecond(), s.p50(), s.p90(),
                        s.p99(), s.p999(), s.max(), ratio == null ? "" : String.format(Locale.ROOT, "%.2f / %.2f %s", ratio.p50(),
                            ratio.p99(), step == rate.gateway() ? "x direct" : "x raw")));
                }
                lines.add(String.format(Locale.ROOT, "%-9s %-9s ready after %.1f s, backlog growth %d, sender lag %.1f ms: %s",
                    "", "", step.readySeconds(), step.backlogGrowth(), step.senderLagMs(),
                    step.sustained() ? "sustained" : "NOT sustained"));
                if (step.reads() != null) {
                    StepResult.Reads r = step.reads();
                    lines.add(String.format(Locale.ROOT, "%-9s %-9s GET a case at %.1f/s: %d reads (%d found, %d not viewed yet, %d failed),"
                            + " p50 %.1f ms, p99 %.1f ms, max %.1f ms; submissions not accepted: %d%s", "", "", r.offeredPerSecond(),
                        r.count(), r.found(), r.notFound(), r.failed(), r.p50(), r.p99(), r.max(), r.refusedSubmissions(),
                        r.firstRefusal() == null ? "" : " (first: " + r.firstRefusal() + ")"));
                }
            }
        }
        if (maxRate != null) {
            lines.add(String.format(Locale.ROOT, "max sustained: pipeline %s%.1f/s, raw Kafka %s%.1f/s, ratio %s%.3f",
                atLeast(maxRate.pipelinePerSecond()), maxRate.pipelinePerSecond(), atLeast(maxRate.rawKafkaPerSecond()),
                maxRate.rawKafkaPerSecond(), maxRate.rawKafkaPerSecond() == maxRate.ceilingPerSecond() ? "<= " : "",
                maxRate.ratio()));
            if (maxRate.gatewayPerSecond() != null) {
                lines.add(String.format(Locale.ROOT, "max sustained through the gateway: %s%.1f/s, %.3f x direct",
                    atLeast(maxRate.gatewayPerSecond()), maxRate.gatewayPerSecond(),
                    over(maxRate.gatewayPerSecond(), maxRate.pipelinePerSecond())));
            }
        }
        lines.add(String.format(Locale.ROOT, "settings: %d partitions, %d instance(s), commit %s ms, guarantee %s, compression %s, "
                + "acks %s, record %d bytes, tick %d ms, transport %s; machine: %d cores, load %.2f -> %.2f", settings.partitions(),
            settings.instances(), settings.commitIntervalMs(), settings.processingGuarantee(), settings.compression(), settings.acks(),
            settings.recordBytes(), settings.tickMs(), settings.transport(), machine.cores(), machine.loadAverageBefore(), machine.loadAverageAfter()));
        return String.join("\n", lines);
    }
}
