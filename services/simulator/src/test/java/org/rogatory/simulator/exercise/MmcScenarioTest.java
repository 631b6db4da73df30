package org.rogatory.simulator.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.domain.Arrival;
import org.rogatory.authorities.domain.Authority;
import org.rogatory.testing.ErlangC;
import org.rogatory.authorities.domain.NodeBehaviourTable.ResolvedNode;
import org.rogatory.authorities.domain.NodeStatistics;
import org.rogatory.authorities.domain.PoissonArrivals;
import org.rogatory.authorities.domain.ServiceTimeDistribution;
import org.rogatory.platform.calendar.WorkingCalendar;
import org.rogatory.simulator.exercise.Scenario.ArrivalStream;
import org.rogatory.simulator.exercise.Scenario.Expectation;
import org.rogatory.contracts.NodeRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the shipped scenarios/mmc-queue.yaml through the node engine and checks it against the
 * Erlang C formulas (batch means, 99% interval) and against the expectations written in the file.
 */
class MmcScenarioTest {
    private static final Logger LOG = LoggerFactory.getLogger(MmcScenarioTest.class);
    private static final Path FILE = Path.of("../../scenarios/mmc-queue.yaml");
    private static final String NODE = "QUE-POC-247";
    private static final int BATCHES = 20;
    private static final double T_99_DF19 = 2.861;

    private static LoadedScenario loaded;
    private static ArrivalStream stream;
    private static int officers;

    @BeforeAll
    static void load() {
        loaded = ScenarioLoader.load(FILE);
        stream = loaded.scenario().workload().getFirst();
        JsonNode world = loaded.inlineWorld().orElseThrow();
        for (JsonNode state : world.path("states")) {
            if (state.path("code").asText().equals(stream.to())) {
                officers = state.path("nodes").get(0).path("officers").asInt();
            }
        }
    }

    @Test
    @DisplayName("mmc-queue.yaml: batch-means 99% intervals of Wq and ρ contain the Erlang C values")
    void agrees_with_erlang_c() {
        Run run = run(loaded.scenario().seed());
        ServiceTimeDistribution service = behaviour().behaviour().serviceTime(stream.requestType());
        ErlangC theory = new ErlangC(stream.ratePerDay() / 24, 1 / service.meanHours(), officers);
        double[] waits = new double[BATCHES];
        double[] utilisations = new double[BATCHES];
        for (int b = 0; b < BATCHES; b++) {
            waits[b] = run.batches.get(b).meanWaitHours();
            utilisations[b] = run.batches.get(b).utilisation();
        }
        double[] wait = meanAndHalfWidth(waits);
        double[] rho = meanAndHalfWidth(utilisations);
        LOG.info(String.format("mmc-queue seed %d, %d requests: Wq %.4f ± %.4f h (Erlang C %.4f), ρ %.4f ± %.4f (formula %.4f)",
                loaded.scenario().seed(), run.total.served(), wait[0], wait[1], theory.meanWait(), rho[0], rho[1],
                theory.utilisation()));
        assertEquals(3, officers);
        assertEquals(theory.meanWait(), wait[0], wait[1], "Wq outside the 99% batch-means interval");
        assertEquals(theory.utilisation(), rho[0], rho[1], "ρ outside the 99% batch-means interval");
    }

    @Test
    @DisplayName("mmc-queue.yaml: the node metrics written as expectations in the file hold")
    void expectations_in_the_file_hold() {
        NodeStatistics total = run(loaded.scenario().seed()).total;
        int checked = 0;
        for (Scenario.Outcome outcome : loaded.scenario().outcomes()) {
            Expectation e = outcome.expectation();
            if (e.metric().startsWith("nodes." + NODE + ".")) {
                double value = switch (e.metric().substring(("nodes." + NODE + ".").length())) {
                    case "meanWaitHours" -> total.meanWaitHours();
                    case "utilisation" -> total.utilisation();
                    case "arrivals" -> total.arrivals();
                    default -> total.decided();
                };
                assertTrue(e.holds(value), e.metric() + " = " + value + " outside " + e);
                checked++;
            }
        }
        assertEquals(3, checked);
    }

    @Test
    @DisplayName("mmc-queue.yaml: same seed → identical numbers; another seed → different numbers")
    void seed_determines_the_result() {
        long seed = loaded.scenario().seed();
        assertEquals(run(seed).total, run(seed).total);
        assertNotEquals(run(seed).total, run(seed + 1).total);
    }

    private static ResolvedNode behaviour() {
        return loaded.scenario().nodeBehaviourTable().resolve(NODE, stream.to(), NodeRole.POC_247, 0);
    }

    /** The whole run and its statistics in {@link #BATCHES} equal batches of simulated time. */
    private static Run run(long seed) {
        Scenario scenario = loaded.scenario();
        long start = scenario.startAt().toEpochMilli();
        long end = scenario.endAt().toEpochMilli();
        Authority node = new Authority(NODE, officers, WorkingCalendar.roundTheClock(ZoneOffset.UTC), Set.of("en"), false,
                behaviour().behaviour(), seed, start);
        List<Long> times = PoissonArrivals.times(seed, stream.id(), stream.ratePerDay() / 24, start, end);
        for (int i = 0; i < times.size(); i++) {
            node.receive(new Arrival("C-%06d".formatted(i), stream.requestType(), stream.language(), times.get(i)));
        }
        List<NodeStatistics> batches = new ArrayList<>();
        NodeStatistics previous = node.statistics();
        for (int b = 1; b <= BATCHES; b++) {
            node.advanceTo(start + (end - start) * b / BATCHES);
            NodeStatistics now = node.statistics();
            batches.add(now.since(previous));
            previous = now;
        }
        return new Run(node.statistics(), batches);
    }

    private static double[] meanAndHalfWidth(double[] xs) {
        double mean = Arrays.stream(xs).average().orElseThrow();
        double ss = Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum();
        return new double[] {mean, T_99_DF19 * Math.sqrt(ss / (xs.length - 1)) / Math.sqrt(xs.length)};
    }

    private record Run(NodeStatistics total, List<NodeStatistics> batches) {
    }
}
