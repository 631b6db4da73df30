package org.rogatory.simulator.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.rogatory.simulator.exercise.ConditionTest.day;
import static org.rogatory.simulator.exercise.ConditionTest.millis;
import static org.rogatory.simulator.exercise.ConditionTest.refusedOn;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseView;

class ConditionalInjectsTest {

    /** INJ-WHEN waits from day 2 for a refusal; INJ-UNLESS expects a refusal before day 10; INJ-FIXED is at day 3. */
    private static final Scenario SCENARIO = ScenarioLoader.load("c.yaml", """
            name: s
            description: conditional and contingency injects
            seed: 1
            durationDays: 30
            world: {file: worlds/default-world.yaml}
            workload:
              - {id: a, from: ALD, to: KES, requestType: MLA, instrument: UNTOC, crimeArea: CYBERCRIME,
                 conductCategory: ONLINE_FRAUD, language: en, ratePerDay: 1}
            msel:
              - {id: INJ-WHEN, at: 2d, kind: NODE_OUTAGE, target: KES-CA-MLA, lasting: 2d, when: {status: REFUSED},
                 expected: an outage after the first refusal, expectation: {metric: injects.INJ-WHEN.fired, atLeast: 1}}
              - {id: INJ-UNLESS, at: 10d, kind: STAFF_CUT, target: KES-CA-MLA, lasting: 5d, parameters: {officers: "4"},
                 unless: {status: REFUSED}, expected: reinforcement if nothing refused, expectation: {metric: deadletters, atMost: 0}}
              - {id: INJ-FIXED, at: 3d, kind: NODE_OUTAGE, target: KES-NCB, until: 4d, expected: a fixed outage,
                 expectation: {metric: deadletters, atMost: 0}}
            """.getBytes(StandardCharsets.UTF_8), Path.of("../../scenarios")).scenario();

    @Test
    @DisplayName("a conditional inject fires once, at the first boundary from its time where its condition held before it")
    void conditionalFiresOnceWhenTheStateHolds() {
        ConditionalInjects injects = new ConditionalInjects(SCENARIO);
        List<CaseView> refusedDay1 = List.of(refusedOn("s/a/0001", day(1)));
        assertEquals(List.of(), ids(injects.fireAt(millis(day(0)), List.of())));
        assertEquals(List.of(), ids(injects.fireAt(millis(day(1)) + 1, refusedDay1)), "not before its 'at'");
        assertEquals(List.of("INJ-WHEN"), ids(injects.fireAt(millis(day(2)), refusedDay1)));
        assertEquals(List.of(), ids(injects.fireAt(millis(day(4)), refusedDay1)), "fired once");
    }

    @Test
    @DisplayName("a conditional inject whose state never holds never fires")
    void conditionalStaysQuietWithoutTheState() {
        ConditionalInjects injects = new ConditionalInjects(SCENARIO);
        for (int d = 0; d < 30; d += 2) {
            assertFalse(ids(injects.fireAt(millis(day(d)), List.of(refusedOn("s/a/0001", day(40))))).contains("INJ-WHEN"));
        }
    }

    @Test
    @DisplayName("a contingency inject fires at its time when the expected state is missing, and never when it held before that time")
    void contingency() {
        ConditionalInjects missing = new ConditionalInjects(SCENARIO);
        // refused on day 11, after the contingency's time: the expected refusal did not happen by day 10
        assertEquals(List.of("INJ-WHEN", "INJ-UNLESS"),
                ids(missing.fireAt(millis(day(12)), List.of(refusedOn("s/a/0001", day(11))))), "in MSEL order");
        ConditionalInjects late = new ConditionalInjects(SCENARIO);
        assertEquals(List.of("INJ-UNLESS"), ids(late.fireAt(millis(day(10)), List.of())));
        ConditionalInjects done = new ConditionalInjects(SCENARIO);
        assertEquals(List.of("INJ-WHEN"), ids(done.fireAt(millis(day(10)), List.of(refusedOn("s/a/0001", day(9))))),
                "refused before day 10: the contingency is not needed");
        assertFalse(done.waiting(), "both decided");
    }

    @Test
    @DisplayName("nothing fires at or after the end of the exercise")
    void nothingAfterTheEnd() {
        ConditionalInjects injects = new ConditionalInjects(SCENARIO);
        assertEquals(List.of(), ids(injects.fireAt(millis(day(30)), List.of(refusedOn("s/a/0001", day(1))))));
        assertFalse(injects.waiting());
    }

    private static List<String> ids(List<Scenario.Inject> injects) {
        return injects.stream().map(Scenario.Inject::id).toList();
    }
}
