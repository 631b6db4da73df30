package org.rogatory.authorities.topology;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.rogatory.authorities.domain.NodeBehaviourRule;
import org.rogatory.authorities.domain.NodeBehaviourRule.Match;
import org.rogatory.authorities.domain.NodeBehaviourRule.Outcomes;
import org.rogatory.authorities.domain.NodeBehaviourRule.ServiceTimes;
import org.rogatory.authorities.domain.NodeBehaviourTable;
import org.rogatory.authorities.domain.Procedure;
import org.rogatory.authorities.domain.ServiceTimeDistribution;
import org.rogatory.authorities.domain.TransportPolicy;
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
import org.rogatory.contracts.Handover;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.InjectKind;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.OfficeHours;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdeConfig;

/** Records and settings the topology tests share: one 24/7 point in Kessaly with one officer. */
public final class TestRecords {
    static final Map<String, Object> SERDES = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://authorities-test");
    public static final long HOUR = 3_600_000L;
    public static final long T0 = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();
    static final String POC = "KES-POC-247";

    private TestRecords() {
    }

    /** Every 24/7 point needs exactly two officer hours per request. */
    public static final long MINUTE = 60_000L;

    /** Every channel's transport steps take exactly one minute; the timeout is the default 24 h. */
    public static TransportPolicy minuteSteps() {
        ServiceTimeDistribution minute = new ServiceTimeDistribution.Fixed(1 / 60.0);
        TransportPolicy.Steps steps = new TransportPolicy.Steps(minute, minute, minute);
        Map<Channel, TransportPolicy.Steps> all = new java.util.EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            all.put(channel, steps);
        }
        return new TransportPolicy(all, TransportPolicy.DEFAULT.timeoutMillis());
    }

    public static NodeBehaviourTable twoHourContactPoints() {
        return new NodeBehaviourTable(List.of(new NodeBehaviourRule(new Match(null, NodeRole.POC_247, null), null,
                new ServiceTimes(Map.of(), new ServiceTimeDistribution.Fixed(2.0)), null, null, null, null, null)));
    }

    /**
     * The node of scenarios/mmc-queue.yaml: exponential service of mean one hour, every request
     * executed (no more information, consultation, refusal or partial execution).
     */
    public static NodeBehaviourTable mmcQueueNode(String nodeId) {
        return new NodeBehaviourTable(List.of(new NodeBehaviourRule(new Match(nodeId, null, null), null,
                new ServiceTimes(Map.of(), new ServiceTimeDistribution.Exponential(1.0)),
                new Outcomes(0, 0, 0, 0, Map.of()), null, null, null, null)));
    }

    /**
     * The round trip's nodes: 24/7 points that grant everything in two officer hours, executing
     * authorities that execute everything in three; every domestic hop takes a minute.
     */
    static NodeBehaviourTable roundTripBehaviours() {
        Procedure minuteHops = new Procedure(0, 0.9, 240, 0, 720, 0, 168, Procedure.DEFAULT_PRESERVATION_PERIOD_HOURS, 0, 0);
        Outcomes executeAll = new Outcomes(0, 0, 0, 0, Map.of());
        return new NodeBehaviourTable(List.of(
                new NodeBehaviourRule(new Match(null, NodeRole.POC_247, null), null,
                        new ServiceTimes(Map.of(), new ServiceTimeDistribution.Fixed(2.0)), executeAll, null, null, null, null, minuteHops),
                new NodeBehaviourRule(new Match(null, NodeRole.EXECUTING_AUTHORITY, null), null,
                        new ServiceTimes(Map.of(), new ServiceTimeDistribution.Fixed(3.0)), executeAll, null, null, null, null, minuteHops)));
    }

    /** An executing authority of Kessaly with one officer, designated for {@code handles} (none: a general one). */
    static DirectoryEntry executingAuthority(String nodeId, List<RequestType> handles) {
        return DirectoryEntry.newBuilder().setNodeId(nodeId).setState("KES").setRole(NodeRole.EXECUTING_AUTHORITY)
                .setHandles(handles).setLanguages(List.of("en")).setTimeZone("UTC+08:00")
                .setHours(new OfficeHours(true, 0, 24)).setOfficers(1).build();
    }

    static EventHeader header(String eventId, String caseId, long at) {
        return EventHeader.newBuilder().setEventId(eventId).setCaseId(caseId).setCorrelationId(caseId)
                .setCausationId(eventId).setSimulatedTime(Instant.ofEpochMilli(at)).setSourceNode("test")
                .setClassification(Classification.RESTRICTED).build();
    }

    static Transmission transmission(String caseId, long at) {
        return transmission(caseId, at, POC);
    }

    public static Transmission transmission(String caseId, long at, String toNode) {
        CooperationRequest request = CooperationRequest.newBuilder()
                .setHeader(header("rq-" + caseId, caseId, at))
                .setRequestType(RequestType.PRESERVATION).setInstrument(Instrument.CYBERCRIME_CONVENTION)
                .setRequestingState("ALD").setRequestedState("KES")
                .setConductCategory(ConductCategory.RANSOMWARE_EXTORTION).setNationalOffenceLabel("extortion")
                .setCrimeArea(CrimeArea.CYBERCRIME).setLanguage("en").setOriginNode("ALD-POC-247").build();
        return Transmission.newBuilder().setHeader(header("tx-" + caseId, caseId, at)).setMessageId("m-" + caseId)
                .setChannel(Channel.CONTACT_POINT_247).setFromNode("ALD-POC-247").setToNode(toNode)
                .setRequest(request).build();
    }

    /** A granted request on its way from the node that granted it to {@code toNode}, an executing authority. */
    static Handover handover(String caseId, long at, String toNode) {
        return Handover.newBuilder().setHeader(header("hop-" + caseId, caseId, at)).setFromNode("KES-CA").setToNode(toNode)
                .setForExecution(true).setRequestType(RequestType.MLA).setLanguage("en").setPriority(0)
                .setChannel(Channel.CENTRAL_AUTHORITY).setRequestingNode("ALD-CA").setMessageId("m-" + caseId)
                .setPreviousStatus(CaseStatus.IN_EXECUTION).build();
    }

    static Escalation escalation(String caseId, long at) {
        return Escalation.newBuilder().setHeader(header("esc-" + caseId, caseId, at)).setClock(ClockKind.POC_ACKNOWLEDGEMENT)
                .setLevel(EscalationLevel.REMINDER).setDeadline(Instant.ofEpochMilli(at)).setOverdueMillis(0)
                .setTargetNode(POC).build();
    }

    static Inject channelOutage(Channel channel, long from, long until) {
        return Inject.newBuilder(outage(from, until)).setKind(InjectKind.CHANNEL_OUTAGE).setTarget(channel.name()).build();
    }

    static Inject outage(long from, long until) {
        return Inject.newBuilder().setHeader(header("inj-1", "INJ-01", from)).setKind(InjectKind.NODE_OUTAGE).setTarget(POC)
                .setStartAt(Instant.ofEpochMilli(from)).setEndAt(Instant.ofEpochMilli(until))
                .setExpected("acknowledgements missed").build();
    }

    public static DirectoryEntry pocEntry() {
        return DirectoryEntry.newBuilder().setNodeId(POC).setState("KES").setRole(NodeRole.POC_247)
                .setHandles(List.of(RequestType.PRESERVATION)).setLanguages(List.of("en", "zh")).setTimeZone("UTC+08:00")
                .setHours(new OfficeHours(true, 0, 24)).setOfficers(1).build();
    }
}
