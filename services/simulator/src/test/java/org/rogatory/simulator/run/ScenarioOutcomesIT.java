package org.rogatory.simulator.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CaseView;
import org.rogatory.simulator.report.ExerciseReport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.rogatory.contracts.CaseStatus.EXECUTED;
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
    @ValueSource(strings = {"fugitive-race", "informal-to-formal", "cybercrime-surge", "baseline", "mmc-queue"})
    void expectedOutcomesHold(String name) {
        ExerciseResult result = play(ScenarioLoader.load(SCENARIOS.resolve(name + ".yaml")));
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
        long closedRows = Stream.of(EXECUTED, PARTIALLY_EXECUTED, REFUSED, LAPSED, WITHDRAWN).mapToLong(s -> rows.getOrDefault(s, 0L)).sum();
        assertEquals(t.submitted(), result.cases().size() + t.deadLettered(), "every request read and every router-opened case is a row");
        assertEquals(rows.getOrDefault(EXECUTED, 0L) + rows.getOrDefault(PARTIALLY_EXECUTED, 0L), t.executed());
        assertEquals(rows.getOrDefault(REFUSED, 0L), t.refused());
        assertEquals(rows.getOrDefault(LAPSED, 0L), t.lapsed());
        assertEquals(rows.getOrDefault(WITHDRAWN, 0L), t.withdrawn());
        assertEquals(result.cases().size() - closedRows, t.open(), "rows not in a closed status");
        assertTrue(t.routed() > 0);
        if (name.equals("baseline")) {
            assertTrue(t.submitted() >= 20_000, "the baseline is the 20 000-case throughput reference: " + t.submitted());
        }
    }
}
