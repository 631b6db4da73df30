package org.rogatory.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.timer.domain.CaseChange;
import org.rogatory.timer.domain.CaseStateMachine;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.rogatory.gateway.JsonFields.object;
import static org.rogatory.gateway.JsonFields.optional;
import static org.rogatory.gateway.JsonFields.symbol;
import static org.rogatory.gateway.JsonFields.text;

/**
 * A step a person playing a node reports on a case ({@code POST /api/v1/cases/{id}/actions}), in
 * JSON: the node, the status the step moves the case to (a {@code CaseStatus} symbol, the
 * vocabulary of the {@code CaseEvent} contract every node action is written in), a refusal ground,
 * a note. Read field by field ({@link #read}), then judged against the case as the case timer holds
 * it by the case state machine the timer applies ({@link #judge}), and made into a node action.
 */
public final class PlayerActionForm {

    static final Set<String> FIELDS = Set.of("node", "status", "refusalGround", "detail");
    /** The longest note accepted: a line for the trainer, never a document or personal data. */
    static final int MAX_DETAIL = 500;
    /** Reason code on every step a person reported, telling it from the simulated nodes' steps. */
    public static final String PLAYED_BY_PERSON = "EXERCISE:PLAYED-BY-PERSON";
    /** The statuses whose step carries a ground (the CaseEvent contract's refusalGround). */
    private static final Set<CaseStatus> WITH_GROUND = Set.of(CaseStatus.REFUSED, CaseStatus.CONSULTATION);

    private final Set<String> played;

    /** @param played the nodes people play in this exercise */
    public PlayerActionForm(Set<String> played) {
        this.played = Set.copyOf(played);
    }

    /** A step as posted, its fields checked. */
    public record Step(String node, CaseStatus status, RefusalGround refusalGround, String detail) {
    }

    /** The case as the timer holds it, as far as judging a step needs: read from its case view. */
    public record Standing(String caseId, CaseStatus status, RequestType requestType, String handlingNode,
                           Channel channel, Classification classification, Instant updatedAt) {

        /** From a case view as JSON (the {@code CaseView} contract). */
        static Standing of(JsonNode view) {
            JsonNode channel = view.path("channel");
            JsonNode classification = view.path("classification");
            return new Standing(view.path("caseId").asText(), CaseStatus.valueOf(view.path("status").asText()),
                RequestType.valueOf(view.path("requestType").asText()), view.path("handlingNode").asText(null),
                channel.isTextual() ? Channel.valueOf(channel.asText()) : null,
                classification.isTextual() ? Classification.valueOf(classification.asText()) : null,
                instant(view.path("updatedAt")));
        }

        /** What the node handling the case may report now, in the contract's order. */
        public List<String> moves() {
            return CaseStateMachine.handlerMoves(status, requestType).stream().map(Enum::name).toList();
        }

        private static Instant instant(JsonNode value) {
            try {
                return value.isNumber() ? Instant.ofEpochMilli(value.longValue()) : Instant.parse(value.asText());
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("the case timer's view has no readable updatedAt: " + value, e);
            }
        }
    }

    /** A step that does not fit the case now (409): the field at fault, why, and the steps that do fit. */
    public static final class NotAllowedNow extends RuntimeException {
        private final String field;
        private final List<String> allowed;

        NotAllowedNow(String field, String reason, List<String> allowed) {
            super(field + ": " + reason);
            this.field = field;
            this.allowed = List.copyOf(allowed);
        }

        public String field() {
            return field;
        }

        public List<String> allowed() {
            return allowed;
        }
    }

    /**
     * The step the JSON body describes.
     *
     * @throws RefusedSubmission naming the first field at fault
     */
    public Step read(String body) {
        ObjectNode form = object(body, FIELDS);
        String node = text(form, "node");
        if (!played.contains(node)) {
            throw new RefusedSubmission("node", played.isEmpty() ? "no node is played by a person in this exercise"
                : node + " is not played by a person in this exercise; played: " + new TreeSet<>(played));
        }
        CaseStatus status = symbol(form, "status", CaseStatus.SCHEMA$, CaseStatus::valueOf);
        RefusalGround ground = optional(form, "refusalGround").isEmpty() ? null
            : symbol(form, "refusalGround", RefusalGround.SCHEMA$, RefusalGround::valueOf);
        if (WITH_GROUND.contains(status) && ground == null) {
            // UNTOC art. 18(23): reasons are given for any refusal; a consultation is on a ground (18(26))
            throw new RefusedSubmission("refusalGround", "required with " + status);
        }
        if (!WITH_GROUND.contains(status) && ground != null) {
            throw new RefusedSubmission("refusalGround", "only with " + new TreeSet<>(WITH_GROUND) + ", not " + status);
        }
        String detail = optional(form, "detail").isEmpty() ? null : text(form, "detail");
        if (detail != null && detail.length() > MAX_DETAIL) {
            throw new RefusedSubmission("detail", "at most " + MAX_DETAIL + " characters");
        }
        return new Step(node, status, ground, detail);
    }

    /**
     * The node action {@code step} makes on the case as it stands, at the exercise's simulated time
     * {@code watermark}, or never earlier than the case's last change.
     *
     * @throws NotAllowedNow when the node does not handle the case, or the state machine refuses the step now
     */
    public CaseEvent judge(Step step, Standing standing, Instant watermark) {
        if (!step.node().equals(standing.handlingNode())) {
            throw new NotAllowedNow("node", "case " + standing.caseId() + " is handled by " + standing.handlingNode()
                + ", not " + step.node(), List.of());
        }
        Instant at = watermark.isBefore(standing.updatedAt()) ? standing.updatedAt() : watermark;
        CaseChange change = new CaseChange(standing.caseId(), null, CaseChange.Source.NODE, step.status(), step.node(),
            standing.channel(), standing.requestType(), at, List.of(PLAYED_BY_PERSON), step.refusalGround(), null, null);
        Optional<String> rejection = CaseStateMachine.handlerRejection(standing.status(), standing.requestType(), change);
        if (rejection.isPresent()) {
            throw new NotAllowedNow("status", rejection.get(), standing.moves());
        }
        String caseId = standing.caseId();
        // a view without a classification comes from a timer before contracts release 3: handled as the stricter
        Classification classification = standing.classification() == null ? Classification.CONFIDENTIAL : standing.classification();
        // the simulated nodes' event id form: one step of one node at one instant
        String eventId = caseId + "/" + step.node() + "/" + step.status() + "/" + at.toEpochMilli();
        EventHeader header = EventHeader.newBuilder().setEventId(eventId).setCaseId(caseId).setCorrelationId(caseId)
            .setCausationId(caseId).setSimulatedTime(at).setSourceNode(step.node())
            .setClassification(classification).build();
        return CaseEvent.newBuilder().setHeader(header).setStatus(step.status()).setPreviousStatus(standing.status())
            .setNodeId(step.node()).setChannel(standing.channel()).setRequestType(standing.requestType())
            .setReasonCodes(List.of(PLAYED_BY_PERSON)).setRefusalGround(step.refusalGround()).setDetail(step.detail())
            .build();
    }
}
