package org.rogatory.simulator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * rogatory load, briefly, at two fixed rates on a real in-process broker: load.json has every
 * figure the issue asks for (the three targets, every stage, the ratios, the gateway's reads, the settings, the machine), and
 * the figures hold together: nothing achieved above what was offered, percentiles in order.
 */
// six steps (two rates, three targets), each waiting for the services to settle first
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class LoadIT {

    private static final List<String> PIPELINE_STAGES = List.of("submitted", "decided", "routed", "node action", "case view");
    private static final List<String> RAW_STAGES = List.of("written", "1 hop", "2 hops");
    private static final List<String> GATEWAY_STAGES = List.of("accepted", "submitted", "decided", "routed", "node action", "case view");

    @Test
    @DisplayName("two rates: the pipeline, plain Kafka and the gateway, every stage, percentiles ordered, achieved ≤ offered, ratios and settings present")
    void twoFixedRates(@TempDir Path out) throws Exception {
        LoadRun.run(new LoadRun.Options(Path.of("../../scenarios/baseline.yaml"), null, List.of(20.0, 40.0), null,
            Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofMillis(100), 4, 1, Map.of("case-timer", Duration.ofMillis(50)), null, "none", null, 10.0), out,
            new PrintStream(OutputStream.nullOutputStream()));

        JsonNode report = new ObjectMapper().readTree(out.resolve("load.json").toFile());
        assertThat(Files.readString(out.resolve("load.html"))).contains("<svg").contains("Percentile spectrum at 40.0");
        JsonNode settings = report.get("settings");
        assertThat(settings.get("partitions").asInt()).isEqualTo(4);
        assertThat(settings.get("instances").asInt()).isEqualTo(1);
        // the router's own (its configuration file's), the case timer's as given
        assertThat(settings.get("commitIntervalMs").get("router").asLong()).isEqualTo(100);
        assertThat(settings.get("commitIntervalMs").get("case-timer").asLong()).isEqualTo(50);
        assertThat(settings.get("processingGuarantee").get("router").asText()).isEqualTo("exactly_once_v2");
        assertThat(settings.get("processingGuarantee").get("authorities").asText()).isEqualTo("exactly_once_v2");
        assertThat(settings.get("compression").asText()).isEqualTo("none");
        assertThat(settings.get("recordBytes").asInt()).isGreaterThan(100);
        assertThat(report.get("machine").get("cores").asInt()).isPositive();

        JsonNode rates = report.get("rates");
        assertThat(rates).hasSize(2);
        for (JsonNode rate : rates) {
            double offered = rate.get("offeredPerSecond").asDouble();
            checkStep(rate.get("pipeline"), offered, PIPELINE_STAGES);
            checkStep(rate.get("rawKafka"), offered, RAW_STAGES);
            // every request gets a decision and, here, the raw hops keep up at these rates
            assertThat(stage(rate.get("pipeline"), "decided").get("reached").asLong())
                .isEqualTo(rate.get("pipeline").get("measuredRequests").asLong());
            assertThat(stage(rate.get("rawKafka"), "2 hops").get("reached").asLong())
                .isEqualTo(rate.get("rawKafka").get("measuredRequests").asLong());
            JsonNode routed = rate.get("ratioToRawKafka").get("routed");
            assertThat(routed.get("hops").asInt()).isEqualTo(1);
            assertThat(routed.get("p50").asDouble()).isPositive();
            assertThat(routed.get("p99").asDouble()).isPositive();
            // the node's first action is its e-CODEX relay, a millisecond after routing on load's instant transport,
            // taken in at the next tick: every routed request reaches it within the step (the router refuses a few)
            assertThat(stage(rate.get("pipeline"), "node action").get("reached").asLong())
                .isGreaterThanOrEqualTo(stage(rate.get("pipeline"), "routed").get("reached").asLong() * 9 / 10)
                .isPositive();
            assertThat(rate.get("ratioToRawKafka").get("node action").get("hops").asInt()).isEqualTo(2);

            JsonNode gateway = rate.get("gateway");
            JsonNode reads = gateway.get("reads");
            assertThat(reads.get("refusedSubmissions").asLong()).as(reads.path("firstRefusal").asText()).isZero();
            checkStep(gateway, offered, GATEWAY_STAGES);
            assertThat(stage(gateway, "decided").get("reached").asLong()).isEqualTo(gateway.get("measuredRequests").asLong());
            assertThat(rate.get("gatewayToPipeline").get("routed").get("p99").asDouble()).isPositive();
            assertThat(reads.get("failed").asLong()).isZero();
            // 10 GETs/s over at least the 6 s of warm-up and window, once cases are accepted
            assertThat(reads.get("found").asLong()).isGreaterThan(20);
            assertThat(reads.get("count").asLong()).isEqualTo(reads.get("found").asLong() + reads.get("notFound").asLong());
            assertThat(reads.get("p50").asDouble()).isPositive().isLessThanOrEqualTo(reads.get("p99").asDouble());
            assertThat(reads.get("p99").asDouble()).isLessThanOrEqualTo(reads.get("max").asDouble());
        }
        assertThat(report.get("settings").get("gatewayReadsPerSecond").asDouble()).isEqualTo(10.0);
        assertThat(rates.get(1).get("pipeline").get("measuredRequests").asLong())
            .isGreaterThan(rates.get(0).get("pipeline").get("measuredRequests").asLong());
    }

    private static void checkStep(JsonNode step, double offered, List<String> stages) {
        assertThat(step.get("offeredPerSecond").asDouble()).isEqualTo(offered);
        // 4 s at the rate: the schedule, not what got through
        assertThat(step.get("measuredRequests").asLong()).isEqualTo(Math.round(offered * 4));
        List<String> names = new ArrayList<>();
        for (JsonNode stage : step.get("stages")) {
            names.add(stage.get("stage").asText());
            if (stage.get("reached").asLong() == 0) {
                continue; // a stage this mix may not reach in 4 s: absent figures are zeros, checked by name only
            }
            assertThat(stage.get("achievedPerSecond").asDouble()).as(stage.get("stage").asText()).isPositive()
                .isLessThanOrEqualTo(offered);
            double[] ordered = {stage.get("p50").asDouble(), stage.get("p90").asDouble(), stage.get("p99").asDouble(),
                stage.get("p999").asDouble(), stage.get("max").asDouble()};
            for (int i = 1; i < ordered.length; i++) {
                assertThat(ordered[i]).as(stage.get("stage").asText() + " percentiles").isGreaterThanOrEqualTo(ordered[i - 1]);
            }
            assertThat(ordered[0]).isPositive();
            assertThat(stage.get("spectrum")).hasSize(StepResult.SPECTRUM.length);
        }
        assertThat(names).isEqualTo(stages);
    }

    private static JsonNode stage(JsonNode step, String name) {
        for (JsonNode stage : step.get("stages")) {
            if (stage.get("stage").asText().equals(name)) {
                return stage;
            }
        }
        throw new AssertionError("no stage " + name + " in " + step);
    }
}
