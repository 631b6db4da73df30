package org.rogatory.simulator.run;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.rogatory.contracts.ClockState;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.report.ReportBuilder;
import org.rogatory.timer.domain.LegalClock;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/determinism.md: same scenario and seed, same report.json apart from "run" and the same
 * cases.csv, whatever the thread timing, the partition count or the number of service instances;
 * another seed, other numbers. The scenario is
 * cybercrime-surge with seed 11: dozens of 4-hour acknowledgements missed, many answered late
 * within the timer's grace, where thread timing used to decide whether a reminder went out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeterminismIT {

    /**
     * Another timing: the router's every send held back (its decisions reach the timer after the
     * nodes' actions of the same step, where they usually come first), the authorities committing
     * far more often and the timer less often.
     */
    static final Map<String, Object> OTHER_TIMING = Map.of(
        "kafka.streams.router.producer.interceptor.classes", LateSends.class.getName(),
        "kafka.streams.router.commit.interval.ms", 150,
        "kafka.streams.authorities.commit.interval.ms", 5,
        "kafka.streams.case-timer.commit.interval.ms", 250);

    private LoadedScenario scenario;
    private ExerciseResult first;

    @BeforeAll
    void playOnce() {
        scenario = ScenarioLoader.load(ScenarioOutcomesIT.SCENARIOS.resolve("cybercrime-surge.yaml")).withSeed(11);
        first = ScenarioOutcomesIT.play(scenario, Map.of());
    }

    @Test
    @DisplayName("the same seed under other thread timing and commit intervals gives identical report.json and cases.csv; another seed gives different numbers")
    void sameSeedSameReport() throws IOException {
        JsonNode otherTiming = ReportAggregates.of(ScenarioOutcomesIT.play(scenario, OTHER_TIMING));
        JsonNode reseeded = ReportAggregates.of(ScenarioOutcomesIT.play(scenario.withSeed(12), Map.of()));

        assertEquals(ReportAggregates.of(first), otherTiming);
        assertNotEquals(ReportAggregates.of(first).get("metrics"), reseeded.get("metrics"));
        assertEquals(12, reseeded.get("seed").asLong());
    }

    @Test
    @DisplayName("the same seed on 7 partitions with two instances of every service (they share the partitions) gives identical report.json and cases.csv")
    void sameSeedAtAnotherScale() throws IOException {
        JsonNode scaled = ReportAggregates.of(ScenarioOutcomesIT.play(scenario, Map.of(), new Scale(7, 2)));

        assertEquals(ReportAggregates.of(first), scaled);
    }

    @Test
    @DisplayName("with the reminder due at the deadline, every missed clock without legal effect has its reminder, even when answered late within the grace")
    void everyMissedClockClimbsItsReminder() {
        // counted on the cases as of the end, independently of the report's escalation counts
        List<ClockState> missed = first.cases().stream().flatMap(c -> c.getClocks().stream())
            .filter(ClockState::getMissed).toList();
        long laddered = missed.stream().filter(c -> LegalClock.of(c.getClock()).lapseReason().isEmpty()).count();

        assertTrue(laddered > 20, "the scenario misses dozens of escalating clocks, not " + laddered);
        assertEquals(laddered, first.report().escalations().getOrDefault("REMINDER", 0L));
        first.report().missedNotEscalated().forEach((clock, reasons) ->
            assertEquals(List.of(ReportBuilder.LAPSED_INSTEAD), List.copyOf(reasons.keySet()), clock));
    }

}
