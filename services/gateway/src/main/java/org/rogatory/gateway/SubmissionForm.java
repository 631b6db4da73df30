package org.rogatory.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.CrimeArea;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.InterpolInstrument;
import org.rogatory.contracts.RequestType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.rogatory.gateway.JsonFields.object;
import static org.rogatory.gateway.JsonFields.optional;
import static org.rogatory.gateway.JsonFields.symbol;
import static org.rogatory.gateway.JsonFields.text;

/**
 * A cooperation request as a client submits it in JSON (the contract's fields a requesting state
 * supplies), checked field by field ({@link JsonFields}) and made into the {@link CooperationRequest}
 * contract with the case id and event header the gateway assigns; the states and the origin node
 * must be in the directory.
 */
public final class SubmissionForm {

    /** Fields the client supplies: the contract's, without the header, plus the header's classification. */
    static final Set<String> FIELDS = Set.of("requestType", "instrument", "requestingState", "requestedState",
        "conductCategory", "nationalOffenceLabel", "crimeArea", "urgent", "coercive", "evidentialUse", "language",
        "subjectPerson", "requestedDeadline", "linkedCaseIds", "originNode", "maxPenaltyYears",
        "organisedCriminalGroup", "electronicEvidence", "interpolInstrument", "classification");
    /** The longest idempotency key accepted. */
    static final int MAX_KEY_LENGTH = 200;
    private static final Pattern PSEUDONYM = Pattern.compile("P-[0-9A-Za-z]{1,32}");

    private final Function<String, Optional<DirectoryEntry>> directory;
    private final Predicate<String> stateKnown;

    /**
     * @param directory  a node by id, as the directory holds it now
     * @param stateKnown whether the directory has a node of that state
     */
    public SubmissionForm(Function<String, Optional<DirectoryEntry>> directory, Predicate<String> stateKnown) {
        this.directory = directory;
        this.stateKnown = stateKnown;
    }

