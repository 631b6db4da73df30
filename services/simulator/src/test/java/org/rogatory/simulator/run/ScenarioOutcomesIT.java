package org.rogatory.simulator.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.report.CaseStanding;
import org.rogatory.simulator.report.ExerciseReport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped exercise, played through the real pipeline (in-process broker, registry and the
 * three services): each expected outcome and inject expectation written in the file holds, and
 * the totals agree with the cases counted by where each stands ({@link CaseStanding}). mmc-queue's
 * two simulated years check the M/M/c (Erlang C) mean wait and utilisation through the whole
 * pipeline, as its outcomes say; the
 * node model alone is checked more tightly by MmcScenarioTest and TopologyMatchesNodeModelTest.
 */
class ScenarioOutcomesIT {

    static final Path SCENARIOS = Path.of("../../scenarios");

    static ExerciseResult play(LoadedScenario scenario) {
        return play(scenario, Map.of());
    }

    /** @param serviceSettings laid over the services' own settings (commit intervals, client settings) */
    static ExerciseResult play(LoadedScenario scenario, Map<String, Object> serviceSettings) {
        return play(scenario, serviceSettings, Scale.DEFAULT);
    }

    /** @param scale partitions of every topic, instances of every service */
    static ExerciseResult play(LoadedScenario scenario, Map<String, Object> serviceSettings, Scale scale) {
        return new ExerciseRunner(new StopRequest(), serviceSettings, scale).run(new ExerciseRunner.Options(scenario,
            scenario.world(), RunSpeed.MAX, null, null, false));
    }

    @ParameterizedTest(name = "{0}: its expected outcomes hold")
    @ValueSource(strings = {"fugitive-race", "informal-to-formal", "cybercrime-surge", "baseline", "mmc-queue", "players-drill"})
    void expectedOutcomesHold(String name) {
        LoadedScenario scenario = ScenarioLoader.load(SCENARIOS.resolve(name + ".yaml"));
        ExerciseResult result = play(scenario);
        ExerciseReport report = result.report();

        List<String> unmet = report.injects().stream().filter(i -> !i.met())
            .map(i -> i.id() + " " + i.metric() + "=" + i.observed()).toList();
        assertEquals(List.of(), unmet, "injects whose expectation failed");
        List<String> unmetOutcomes = report.outcomes().stream().filter(o -> !o.met())
            .map(o -> o.metric() + "=" + o.observed()).toList();
        assertEquals(List.of(), unmetOutcomes, "expected outcomes that failed");
        // The totals against the rows of cases.csv (each case as it stood at the end), counted here by where each stands.
        ExerciseReport.Totals t = report.totals();
        Map<CaseStanding, Long> rows = result.cases().stream()
            .collect(Collectors.groupingBy(v -> result.standings().get(v.getCaseId()), Collectors.counting()));
        assertEquals(t.submitted(), result.cases().size() + t.deadLettered(), "every request read and every router-opened case is a row");
        assertEquals(rows.entrySet().stream().filter(row -> row.getKey().executed()).mapToLong(Map.Entry::getValue).sum(), t.executed(),
            "executed, or received back on the round trip");
        assertEquals(rows.getOrDefault(CaseStanding.RECEIVED, 0L), t.received());
        assertEquals(rows.getOrDefault(CaseStanding.REFUSED, 0L), t.refused());
        assertEquals(rows.getOrDefault(CaseStanding.LAPSED, 0L), t.lapsed());
        assertEquals(rows.getOrDefault(CaseStanding.WITHDRAWN, 0L), t.withdrawn());
        assertEquals(rows.getOrDefault(CaseStanding.OPEN, 0L), t.open(), "rows not closed");
        assertTrue(t.routed() > 0);
        if (name.equals("baseline")) {
            assertTrue(t.submitted() >= 20_000, "the baseline is the 20 000-case throughput reference: " + t.submitted());
        }
    }

    /**
     * One conditional inject, the same in both runs: it waits for a central authority's
     * acknowledgement clock to run three quarters of its span unmet. With the authority shut for
     * ten days (a scheduled outage) the clock runs late and the inject fires at a step boundary;
     * without the outage the same inject never fires.
     */
    @ParameterizedTest(name = "Kessaly's central authority shut: {0}")
    @ValueSource(booleans = {true, false})
    void conditionalInjectFiresOnTheStateAndOnlyThen(boolean shut) {
        String outage = """
              - id: INJ-SHUT
                at: 2d
                kind: NODE_OUTAGE
                target: KES-CA-MLA
                until: 12d
                expected: Kessaly's central authority is shut; acknowledgements wait.
                expectation: {metric: deadletters, atMost: 0}
            """;
        String yaml = """
            name: conditional-inject
            description: a conditional inject that waits for a late acknowledgement
            seed: 5
            durationDays: 20
            world: {file: worlds/default-world.yaml}
            workload:
              - {id: ald-to-kes-mla, from: ALD, to: KES, requestType: MLA, instrument: UNTOC, crimeArea: ORGANISED_CRIME_DRUGS,
                 conductCategory: DRUG_TRAFFICKING, maxPenaltyYears: 10, organisedCriminalGroup: true, language: en, ratePerDay: 3}
            msel:
            %s  - id: INJ-LATE
                at: 0d
                when: {clock: CA_ACKNOWLEDGEMENT, elapsed: 0.75, to: KES}
                kind: NODE_OUTAGE
                target: ALD-CA-MLA
                lasting: 1d
                expected: Aldoria's central authority stops to chase the late acknowledgement.
                expectation: {metric: injects.INJ-LATE.fired, atLeast: 0, atMost: 1}
            """.formatted(shut ? outage : "");
        LoadedScenario scenario = ScenarioLoader.load("conditional-inject.yaml", yaml.getBytes(StandardCharsets.UTF_8), SCENARIOS);
        ExerciseReport report = play(scenario).report();

        ExerciseReport.InjectLine late = report.injects().stream().filter(i -> i.id().equals("INJ-LATE")).findFirst().orElseThrow();
        assertEquals(shut ? 1.0 : 0.0, report.metrics().get("injects.INJ-LATE.fired"));
        if (shut) {
            // fired on a step boundary, once the first requests of day 2 were three quarters through five working days
            Instant fired = Instant.parse(late.firedAt());
            long day = Duration.between(scenario.scenario().startAt(), fired).toDays();
            assertTrue(day > 2 && day < 12 && day % 2 == 0, "fired on day " + day);
            assertTrue(report.clocks().get("CA_ACKNOWLEDGEMENT").missed() > 0, "the outage made acknowledgements late");
        } else {
            assertNull(late.firedAt(), "acknowledged in time: the condition never held");
            assertEquals(0, report.clocks().get("CA_ACKNOWLEDGEMENT").missed());
        }
    }
}
