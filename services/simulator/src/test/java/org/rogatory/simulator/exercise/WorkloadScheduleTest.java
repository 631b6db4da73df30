package org.rogatory.simulator.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.simulator.exercise.WorkloadSchedule.Submission;
import org.rogatory.contracts.RequestType;

class WorkloadScheduleTest {
    private static final Path SCENARIOS = Path.of("../../scenarios");
    private static final long HOUR = 3_600_000L;

    private static final String SCENARIO = """
            name: schedule
            description: Poisson, bursts, an active window and two surges.
            seed: %d
            durationDays: 100
            world: {file: worlds/default-world.yaml}
            workload:
              - {id: steady, from: ALD, to: KES, requestType: MLA, instrument: UNTOC, crimeArea: CYBERCRIME,
                 conductCategory: ONLINE_FRAUD, language: en, ratePerDay: 10, activeFrom: 10d, activeUntil: 60d}
              - {id: bursty, from: DUN, to: KES, requestType: PRESERVATION, instrument: CYBERCRIME_CONVENTION,
                 crimeArea: CYBERCRIME, conductCategory: RANSOMWARE_EXTORTION, language: en,
                 bursts: [{at: 2d, count: 4, overHours: 6}]}
            msel:
              - {id: S-1, at: 20d, kind: SURGE, target: steady, until: 30d, parameters: {factor: "3"},
                 expected: more, expectation: {metric: requests.MLA, atLeast: 1}}
              - {id: S-2, at: 3d, kind: SURGE, target: bursty, parameters: {count: "2"},
                 expected: more, expectation: {metric: requests.PRESERVATION, atLeast: 1}}
            """;

    @Test
    @DisplayName("bursts are spread evenly; a count surge adds a burst; a factor surge multiplies the rate in its window")
    void parts_of_the_workload() {
        Scenario scenario = load(1);
        long start = scenario.startAt().toEpochMilli();
        List<Submission> all = WorkloadSchedule.of(scenario);
        List<Long> bursty = all.stream().filter(s -> s.stream().id().equals("bursty")).map(s -> (s.at() - start) / HOUR).toList();
        assertEquals(List.of(48L, 49L, 51L, 52L, 72L, 72L), bursty, "4 over 6 h from day 2, then 2 at once on day 3");
        List<Long> steady = all.stream().filter(s -> s.stream().id().equals("steady")).map(Submission::at).toList();
        assertTrue(steady.stream().allMatch(t -> t >= start + 240 * HOUR && t < start + 1440 * HOUR), "active window");
        long inSurge = steady.stream().filter(t -> t >= start + 480 * HOUR && t < start + 720 * HOUR).count();
        // 10 days × 10/day × factor 3 = 300 expected (Poisson, σ ≈ 17); the other 40 days: 400 (σ = 20)
        assertEquals(300, inSurge, 70);
        assertEquals(400, steady.size() - inSurge, 80);
    }

    @Test
    @DisplayName("sorted by time; case ids unique and stable; same seed same schedule, another seed another")
    void deterministic_and_ordered() {
        Scenario scenario = load(1);
        List<Submission> all = WorkloadSchedule.of(scenario);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).at() <= all.get(i).at());
        }
        Set<String> ids = all.stream().map(s -> s.caseId(scenario)).collect(Collectors.toSet());
        assertEquals(all.size(), ids.size());
        assertTrue(ids.contains("schedule/bursty/0000"));
        assertEquals(all, WorkloadSchedule.of(load(1)));
        assertNotEquals(all.stream().map(Submission::at).toList(), WorkloadSchedule.of(load(2)).stream().map(Submission::at).toList());
    }

    @Test
    @DisplayName("a factor surge on a stream without a rate is refused at load time")
    void factor_surge_needs_a_rate() {
        String yaml = SCENARIO.formatted(1).replace("target: steady", "target: bursty");
        ExerciseFileException e = assertThrows(ExerciseFileException.class,
                () -> ScenarioLoader.load("s.yaml", yaml.getBytes(StandardCharsets.UTF_8), SCENARIOS));
        assertEquals("msel[0].parameters.factor", e.field());
    }

    @Test
    @DisplayName("the shipped cybercrime-surge schedule holds its bursts and its surge")
    void shipped_surge() {
        Scenario scenario = ScenarioLoader.load(SCENARIOS.resolve("cybercrime-surge.yaml")).scenario();
        long preservations = WorkloadSchedule.of(scenario).stream()
                .filter(s -> s.stream().requestType() == RequestType.PRESERVATION).count();
        // bursts 25 + 15 + 10 + 12 + 10, surge 30, background Poisson 0.2/day × 120 days ≈ 24
        assertEquals(126, preservations, 15);
    }

    private static Scenario load(long seed) {
        return ScenarioLoader.load("schedule.yaml", SCENARIO.formatted(seed).getBytes(StandardCharsets.UTF_8), SCENARIOS).scenario();
    }
}
