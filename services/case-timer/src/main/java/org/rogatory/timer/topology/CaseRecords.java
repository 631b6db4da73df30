package org.rogatory.timer.topology;

import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.ClockState;
import org.rogatory.contracts.ClockWarning;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.CrimeArea;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.EventHeader;
import org.rogatory.timer.domain.CaseChange;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.ClockRecord;
import org.rogatory.timer.domain.DeadlineWarning;
import org.rogatory.timer.domain.DeliveryEvidence;
import org.rogatory.timer.domain.EscalationStep;
import org.rogatory.timer.domain.LinkNotice;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Translation between the Avro contracts and the timer's domain; {@link #view} also serves interactive queries. */
public final class CaseRecords {

    static final String SOURCE_NODE = "case-timer";

    private CaseRecords() {
    }

    /** A reported step; its time is the record timestamp (simulated time). */
    static CaseChange change(CaseEvent event, CaseChange.Source source, long timestamp) {
        CooperationRequest r = event.getRequest();
        CaseChange.RequestFacts facts = r == null ? null : new CaseChange.RequestFacts(r.getRequestingState(),
            r.getRequestedState(), r.getOriginNode(), r.getCrimeArea(), r.getUrgent(), r.getLinkedCaseIds(),
            r.getRequestedDeadline());
        EventHeader h = event.getHeader();
        return new CaseChange(h.getCaseId(), h.getEventId(), source, event.getStatus(), event.getNodeId(),
            event.getChannel(), event.getRequestType(), Instant.ofEpochMilli(timestamp), event.getReasonCodes(),
            event.getRefusalGround(), h.getClassification(), facts);
    }

    /** The delivery evidence an event carries, in domain terms; null when it carries none. */
    static DeliveryEvidence evidence(CaseEvent event) {
        org.rogatory.contracts.DeliveryEvidence e = event.getEvidence();
        return e == null ? null : new DeliveryEvidence(e.getType(), e.getAt().toEpochMilli(), e.getNode(), e.getMessageId(),
            e.getDetail());
    }

    /** A follow-up case's step, received on the link topic under the earlier case's id. */
    static LinkNotice notice(String parentCaseId, CaseEvent event, long timestamp) {
        return new LinkNotice(parentCaseId, event.getHeader().getCaseId(), event.getRequestType(), event.getStatus(),
            event.getChannel(), timestamp);
    }

    public static CaseView view(CaseFile file) {
        Map<String, Instant> times = new LinkedHashMap<>();
        file.statusTimes().entrySet().stream().sorted(Map.Entry.comparingByValue())
            .forEach(e -> times.put(e.getKey(), Instant.ofEpochMilli(e.getValue())));
        List<ClockState> clocks = file.history().stream().map(CaseRecords::clockState).toList();
        return CaseView.newBuilder()
            .setCaseId(file.caseId())
            .setStatus(file.status())
            .setRequestType(file.requestType())
            .setChannel(file.channel())
            .setRequestingState(orUnknown(file.requestingState()))
            .setRequestedState(orUnknown(file.requestedState()))
            .setHandlingNode(file.handlingNode())
            .setCrimeArea(file.crimeArea() == null ? CrimeArea.UNKNOWN : file.crimeArea())
            .setStatusTimes(times)
            .setClocksMissed(file.clocksMissed())
            .setEscalationLevel(file.highestLevel())
            .setUpdatedAt(Instant.ofEpochMilli(file.updatedAt()))
            .setClocks(clocks)
            .setClassification(file.classification())
            .setEvidence(file.evidence().stream().map(e -> new org.rogatory.contracts.DeliveryEvidence(e.type(),
                Instant.ofEpochMilli(e.at()), e.node(), e.detail(), e.messageId())).toList())
            .build();
    }

    static Escalation escalation(CaseFile file, EscalationStep step) {
        return Escalation.newBuilder()
            .setHeader(header(file, step.caseId() + "/" + step.clock() + "/" + step.deadline() + "/" + step.level(), step.dueAt()))
            .setClock(step.clock())
            .setLevel(step.level())
            .setDeadline(Instant.ofEpochMilli(step.deadline()))
            .setOverdueMillis(step.overdueMillis())
            .setTargetNode(orUnknown(step.targetNode()))
            .build();
    }

    static ClockWarning warning(CaseFile file, DeadlineWarning warning) {
        return ClockWarning.newBuilder()
            .setHeader(header(file, warning.caseId() + "/" + warning.clock() + "/" + warning.deadline() + "/WARNING",
                warning.reachedAt()))
            .setClock(warning.clock())
            .setActingNode(orUnknown(warning.actingNode()))
            .setDeadline(Instant.ofEpochMilli(warning.deadline()))
            .setReachedAt(Instant.ofEpochMilli(warning.reachedAt()))
            .setElapsedShare(warning.elapsedShare())
            .build();
    }

    /** The envelope of what the timer itself decides on a case (escalations, warnings), caused by the case's last event. */
    private static EventHeader header(CaseFile file, String eventId, long at) {
        return EventHeader.newBuilder()
            .setEventId(eventId)
            .setCaseId(file.caseId())
            .setCorrelationId(file.caseId())
            .setCausationId(file.lastEventId() == null ? eventId : file.lastEventId())
            .setSimulatedTime(Instant.ofEpochMilli(at))
            .setSourceNode(SOURCE_NODE)
            .setClassification(file.classification() == null ? Classification.RESTRICTED : file.classification())
            .build();
    }

    private static ClockState clockState(ClockRecord r) {
        return ClockState.newBuilder()
            .setClock(r.kind())
            .setStartedAt(Instant.ofEpochMilli(r.startedAt()))
            .setDeadline(Instant.ofEpochMilli(r.deadline()))
            .setMetAt(r.metAt() == null ? null : Instant.ofEpochMilli(r.metAt()))
            .setMissed(r.missed())
            .build();
    }

    private static String orUnknown(String s) {
        return s == null ? "UNKNOWN" : s;
    }
}
