package org.rogatory.simulator.workload;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.scenario.LoadedScenario;
import org.rogatory.authorities.scenario.ScenarioLoader;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.RequestType;
import org.rogatory.router.world.World;
import org.rogatory.router.world.WorldLoader;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadGeneratorTest {

    private static final Path SCENARIOS = Path.of("../../scenarios");
    private static final World WORLD = WorldLoader.load(SCENARIOS.resolve("worlds/default-world.yaml"));

    @Test
    @DisplayName("UNTOC art. 16(9): a formal extradition request follows the provisional arrests of the same person between the same states")
    void extraditionFollowsProvisionalArrest() {
        List<CooperationRequest> requests = requests(ScenarioLoader.load(SCENARIOS.resolve("fugitive-race.yaml")));
        for (CooperationRequest extradition : requests.stream().filter(r -> r.getRequestType() == RequestType.EXTRADITION).toList()) {
            List<String> arrests = requests.stream()
                .filter(r -> r.getRequestType() == RequestType.PROVISIONAL_ARREST
                    && r.getSubjectPerson().equals(extradition.getSubjectPerson())
                    && r.getRequestingState().equals(extradition.getRequestingState())
                    && r.getRequestedState().equals(extradition.getRequestedState())
                    && r.getHeader().getSimulatedTime().isBefore(extradition.getHeader().getSimulatedTime()))
                .map(r -> r.getHeader().getCaseId()).toList();
            assertEquals(arrests, extradition.getLinkedCaseIds(), extradition.getHeader().getCaseId());
        }
        assertTrue(requests.stream().anyMatch(r -> !r.getLinkedCaseIds().isEmpty()), "the scenario has follow-ups");
    }

    @Test
    @DisplayName("Cybercrime art. 42 / UNTOC art. 18(14): a formal MLA request follows the oldest preservation or urgent MLA not yet followed")
    void formalMlaFollowsTheOldestPreservation() {
        LoadedScenario scenario = ScenarioLoader.load("follow-ups.yaml", """
            name: follow-ups
            description: preservations then formal requests
            seed: 7
            durationDays: 10
            world: {file: worlds/default-world.yaml}
            workload:
              - {id: preserve, from: DUN, to: IRV, requestType: PRESERVATION, instrument: CYBERCRIME_CONVENTION,
                 crimeArea: CYBERCRIME, conductCategory: UNAUTHORISED_ACCESS, language: en, bursts: [{at: 1d, count: 3, overHours: 3}]}
              - {id: formal, from: DUN, to: IRV, requestType: MLA, instrument: CYBERCRIME_CONVENTION,
                 crimeArea: CYBERCRIME, conductCategory: UNAUTHORISED_ACCESS, language: en, bursts: [{at: 5d, count: 2}]}
            """.getBytes(StandardCharsets.UTF_8), SCENARIOS);
        List<CooperationRequest> requests = requests(scenario);
        List<String> preservations = requests.stream().filter(r -> r.getRequestType() == RequestType.PRESERVATION)
            .map(r -> r.getHeader().getCaseId()).toList();
        List<List<String>> links = requests.stream().filter(r -> r.getRequestType() == RequestType.MLA)
            .map(CooperationRequest::getLinkedCaseIds).toList();
        assertEquals(List.of(List.of(preservations.get(0)), List.of(preservations.get(1))), links);
    }

    @Test
    @DisplayName("persons are pseudonyms drawn from the seed: same seed, same ids; another seed, other ids")
    void pseudonymsFollowTheSeed() {
        LoadedScenario scenario = ScenarioLoader.load(SCENARIOS.resolve("informal-to-formal.yaml"));
        List<CooperationRequest> first = requests(scenario);
        assertEquals(first, requests(scenario));
        assertTrue(first.stream().allMatch(r -> r.getSubjectPerson().matches("P-[0-9a-f]+")));
        assertNotEquals(first.getFirst().getSubjectPerson(),
            requests(scenario.withSeed(scenario.scenario().seed() + 1)).getFirst().getSubjectPerson());
    }

    private static List<CooperationRequest> requests(LoadedScenario scenario) {
        return new WorkloadGenerator(scenario.scenario(), WORLD).requests().stream()
            .map(r -> (CooperationRequest) r.value()).toList();
    }
}
