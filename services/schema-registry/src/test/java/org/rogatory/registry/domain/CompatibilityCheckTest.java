package org.rogatory.registry.domain;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rogatory.registry.domain.CompatibilityCheck.Earlier;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.registry.domain.CompatibilityLevel.BACKWARD;
import static org.rogatory.registry.domain.CompatibilityLevel.BACKWARD_TRANSITIVE;
import static org.rogatory.registry.domain.CompatibilityLevel.FORWARD;
import static org.rogatory.registry.domain.CompatibilityLevel.FORWARD_TRANSITIVE;
import static org.rogatory.registry.domain.CompatibilityLevel.FULL;
import static org.rogatory.registry.domain.CompatibilityLevel.FULL_TRANSITIVE;
import static org.rogatory.registry.domain.CompatibilityLevel.NONE;

/** Confluent's compatibility levels over Avro's reader/writer resolution rules. */
class CompatibilityCheckTest {

    private static final String A = record(field("a", "string"));
    private static final String A_B_DEFAULT = record(field("a", "string"), withDefault("b", "string", "\"x\""));
    private static final String A_B_REQUIRED = record(field("a", "string"), field("b", "string"));
    private static final String A_B_C_DEFAULT = record(field("a", "string"), withDefault("b", "string", "\"x\""),
        withDefault("c", "int", "0"));
    private static final String NOTHING = record();
    private static final String A_INT = record(field("a", "int"));
    private static final String A_LONG = record(field("a", "long"));
    private static final String A_BOOLEAN = record(field("a", "boolean"));

    static Stream<Arguments> table() {
        return Stream.of(
            // level, earlier versions oldest first, candidate, compatible
            Arguments.of(BACKWARD, List.of(A), A_B_DEFAULT, true),
            Arguments.of(BACKWARD, List.of(A), A_B_REQUIRED, false),
            Arguments.of(BACKWARD, List.of(A), NOTHING, true),
            Arguments.of(BACKWARD, List.of(A_INT), A_LONG, true),
            Arguments.of(BACKWARD, List.of(A_LONG), A_INT, false),
            Arguments.of(FORWARD, List.of(A), NOTHING, false),
            Arguments.of(FORWARD, List.of(A), A_B_REQUIRED, true),
            Arguments.of(FORWARD, List.of(A_INT), A_LONG, false),
            Arguments.of(FULL, List.of(A), A_B_DEFAULT, true),
            Arguments.of(FULL, List.of(A), A_B_REQUIRED, false),
            Arguments.of(FULL, List.of(A), NOTHING, false),
            Arguments.of(NONE, List.of(A), A_BOOLEAN, true),
            Arguments.of(BACKWARD, List.of(), A_BOOLEAN, true),
            // transitive levels look past the latest version
            Arguments.of(BACKWARD, List.of(A, A_B_DEFAULT), A_B_REQUIRED, true),
            Arguments.of(BACKWARD_TRANSITIVE, List.of(A, A_B_DEFAULT), A_B_REQUIRED, false),
            Arguments.of(FORWARD, List.of(A_B_REQUIRED, A_B_DEFAULT), A, true),
            Arguments.of(FORWARD_TRANSITIVE, List.of(A_B_REQUIRED, A_B_DEFAULT), A, false),
            Arguments.of(FULL, List.of(A, A_B_DEFAULT), A_B_REQUIRED, true),
            Arguments.of(FULL_TRANSITIVE, List.of(A, A_B_DEFAULT), A_B_REQUIRED, false),
            Arguments.of(FULL_TRANSITIVE, List.of(A, A_B_DEFAULT), A_B_C_DEFAULT, true));
    }

    @ParameterizedTest(name = "{0}: {1} then {2} -> compatible {3}")
    @MethodSource("table")
    void levelDecidesCompatibility(CompatibilityLevel level, List<String> oldestFirst, String candidate, boolean compatible) {
        List<String> messages = CompatibilityCheck.check(level, parse(candidate), newestFirst(oldestFirst));
        assertEquals(compatible, messages.isEmpty(), String.join("\n", messages));
    }

    @Test
    void refusalIsWordedAsConfluentDoes() {
        List<String> messages = CompatibilityCheck.check(BACKWARD, parse(A_B_REQUIRED), newestFirst(List.of(A)));
        assertTrue(messages.getFirst().startsWith("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'"), messages.getFirst());
        assertTrue(messages.getFirst().contains("The field 'b' at path '/fields/1' in the new schema has no default value"
            + " and is missing in the old schema"), messages.getFirst());
        assertTrue(messages.contains("{oldSchemaVersion: 1}"), messages.toString());
        assertEquals("{compatibility: 'BACKWARD'}", messages.getLast());
    }

    @Test
    void forwardRefusalNamesTheOldSchemaAsReader() {
        List<String> messages = CompatibilityCheck.check(FORWARD, parse(A_LONG), newestFirst(List.of(A_INT)));
        assertTrue(messages.getFirst().contains("in the old schema does not match with the new schema"), messages.getFirst());
    }

    @Test
    void transitiveRefusalNamesTheVersionThatFails() {
        List<String> messages = CompatibilityCheck.check(BACKWARD_TRANSITIVE, parse(A_B_REQUIRED),
            newestFirst(List.of(A, A_B_DEFAULT)));
        assertTrue(messages.contains("{oldSchemaVersion: 1}"), messages.toString());
    }

    private static List<Earlier> newestFirst(List<String> oldestFirst) {
        List<Earlier> earlier = new ArrayList<>();
        for (int i = 0; i < oldestFirst.size(); i++) {
            earlier.addFirst(new Earlier(i + 1, parse(oldestFirst.get(i))));
        }
        return earlier;
    }

    private static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }

    private static String record(String... fields) {
        return "{\"type\":\"record\",\"name\":\"Request\",\"namespace\":\"org.example\",\"fields\":["
            + String.join(",", fields) + "]}";
    }

    private static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\"}";
    }

    private static String withDefault(String name, String type, String defaultJson) {
        return "{\"name\":\"" + name + "\",\"type\":\"" + type + "\",\"default\":" + defaultJson + "}";
    }
}
