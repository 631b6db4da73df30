package org.rogatory.testing;

import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.CrimeArea;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.EscalationLevel;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.OfficeHours;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;

import java.time.Instant;
import java.util.List;

/** Avro records of a fictional two-state world (ALD asks, BRV is asked): the case timer's inputs, for its tests and the CLI's. */
public final class Contracts {

    public static final String REQUESTING = "ALD";
    public static final String REQUESTED = "BRV";

    private Contracts() {
    }

    public static List<DirectoryEntry> world(boolean liaisonPosted) {
        List<DirectoryEntry> nodes = new java.util.ArrayList<>(List.of(
            node("BRV-CA-MLA", REQUESTED, NodeRole.CA_MLA, "UTC+01:00", false, List.of("2027-01-11")),
            node("BRV-POC-247", REQUESTED, NodeRole.POC_247, "UTC+01:00", true, List.of()),
            node("BRV-NCB", REQUESTED, NodeRole.NCB, "UTC+01:00", true, List.of()),
            node("BRV-MFA", REQUESTED, NodeRole.MFA, "UTC+01:00", false, List.of()),
            node("ALD-CA-MLA", REQUESTING, NodeRole.CA_MLA, "UTC-03:00", false, List.of()),
            node("ALD-NCB", REQUESTING, NodeRole.NCB, "UTC-03:00", true, List.of()),
            node("ALD-MFA", REQUESTING, NodeRole.MFA, "UTC-03:00", false, List.of())));
        if (liaisonPosted) {
            DirectoryEntry liaison = node("ALD-LO-BRV", REQUESTING, NodeRole.LIAISON_OFFICER, "UTC+01:00", false, List.of());
            liaison.setPostedIn(REQUESTED);
            nodes.add(liaison);
        }
        return nodes;
    }

    public static DirectoryEntry node(String id, String state, NodeRole role, String zone, boolean roundTheClock,
                                      List<String> holidays) {
        return DirectoryEntry.newBuilder().setNodeId(id).setState(state).setRole(role).setTimeZone(zone)
            .setHours(OfficeHours.newBuilder().setRoundTheClock(roundTheClock).build())
            .setHolidays(holidays).setOfficers(3).build();
    }

    public static CaseEvent routed(String caseId, RequestType type, Channel channel, String node, Instant at,
                                   boolean urgent, String... linkedCaseIds) {
        CooperationRequest request = CooperationRequest.newBuilder()
            .setHeader(header(caseId, "submitted", at, "ALD-CA-MLA"))
            .setRequestType(type).setInstrument(Instrument.UNTOC)
            .setRequestingState(REQUESTING).setRequestedState(REQUESTED)
            .setConductCategory(ConductCategory.ONLINE_FRAUD).setNationalOffenceLabel("fraude informatique")
            .setCrimeArea(CrimeArea.CYBERCRIME).setLanguage("en").setUrgent(urgent)
            .setSubjectPerson("P-7f3a91").setLinkedCaseIds(List.of(linkedCaseIds))
            .setOriginNode(urgent ? "ALD-NCB" : "ALD-CA-MLA").build();
        return event(caseId, CaseStatus.ROUTED, node, type, at).setChannel(channel).setRequest(request)
            .setReasonCodes(List.of("test:routed")).build();
    }

    /** What the router sends the receiving node with {@code routed} (a ROUTED event of {@link #routed}): its transmission. */
    public static Transmission transmission(CaseEvent routed) {
        String caseId = routed.getHeader().getCaseId();
        return Transmission.newBuilder().setHeader(header(caseId, "transmitted", routed.getHeader().getSimulatedTime(), "router"))
            .setMessageId("m-" + caseId).setChannel(routed.getChannel()).setFromNode(routed.getRequest().getOriginNode())
            .setToNode(routed.getNodeId()).setRequest(routed.getRequest()).build();
    }

    public static CaseEvent action(String caseId, RequestType type, CaseStatus status, Instant at, String... reasonCodes) {
        return event(caseId, status, "BRV-NODE", type, at).setReasonCodes(List.of(reasonCodes)).build();
    }

    public static CaseEvent refusal(String caseId, RequestType type, Instant at, RefusalGround ground) {
        return event(caseId, CaseStatus.REFUSED, "BRV-NODE", type, at).setRefusalGround(ground).build();
    }

    private static CaseEvent.Builder event(String caseId, CaseStatus status, String node, RequestType type, Instant at) {
        return CaseEvent.newBuilder().setHeader(header(caseId, status.name(), at, node)).setStatus(status)
            .setNodeId(node).setRequestType(type);
    }

    /** An escalation step of a case's clock, addressed to {@code targetNode}. */
    public static Escalation escalation(String caseId, ClockKind clock, EscalationLevel level, Instant deadline, String targetNode) {
        return Escalation.newBuilder().setHeader(header(caseId, "escalation-" + level, deadline, "case-timer"))
            .setClock(clock).setLevel(level).setDeadline(deadline).setOverdueMillis(0).setTargetNode(targetNode).build();
    }

    private static EventHeader header(String caseId, String what, Instant at, String source) {
        return EventHeader.newBuilder().setEventId(caseId + "/" + what + "/" + at.toEpochMilli()).setCaseId(caseId)
            .setCorrelationId(caseId).setCausationId(caseId).setSimulatedTime(at).setSourceNode(source)
            .setClassification(Classification.RESTRICTED).build();
    }
}
