package org.rogatory.router.topology;

import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DeliveryEvidence;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.router.domain.InformalToFormal;
import org.rogatory.router.domain.RoutingDecision;
import org.rogatory.router.domain.RoutingOutcome;
import org.rogatory.platform.deadletter.DeadLetters;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a routing outcome into the records the router writes: per case, a transmission on its
 * channel and a ROUTED event (and, for an informal exchange awaiting its answer, that event again
 * for the follow-up's store), or a REFUSED event, or a dead letter; then the same for every case
 * it spawned. Ids are derived from the request's event id, so a replay writes the same records.
 */
final class DecisionRecords {

    static final String SOURCE = "router";

    private DecisionRecords() {
    }

    /**
     * @param time       the input record's timestamp: every output carries it (delays are in fields)
     * @param deadLetter builds the dead letter of the input record from a reason
     */
    static List<RouterOutput> of(RoutingOutcome outcome, long time, Function<String, RouterOutput.Rejected> deadLetter) {
        List<RouterOutput> out = new ArrayList<>();
        add(outcome, time, deadLetter, out);
        return out;
    }

    private static void add(RoutingOutcome outcome, long time, Function<String, RouterOutput.Rejected> deadLetter, List<RouterOutput> out) {
        CooperationRequest request = outcome.request();
        String spawned = outcome.spawned().isEmpty() ? null : outcome.spawned().getFirst().request().getHeader().getCaseId();
        switch (outcome.decision()) {
            case RoutingDecision.Routed routed -> {
                Transmission transmission = transmission(request, routed, time);
                out.add(new RouterOutput.Transmitted(routed.toNode(), transmission));
                CaseEvent event = CaseEvent.newBuilder()
                    .setHeader(header(request, "/routed", time))
                    .setStatus(CaseStatus.ROUTED)
                    .setPreviousStatus(CaseStatus.SUBMITTED)
                    .setNodeId(routed.toNode())
                    .setChannel(routed.channel())
                    .setRequestType(request.getRequestType())
                    .setReasonCodes(routed.reasonCodes())
                    .setDetail(routed.translationDelayHours() > 0 ? "translation before review: " + routed.translationDelayHours() + " h" : null)
                    .setSpawnedCaseId(spawned)
                    .setRequest(request)
                    // the case's evidence trail starts with the sender's acceptance (docs/topics.md: the router writes it)
                    .setEvidence(transmission.getEvidence().getFirst())
                    .build();
                out.add(new RouterOutput.Decided(request.getHeader().getCaseId(), event));
                if (routed.reasonCodes().contains(InformalToFormal.AWAITS_ANSWER)) {
                    out.add(new RouterOutput.AwaitingAnswer(request.getHeader().getCaseId(), event));
                }
                if (request.getRequestType() == RequestType.EXTRADITION && request.getSubjectPerson() != null) {
                    out.add(new RouterOutput.Claimed(request.getSubjectPerson(), request));
                }
            }
            case RoutingDecision.Refused refused -> out.add(new RouterOutput.Decided(request.getHeader().getCaseId(), CaseEvent.newBuilder()
                .setHeader(header(request, "/refused", time))
                .setStatus(CaseStatus.REFUSED)
                .setPreviousStatus(CaseStatus.SUBMITTED)
                .setNodeId(refused.atNode())
                .setRequestType(request.getRequestType())
                .setReasonCodes(refused.reasonCodes())
                .setRefusalGround(refused.ground())
                .setDetail(refused.detail())
                .setSpawnedCaseId(spawned)
                .setRequest(request)
                .build()));
            case RoutingDecision.DeadLettered dead -> out.add(deadLetter.apply(dead.reason()));
        }
        outcome.spawned().forEach(child -> add(child, time, deadLetter, out));
    }

    private static Transmission transmission(CooperationRequest request, RoutingDecision.Routed routed, long time) {
        EventHeader header = header(request, "/transmitted", time);
        header.setSourceNode(routed.fromNode());
        // the message id is the request's event id: a request submitted again with the same event id is the same message
        String messageId = "MSG-" + request.getHeader().getEventId();
        return Transmission.newBuilder()
            .setHeader(header)
            .setMessageId(messageId)
            .setChannel(routed.channel())
            .setFromNode(routed.fromNode())
            .setToNode(routed.toNode())
            .setRequest(request)
            .setHops(routed.hops())
            .setReasonCodes(routed.reasonCodes())
            // e-CODEX: the first evidence is the sender's gateway accepting the submission.
            .setEvidence(List.of(new DeliveryEvidence(EvidenceType.SUBMISSION_ACCEPTED, Instant.ofEpochMilli(time), routed.fromNode(),
                null, messageId)))
            .setTranslationDelayHours(routed.translationDelayHours())
            .build();
    }

    private static EventHeader header(CooperationRequest request, String suffix, long time) {
        EventHeader cause = request.getHeader();
        return EventHeader.newBuilder()
            .setEventId(cause.getEventId() + suffix)
            .setCaseId(cause.getCaseId())
            .setCorrelationId(cause.getCorrelationId())
            .setCausationId(cause.getEventId())
            .setSimulatedTime(Instant.ofEpochMilli(time))
            .setSourceNode(SOURCE)
            .setClassification(cause.getClassification())
            .build();
    }

    static String deadLetterKey(String topic, int partition, long offset) {
        return topic + "-" + partition + "@" + offset;
    }

    static RouterOutput.Rejected rejected(DeadLetters.Cause cause, String reason, String topic, int partition, long offset,
                                          byte[] key, byte[] value, long time, Throwable error) {
        return new RouterOutput.Rejected(deadLetterKey(topic, partition, offset),
            DeadLetters.of(reason, SOURCE, topic, partition, offset, key, value, time, error), cause);
    }
}
