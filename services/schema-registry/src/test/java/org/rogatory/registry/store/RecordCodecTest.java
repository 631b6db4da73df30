package org.rogatory.registry.store;

import org.junit.jupiter.api.Test;
import org.rogatory.registry.domain.CompatibilityLevel;
import org.rogatory.registry.domain.RegistryRecord;
import org.rogatory.registry.domain.RegistryRecord.ClearSubjectRecord;
import org.rogatory.registry.domain.RegistryRecord.ConfigRecord;
import org.rogatory.registry.domain.RegistryRecord.DeleteSubjectRecord;
import org.rogatory.registry.domain.RegistryRecord.SchemaRecord;
import org.rogatory.registry.domain.SchemaReference;
import org.rogatory.registry.domain.SchemaVersion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The _schemas record formats, byte for byte as Confluent's SchemaRegistrySerializer writes them. */
class RecordCodecTest {

    private final RecordCodec codec = new RecordCodec();

    @Test
    void schemaRecord() throws IOException {
        SchemaRecord record = new SchemaRecord("coop.cases-value", 2, new SchemaVersion("coop.cases-value", 2, 7, null,
            List.of(), "\"string\"", false));
        assertEquals("{\"keytype\":\"SCHEMA\",\"subject\":\"coop.cases-value\",\"version\":2,\"magic\":1}", text(codec.key(record)));
        assertEquals("{\"subject\":\"coop.cases-value\",\"version\":2,\"id\":7,\"schema\":\"\\\"string\\\"\",\"deleted\":false}",
            text(codec.value(record)));
        assertEquals(Optional.of(record), codec.decode(codec.key(record), codec.value(record)));
    }

    @Test
    void schemaRecordWithReferences() throws IOException {
        SchemaRecord record = new SchemaRecord("hop", 1, new SchemaVersion("hop", 1, 3, null,
            List.of(new SchemaReference("org.example.Node", "node", 1)), "{}", true));
        assertEquals("{\"subject\":\"hop\",\"version\":1,\"id\":3,\"references\":[{\"name\":\"org.example.Node\","
            + "\"subject\":\"node\",\"version\":1}],\"schema\":\"{}\",\"deleted\":true}", text(codec.value(record)));
        assertEquals(Optional.of(record), codec.decode(codec.key(record), codec.value(record)));
    }

    @Test
    void configRecords() throws IOException {
        ConfigRecord global = new ConfigRecord(null, CompatibilityLevel.FULL);
        assertEquals("{\"keytype\":\"CONFIG\",\"magic\":0}", text(codec.key(global)));
        assertEquals("{\"compatibilityLevel\":\"FULL\"}", text(codec.value(global)));
        ConfigRecord subject = new ConfigRecord("s", CompatibilityLevel.NONE);
        assertEquals("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}", text(codec.key(subject)));
        assertNull(codec.value(new ConfigRecord("s", null)), "deleting a config is a tombstone");
        assertEquals(Optional.of(subject), codec.decode(codec.key(subject), codec.value(subject)));
    }

    @Test
    void deleteAndClearSubjectRecords() throws IOException {
        RegistryRecord delete = new DeleteSubjectRecord("s", 3);
        assertEquals("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}", text(codec.key(delete)));
        assertEquals("{\"subject\":\"s\",\"version\":3}", text(codec.value(delete)));
        assertEquals(Optional.of(delete), codec.decode(codec.key(delete), codec.value(delete)));
        RegistryRecord clear = new ClearSubjectRecord("s");
        assertEquals("{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\"s\",\"magic\":0}", text(codec.key(clear)));
        assertEquals(Optional.of(clear), codec.decode(codec.key(clear), codec.value(clear)));
    }

    @Test
    void readsWhatConfluentWrites() throws IOException {
        // older Confluent versions write "subject":null in the global CONFIG key; newer ones add md5, metadata...
        assertEquals(Optional.of(new ConfigRecord(null, CompatibilityLevel.FORWARD)), codec.decode(
            bytes("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}"), bytes("{\"compatibilityLevel\":\"FORWARD\"}")));
        Optional<RegistryRecord> schema = codec.decode(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}"),
            bytes("{\"subject\":\"s\",\"version\":1,\"id\":100001,\"md5\":\"abc\",\"schemaType\":\"AVRO\","
                + "\"metadata\":{},\"schema\":\"\\\"int\\\"\",\"deleted\":false}"));
        assertEquals(100001, ((SchemaRecord) schema.orElseThrow()).value().id());
        assertTrue(codec.decode(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null).isEmpty());
        assertTrue(codec.decode(bytes("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}"), bytes("{\"mode\":\"READWRITE\"}")).isEmpty());
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
