package org.rogatory.simulator.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.NodeRole;
import org.rogatory.authorities.domain.RoundTrip;
import org.rogatory.simulator.exercise.Scenario;
import org.rogatory.simulator.report.ExerciseReport;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.rogatory.contracts.CaseStatus.EVIDENCE_RECEIVED;
import static org.rogatory.contracts.CaseStatus.EXECUTED;
import static org.rogatory.contracts.CaseStatus.IN_EXECUTION;
import static org.rogatory.contracts.CaseStatus.LAPSED;
import static org.rogatory.contracts.CaseStatus.PARTIALLY_EXECUTED;
import static org.rogatory.contracts.CaseStatus.REFUSED;
import static org.rogatory.contracts.CaseStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped exercise, played through the real pipeline (in-process broker, registry and the
 * three services): each expected outcome and inject expectation written in the file holds, and
 * the totals agree with the cases counted by status. mmc-queue's two simulated years check the
 * M/M/c (Erlang C) mean wait and utilisation through the whole pipeline, as its outcomes say; the
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
        // The totals against the rows of cases.csv (each case's status at the end), counted here.
        ExerciseReport.Totals t = report.totals();
        Map<CaseStatus, Long> rows = result.cases().stream().collect(Collectors.groupingBy(CaseView::getStatus, Collectors.counting()));
        // A round-trip case its executing authority executed is open while the results travel back (rule 11): a
        // granted MLA or disclosure of a simulated node in a state with an executing authority.
        Set<String> executingStates = scenario.world().directoryByKey().values().stream()
            .filter(n -> n.getActive() && n.getRole() == NodeRole.EXECUTING_AUTHORITY).map(DirectoryEntry::getState)
            .collect(Collectors.toSet());
        Set<String> played = scenario.scenario().players().stream().map(Scenario.Player::node).collect(Collectors.toSet());
        long travellingBack = result.cases().stream().filter(v -> (v.getStatus() == EXECUTED || v.getStatus() == PARTIALLY_EXECUTED)
            && RoundTrip.takes(v.getRequestType()) && v.getStatusTimes().containsKey(IN_EXECUTION.name())
            && executingStates.contains(v.getRequestedState()) && !played.contains(v.getHandlingNode())).count();
        long executedRows = Stream.of(EXECUTED, PARTIALLY_EXECUTED, EVIDENCE_RECEIVED).mapToLong(s -> rows.getOrDefault(s, 0L)).sum()
            - travellingBack;
        long closedRows = executedRows + Stream.of(REFUSED, LAPSED, WITHDRAWN).mapToLong(s -> rows.getOrDefault(s, 0L)).sum();
        assertEquals(t.submitted(), result.cases().size() + t.deadLettered(), "every request read and every router-opened case is a row");
        assertEquals(executedRows, t.executed(), "executed, or received back on the round trip");
        assertEquals(rows.getOrDefault(EVIDENCE_RECEIVED, 0L), t.received());
        assertEquals(rows.getOrDefault(REFUSED, 0L), t.refused());
        assertEquals(rows.getOrDefault(LAPSED, 0L), t.lapsed());
        assertEquals(rows.getOrDefault(WITHDRAWN, 0L), t.withdrawn());
        assertEquals(result.cases().size() - closedRows, t.open(), "rows not in a closed status");
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
