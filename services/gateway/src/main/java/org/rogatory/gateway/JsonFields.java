package org.rogatory.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reading a client's JSON body field by field, each refusal naming the field ({@link RefusedSubmission}).
 * Enum fields take the contract's symbols except {@code UNKNOWN}, a reader's fallback for symbols
 * added later, not a value to send.
 */
final class JsonFields {

    private static final String UNKNOWN = "UNKNOWN";
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonFields() {
    }

    /** The body as a JSON object holding none but {@code fields}. */
    static ObjectNode object(String body, Set<String> fields) {
        JsonNode tree;
        try {
            tree = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new RefusedSubmission("body", "not JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode form)) {
            throw new RefusedSubmission("body", "must be a JSON object");
        }
        for (Iterator<String> names = form.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new RefusedSubmission(name, "unknown field; the fields are " + fields.stream().sorted().toList());
            }
        }
        return form;
    }

    /** A body's JSON tree; a body that is not JSON is a defect of whoever produced it (the case timer). */
    static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A text field of a client's body, if the body is a JSON object that has one: read before the
     * body's own checks (which say what is wrong with it), to hold the caller to its scope.
     */
    static Optional<String> peek(String body, String field) {
        try {
            JsonNode value = JSON.readTree(body).path(field);
            return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    static Optional<JsonNode> optional(ObjectNode form, String field) {
        JsonNode node = form.get(field);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node);
    }

    static JsonNode required(ObjectNode form, String field) {
        return optional(form, field).orElseThrow(() -> new RefusedSubmission(field, "required"));
    }

    static String text(ObjectNode form, String field) {
        JsonNode node = required(form, field);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw new RefusedSubmission(field, "must be a non-blank string");
        }
        return node.asText();
    }

    static <E extends Enum<E>> E symbol(ObjectNode form, String field, Schema schema, Function<String, E> valueOf) {
        JsonNode node = required(form, field);
        List<String> symbols = schema.getEnumSymbols().stream().filter(s -> !s.equals(UNKNOWN)).toList();
        if (!node.isTextual() || !symbols.contains(node.asText())) {
            throw new RefusedSubmission(field, "unknown symbol " + node + "; one of " + symbols);
        }
        return valueOf.apply(node.asText());
    }
}
