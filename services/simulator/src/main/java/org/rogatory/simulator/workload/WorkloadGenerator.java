package org.rogatory.simulator.workload;

import org.rogatory.authorities.domain.CaseRandom;
import org.rogatory.simulator.exercise.Scenario;
import org.rogatory.simulator.exercise.WorkloadSchedule;
import org.rogatory.simulator.exercise.Scenario.ArrivalStream;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.exercise.World;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a scenario's workload schedule (when each request is submitted) into the requests
 * themselves: who sends them, from which node, about which pseudonymous person.
 */
public final class WorkloadGenerator {

    private final Scenario scenario;
    private final World world;

    public WorkloadGenerator(Scenario scenario, World world) {
        this.scenario = scenario;
        this.world = world;
    }

    public List<TimedRecord> requests() {
        List<TimedRecord> records = new ArrayList<>();
        FollowUps followUps = new FollowUps();
        for (WorkloadSchedule.Submission submission : WorkloadSchedule.of(scenario)) {
            String caseId = submission.caseId(scenario);
            CooperationRequest request = request(submission.stream(), caseId, submission.at());
            request.setLinkedCaseIds(followUps.link(request));
            records.add(new TimedRecord(submission.at(), Topics.REQUESTS_SUBMITTED, caseId, request));
        }
        records.sort(TimedRecord.ORDER);
        return records;
    }

    /**
     * Which earlier cases a formal request follows up, so the clocks that wait for it can be met:
     * a formal extradition request follows the provisional arrests of the same person between the
     * same states (UNTOC art. 16(9)); a formal MLA request follows the oldest preservation
     * (Cybercrime Convention art. 42) or urgent MLA request (UNTOC art. 18(14), written
     * confirmation) between the same states that no formal request has followed yet.
     */
    private static final class FollowUps {
        private final Map<String, List<String>> arrestsByPerson = new HashMap<>();
        private final Map<String, Deque<String>> awaitingFormalMla = new HashMap<>();

        List<String> link(CooperationRequest request) {
            String pair = request.getRequestingState() + ">" + request.getRequestedState();
            String caseId = request.getHeader().getCaseId();
            return switch (request.getRequestType()) {
                case PROVISIONAL_ARREST -> {
                    arrestsByPerson.computeIfAbsent(pair + "|" + request.getSubjectPerson(), k -> new ArrayList<>()).add(caseId);
                    yield List.of();
                }
                case EXTRADITION -> List.copyOf(arrestsByPerson.getOrDefault(pair + "|" + request.getSubjectPerson(), List.of()));
                case PRESERVATION -> {
                    awaitingFormalMla.computeIfAbsent(pair, k -> new ArrayDeque<>()).add(caseId);
                    yield List.of();
                }
                case MLA -> {
                    Deque<String> awaiting = awaitingFormalMla.computeIfAbsent(pair, k -> new ArrayDeque<>());
                    if (request.getUrgent()) {
                        awaiting.add(caseId);
                        yield List.of();
                    }
                    yield awaiting.isEmpty() ? List.of() : List.of(awaiting.poll());
                }
                default -> List.of();
            };
        }
    }

    /** The request a stream submits as case {@code caseId} at {@code at}, linked to no earlier case. */
    public CooperationRequest request(ArrivalStream stream, String caseId, long at) {
        String origin = originNode(stream.from(), stream.requestType());
        String eventId = "E-" + caseId + "-submitted";
        return CooperationRequest.newBuilder()
            .setHeader(EventHeader.newBuilder().setEventId(eventId).setCaseId(caseId).setCorrelationId(caseId)
                .setCausationId(eventId).setSimulatedTime(Instant.ofEpochMilli(at)).setSourceNode(origin)
                .setClassification(classification(stream.requestType())).build())
            .setRequestType(stream.requestType())
            .setInstrument(stream.instrument())
            .setRequestingState(stream.from())
            .setRequestedState(stream.to())
            .setConductCategory(stream.conductCategory())
            .setNationalOffenceLabel(stream.nationalOffenceLabel())
            .setCrimeArea(stream.crimeArea())
            .setUrgent(stream.urgent())
            .setCoercive(stream.coercive())
            .setEvidentialUse(stream.evidentialUse())
            .setMaxPenaltyYears(stream.maxPenaltyYears())
            .setOrganisedCriminalGroup(stream.organisedCriminalGroup())
            .setElectronicEvidence(stream.electronicEvidence())
            .setInterpolInstrument(stream.interpolInstrument())
            .setRequestedDeadline(stream.requestedDeadline() == null ? null
                : Instant.ofEpochMilli(at).plus(stream.requestedDeadline().toDuration()))
            .setLanguage(stream.language())
            .setSubjectPerson(stream.subjectPerson() != null ? stream.subjectPerson() : pseudonym(caseId))
            .setOriginNode(origin)
            .build();
    }

    /** A pseudonymous person id drawn for the case: never a name (docs/rules.md, Privacy). */
    private String pseudonym(String caseId) {
        return "P-" + String.format("%08x", CaseRandom.of(scenario.seed(), caseId, "person").nextInt());
    }

    /** Requests about persons under arrest or extradition travel as confidential; the rest as restricted. */
    private static Classification classification(RequestType type) {
        return switch (type) {
            case EXTRADITION, PROVISIONAL_ARREST, EXTRADITION_ARBITRATION, TEMPORARY_SURRENDER -> Classification.CONFIDENTIAL;
            default -> Classification.RESTRICTED;
        };
    }

    /** The requesting state's node that sends this kind of request; its ministry when it has none. */
    private String originNode(String state, RequestType type) {
        List<NodeRole> roles = switch (type) {
            case PRESERVATION, DISCLOSURE -> List.of(NodeRole.POC_247, NodeRole.NCB, NodeRole.CA_MLA);
            case POLICE_INFORMATION, PROVISIONAL_ARREST -> List.of(NodeRole.NCB, NodeRole.CA_EXT);
            case EXTRADITION, TRANSFER_OF_PROCEEDINGS, TEMPORARY_SURRENDER, EXTRADITION_ARBITRATION ->
                List.of(NodeRole.CA_EXT, NodeRole.CA_MLA);
            default -> List.of(NodeRole.CA_MLA, NodeRole.CA_EXT);
        };
        List<DirectoryEntry> nodes = world.directoryByKey().values().stream()
            .filter(n -> n.getState().equals(state) && n.getActive()).toList();
        for (NodeRole role : roles) {
            Optional<DirectoryEntry> node = nodes.stream().filter(n -> n.getRole() == role).findFirst();
            if (node.isPresent()) {
                return node.get().getNodeId();
            }
        }
        return nodes.stream().filter(n -> n.getRole() == NodeRole.MFA).findFirst()
            .or(() -> nodes.stream().findFirst())
            .map(DirectoryEntry::getNodeId)
            .orElseThrow(() -> new IllegalArgumentException("state " + state + " has no node in the world"));
    }
}
