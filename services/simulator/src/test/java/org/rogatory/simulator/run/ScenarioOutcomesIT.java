package org.rogatory.simulator.run;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rogatory.authorities.scenario.LoadedScenario;
import org.rogatory.authorities.scenario.ScenarioLoader;
import org.rogatory.router.world.WorldLoader;
import org.rogatory.simulator.report.ExerciseReport;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every shipped exercise, played through the real pipeline (in-process broker, registry and the
 * three services): each expected outcome and inject expectation written in the file holds, and
 * the totals add up. mmc-queue's two simulated years are checked against Erlang C on the node
 * model instead (MmcScenarioTest, TopologyMatchesNodeModelTest in services/authorities).
 */
class ScenarioOutcomesIT {

    static final Path SCENARIOS = Path.of("../../scenarios");

    static ExerciseResult play(LoadedScenario scenario) {
        Path world = scenario.worldFile().orElseThrow();
        return new ExerciseRunner().run(new ExerciseRunner.Options(scenario, WorldLoader.load(world), RunSpeed.MAX,
            null, null, false));
    }

    @ParameterizedTest(name = "{0}: its expected outcomes hold")
    @ValueSource(strings = {"fugitive-race", "informal-to-formal", "cybercrime-surge", "baseline"})
    void expectedOutcomesHold(String name) {
        ExerciseReport report = play(ScenarioLoader.load(SCENARIOS.resolve(name + ".yaml"))).report();

        List<String> unmet = report.injects().stream().filter(i -> !i.met())
            .map(i -> i.id() + " " + i.metric() + "=" + i.observed()).toList();
        assertEquals(List.of(), unmet, "injects whose expectation failed");
        List<String> unmetOutcomes = report.outcomes().stream().filter(o -> !o.met())
            .map(o -> o.metric() + "=" + o.observed()).toList();
        assertEquals(List.of(), unmetOutcomes, "expected outcomes that failed");
        ExerciseReport.Totals t = report.totals();
        assertEquals(t.submitted(), t.executed() + t.refused() + t.lapsed() + t.withdrawn() + t.open() + t.deadLettered());
        assertTrue(t.routed() > 0);
        if (name.equals("baseline")) {
            assertTrue(t.submitted() >= 20_000, "the baseline is the 20 000-case throughput reference: " + t.submitted());
        }
    }
}