    /**
     * The JSON body that submits {@code request}: its {@link #FIELDS}, as a client of the API sends
     * them (a tool replaying a scenario's requests through the gateway, {@code rogatory load --gateway}).
     */
    public static ObjectNode body(CooperationRequest request) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        for (String field : FIELDS) {
            Object value = field.equals("classification") ? request.getHeader().getClassification() : request.get(field);
            switch (value) {
                case null -> { }
                case List<?> list -> {
                    ArrayNode items = body.putArray(field);
                    list.forEach(item -> items.add(item.toString()));
                }
                case Boolean flag -> body.put(field, flag);
                case Integer number -> body.put(field, number);
                default -> body.put(field, value.toString()); // text, enum symbols, ISO-8601 instants
            }
        }
        return body;
    }

    /**
     * The case id a submission gets: derived from its idempotency key, so every retry names the same
     * case on any gateway instance; a fresh one without a key.
     */
    public static String caseId(Optional<String> idempotencyKey) {
        if (idempotencyKey.isEmpty()) {
            return "GW-" + UUID.randomUUID();
        }
        String key = idempotencyKey.get();
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new RefusedSubmission("Idempotency-Key", "must be 1 to " + MAX_KEY_LENGTH + " non-blank characters");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "GW-K-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * The request the JSON body describes, as case {@code caseId} submitted at {@code at}.
     *
     * @throws RefusedSubmission naming the first field at fault
     */
    public CooperationRequest request(String body, String caseId, Instant at) {
        ObjectNode form = object(body, FIELDS);
        String requestingState = state(form, "requestingState");
        String requestedState = state(form, "requestedState");
        String originNode = text(form, "originNode");
        DirectoryEntry origin = directory.apply(originNode)
            .orElseThrow(() -> new RefusedSubmission("originNode", "no node " + originNode + " in the directory"));
        if (!origin.getState().equals(requestingState)) {
            throw new RefusedSubmission("originNode", originNode + " is a node of " + origin.getState()
                + ", not of the requesting state " + requestingState);
        }
        String eventId = "E-" + caseId + "-submitted";
        return CooperationRequest.newBuilder()
            .setHeader(EventHeader.newBuilder().setEventId(eventId).setCaseId(caseId).setCorrelationId(caseId)
                .setCausationId(eventId).setSimulatedTime(at).setSourceNode(originNode)
                .setClassification(symbol(form, "classification", Classification.SCHEMA$, Classification::valueOf)).build())
            .setRequestType(symbol(form, "requestType", RequestType.SCHEMA$, RequestType::valueOf))
            .setInstrument(symbol(form, "instrument", Instrument.SCHEMA$, Instrument::valueOf))
            .setRequestingState(requestingState)
            .setRequestedState(requestedState)
            .setConductCategory(symbol(form, "conductCategory", ConductCategory.SCHEMA$, ConductCategory::valueOf))
            .setNationalOffenceLabel(label(form))
            .setCrimeArea(symbol(form, "crimeArea", CrimeArea.SCHEMA$, CrimeArea::valueOf))
            .setUrgent(flag(form, "urgent"))
            .setCoercive(flag(form, "coercive"))
            .setEvidentialUse(flag(form, "evidentialUse"))
            .setLanguage(text(form, "language"))
            .setSubjectPerson(optional(form, "subjectPerson").map(SubmissionForm::pseudonym).orElse(null))
            .setRequestedDeadline(optional(form, "requestedDeadline").map(SubmissionForm::instant).orElse(null))
            .setLinkedCaseIds(caseIds(form))
            .setOriginNode(originNode)
            .setMaxPenaltyYears(optional(form, "maxPenaltyYears").map(SubmissionForm::years).orElse(null))
            .setOrganisedCriminalGroup(flag(form, "organisedCriminalGroup"))
            .setElectronicEvidence(flag(form, "electronicEvidence"))
            .setInterpolInstrument(optional(form, "interpolInstrument").isEmpty() ? null
                : symbol(form, "interpolInstrument", InterpolInstrument.SCHEMA$, InterpolInstrument::valueOf))
            .build();
    }

    private String state(ObjectNode form, String field) {
        String state = text(form, field);
        if (!stateKnown.test(state)) {
            throw new RefusedSubmission(field, "no state " + state + " in the directory");
        }
        return state;
    }

    private static boolean flag(ObjectNode form, String field) {
        Optional<JsonNode> node = optional(form, field);
        if (node.isPresent() && !node.get().isBoolean()) {
            throw new RefusedSubmission(field, "must be true or false");
        }
        return node.map(JsonNode::booleanValue).orElse(false);
    }

    /** Informative only (never compared), so optional as in a scenario's streams: absent is "". */
    private static String label(ObjectNode form) {
        Optional<JsonNode> node = optional(form, "nationalOffenceLabel");
        if (node.isPresent() && !node.get().isTextual()) {
            throw new RefusedSubmission("nationalOffenceLabel", "must be a string");
        }
        return node.map(JsonNode::asText).orElse("");
    }

    private static String pseudonym(JsonNode node) {
        if (!node.isTextual() || !PSEUDONYM.matcher(node.asText()).matches()) {
            throw new RefusedSubmission("subjectPerson", "must be a pseudonymous id such as P-7f3a91, never a name");
        }
        return node.asText();
    }

    private static Instant instant(JsonNode node) {
        try {
            if (node.isTextual()) {
                return Instant.parse(node.asText());
            }
        } catch (DateTimeParseException e) {
            // refused below, with the expected form
        }
        throw new RefusedSubmission("requestedDeadline", "must be an ISO-8601 instant such as 2026-03-01T12:00:00Z");
    }

    private static Integer years(JsonNode node) {
        if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 0) {
            throw new RefusedSubmission("maxPenaltyYears", "must be a whole number of years, 0 or more");
        }
        return node.intValue();
    }

    private static List<String> caseIds(ObjectNode form) {
        Optional<JsonNode> node = optional(form, "linkedCaseIds");
        if (node.isEmpty()) {
            return List.of();
        }
        if (!node.get().isArray()) {
            throw new RefusedSubmission("linkedCaseIds", "must be an array of case ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode id : node.get()) {
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new RefusedSubmission("linkedCaseIds", "must be an array of case ids");
            }
            ids.add(id.asText());
        }
        return ids;
    }
}
