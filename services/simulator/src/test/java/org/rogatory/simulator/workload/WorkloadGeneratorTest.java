package org.rogatory.simulator.workload;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.InterpolInstrument;
import org.rogatory.contracts.RequestType;
import org.rogatory.simulator.exercise.World;
import org.rogatory.simulator.exercise.WorldLoader;

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
    @DisplayName("the facts that decide a convention's scope and the INTERPOL instrument travel on every request of the stream")
    void scopeFactsAndInterpolInstrument() {
        LoadedScenario scenario = ScenarioLoader.load("facts.yaml", """
            name: facts
            description: scope facts
            seed: 3
            durationDays: 5
            world: {file: worlds/default-world.yaml}
            workload:
              - {id: notice, from: ALD, to: HAL, requestType: PROVISIONAL_ARREST, instrument: UNTOC, crimeArea: ORGANISED_CRIME_DRUGS,
                 conductCategory: DRUG_TRAFFICKING, maxPenaltyYears: 20, organisedCriminalGroup: true, interpolInstrument: RED_NOTICE,
                 language: ar, bursts: [{at: 1d, count: 2, overHours: 2}]}
              - {id: plain, from: IRV, to: FEN, requestType: MLA, instrument: CYBERCRIME_CONVENTION, crimeArea: VULNERABLE_COMMUNITIES,
                 conductCategory: TRAFFICKING_IN_PERSONS, electronicEvidence: true, language: en, bursts: [{at: 2d, count: 1}]}
            """.getBytes(StandardCharsets.UTF_8), SCENARIOS);
        List<List<Object>> facts = requests(scenario).stream().map(r -> java.util.Arrays.asList((Object) r.getMaxPenaltyYears(),
            r.getOrganisedCriminalGroup(), r.getElectronicEvidence(), r.getInterpolInstrument())).toList();
        assertEquals(List.of(
            java.util.Arrays.asList(20, true, false, InterpolInstrument.RED_NOTICE),
            java.util.Arrays.asList(20, true, false, InterpolInstrument.RED_NOTICE),
            java.util.Arrays.asList(null, false, true, null)), facts);
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

    @Test
    @DisplayName("UNTOC art. 18(24): a stream's requested deadline is counted from each request's submission")
    void requestedDeadlineFromSubmission() {
        LoadedScenario scenario = ScenarioLoader.load("deadline.yaml", """
            name: deadline
            description: requested deadlines
            seed: 3
            durationDays: 5
            world: {file: worlds/default-world.yaml}
            workload:
              - {id: asked, from: ALD, to: BRV, requestType: MLA, instrument: UNTOC, crimeArea: CYBERCRIME,
                 conductCategory: ONLINE_FRAUD, requestedDeadline: 30d, language: en, bursts: [{at: 1d, count: 2, overHours: 2}]}
              - {id: plain, from: ALD, to: BRV, requestType: MLA, instrument: UNTOC, crimeArea: CYBERCRIME,
                 conductCategory: ONLINE_FRAUD, language: en, bursts: [{at: 2d, count: 1}]}
            """.getBytes(StandardCharsets.UTF_8), SCENARIOS);
        List<CooperationRequest> requests = requests(scenario);
        assertEquals(3, requests.size());
        for (CooperationRequest r : requests.subList(0, 2)) {
            assertEquals(r.getHeader().getSimulatedTime().plus(java.time.Duration.ofDays(30)), r.getRequestedDeadline());
        }
        assertEquals(null, requests.get(2).getRequestedDeadline());
    }

    private static List<CooperationRequest> requests(LoadedScenario scenario) {
        return new WorkloadGenerator(scenario.scenario(), WORLD).requests().stream()
            .map(r -> (CooperationRequest) r.value()).toList();
    }
}
