package org.rogatory.registry.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Same schema" as Confluent decides it: the parsed schema printed back by Avro. */
class CanonicalSchemaTest {

    private static final String CASE = """
        {"type":"record","name":"Case","namespace":"org.example","fields":[{"name":"id","type":"string"}]}""";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{ \"type\" : \"record\", \"name\" : \"Case\", \"namespace\" : \"org.example\",\n \"fields\" : [ { \"name\" : \"id\", \"type\" : \"string\" } ] }",
        "{\"namespace\":\"org.example\",\"fields\":[{\"type\":\"string\",\"name\":\"id\"}],\"name\":\"Case\",\"type\":\"record\"}",
        "{\"type\":\"record\",\"name\":\"org.example.Case\",\"fields\":[{\"name\":\"id\",\"type\":{\"type\":\"string\"}}]}"})
    void layoutDoesNotMatter(String sameSchema) {
        assertEquals(canonical(CASE), canonical(sameSchema));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a doc string|{\"type\":\"record\",\"name\":\"Case\",\"namespace\":\"org.example\",\"doc\":\"d\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}",
        "a default|{\"type\":\"record\",\"name\":\"Case\",\"namespace\":\"org.example\",\"fields\":[{\"name\":\"id\",\"type\":\"string\",\"default\":\"x\"}]}",
        "a namespace|{\"type\":\"record\",\"name\":\"Case\",\"namespace\":\"org.other\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}"})
    void contentMatters(String change, String otherSchema) {
        assertNotEquals(canonical(CASE), canonical(otherSchema), change);
    }

    @Test
    void canonicalTextIsCompactAvroJson() {
        assertEquals("{\"type\":\"record\",\"name\":\"Case\",\"namespace\":\"org.example\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}",
            canonical(CASE));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"type\": record", "not json at all", "{\"type\":\"record\",\"name\":\"X\"}",
        "{\"type\":\"record\",\"name\":\"X\",\"fields\":[{\"name\":\"f\",\"type\":\"Unknown\"}]}"})
    void invalidSchemasAre42201(String invalid) {
        RegistryException e = assertThrows(RegistryException.class, () -> canonical(invalid));
        assertEquals(42201, e.errorCode());
        assertEquals(422, e.httpStatus());
        assertTrue(e.getMessage().contains("details:"), e.getMessage());
    }

    @Test
    void referencedTypesAreResolvedAndNotInlined() {
        SchemaVersion node = new SchemaVersion("node", 1, 1, null, List.of(),
            "{\"type\":\"record\",\"name\":\"Node\",\"namespace\":\"org.example\",\"fields\":[]}", false);
        CanonicalSchema hop = CanonicalSchema.parse(
            "{\"type\":\"record\",\"name\":\"Hop\",\"namespace\":\"org.example\",\"fields\":[{\"name\":\"to\",\"type\":\"Node\"}]}",
            List.of(new SchemaReference("org.example.Node", "node", 1)), (subject, version) -> node);
        assertEquals("{\"type\":\"record\",\"name\":\"Hop\",\"namespace\":\"org.example\",\"fields\":[{\"name\":\"to\",\"type\":\"Node\"}]}",
            hop.canonical());
        assertEquals("org.example.Node", hop.avro().getField("to").schema().getFullName());
    }

    @Test
    void missingReferenceIs42201() {
        RegistryException e = assertThrows(RegistryException.class, () -> CanonicalSchema.parse(CASE,
            List.of(new SchemaReference("org.example.Node", "node", 3)), (subject, version) -> null));
        assertEquals(42201, e.errorCode());
    }

    @Test
    void sameSchemaNeedsSameReferences() {
        CanonicalSchema plain = CanonicalSchema.parse(CASE, List.of(), (s, v) -> null);
        SchemaVersion stored = new SchemaVersion("s", 1, 1, null, List.of(new SchemaReference("x", "y", 1)), plain.canonical(), false);
        assertFalse(stored.sameSchemaAs(plain));
        assertTrue(new SchemaVersion("s", 1, 1, null, List.of(), plain.canonical(), false).sameSchemaAs(plain));
    }

    private static String canonical(String schema) {
        return CanonicalSchema.parse(schema, List.of(), (subject, version) -> null).canonical();
    }
}
