package org.rogatory.simulator.load;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestMixTest {

    private static final Path SCENARIOS = Path.of("../../scenarios");
    /** Three bursts, 30 / 10 / 0 requests: the mix is 3:1, and a stream the schedule never submits is not in it. */
    private static final LoadedScenario SCENARIO = ScenarioLoader.load("mix.yaml", """
        name: mix
        description: two streams in a 3:1 mix
        seed: 5
        durationDays: 10
        world: {file: worlds/default-world.yaml}
        workload:
          - {id: mla, from: ALD, to: KES, requestType: MLA, instrument: UNTOC, crimeArea: FINANCIAL_CRIME_CORRUPTION,
             conductCategory: ONLINE_FRAUD, language: en, bursts: [{at: 1d, count: 30, overHours: 30}]}
          - {id: preserve, from: DUN, to: IRV, requestType: PRESERVATION, instrument: CYBERCRIME_CONVENTION,
             crimeArea: CYBERCRIME, conductCategory: UNAUTHORISED_ACCESS, language: en, bursts: [{at: 2d, count: 10, overHours: 10}]}
          - {id: late, from: DUN, to: IRV, requestType: MLA, instrument: CYBERCRIME_CONVENTION,
             crimeArea: CYBERCRIME, conductCategory: UNAUTHORISED_ACCESS, language: en, bursts: [{at: 20d, count: 10}]}
        """.getBytes(StandardCharsets.UTF_8), SCENARIOS);

    @Test
    @DisplayName("the scenario's streams in the proportions its schedule submits them, each request as the workload generator makes it")
    void proportionsOfTheSchedule() {
        RequestMix mix = new RequestMix(SCENARIO.scenario(), SCENARIO.world(), null);
        List<CooperationRequest> requests = IntStream.range(0, 4000).mapToObj(i -> mix.request("load/" + i, 1_000_000L + i)).toList();
        long mla = requests.stream().filter(r -> r.getRequestingState().equals("ALD")).count();
        long preservations = requests.stream().filter(r -> r.getRequestType().name().equals("PRESERVATION")).count();
        assertThat(mla + preservations).isEqualTo(4000);
        assertThat(mla / 4000.0).isBetween(0.72, 0.78);
        CooperationRequest first = requests.getFirst();
        assertThat(first.getHeader().getCaseId()).isEqualTo("load/0");
        assertThat(first.getHeader().getSimulatedTime()).isEqualTo(Instant.ofEpochMilli(1_000_000L));
        assertThat(first.getLinkedCaseIds()).isEmpty();
    }

    @Test
    @DisplayName("--stream: only that stream, even one the schedule never submits; an unknown one is named with the scenario's streams")
    void oneStream() {
        RequestMix late = new RequestMix(SCENARIO.scenario(), SCENARIO.world(), "late");
        assertThat(IntStream.range(0, 50).mapToObj(i -> late.request("load/" + i, 0).getInstrument().name()).distinct())
            .containsExactly("CYBERCRIME_CONVENTION");
        assertThatThrownBy(() -> new RequestMix(SCENARIO.scenario(), SCENARIO.world(), "nope"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("--stream nope: the scenario mix has no such stream (its streams: [mla, preserve, late])");
    }
}
