package org.rogatory.platform.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseEvent;

import java.nio.ByteBuffer;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaAvroSerdeTest {

    private static final String SCOPE = "serde-test";
    private static final Map<String, Object> MOCK = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);

    @AfterEach
    void forgetRegistry() {
        InMemorySchemaRegistryClient.dropScope(SCOPE);
    }

    private static KafkaAvroSerializer serializer(Map<String, Object> config) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return serializer;
    }

    private static KafkaAvroDeserializer deserializer(Map<String, Object> config) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        return deserializer;
    }

    @Test
    void writesTheConfluentWireFormatWithTheRegisteredId() {
        byte[] bytes = serializer(MOCK).serialize("coop.case-events", SampleEvents.caseEvent("C-1"));
        int id = InMemorySchemaRegistryClient.forScope(SCOPE).getId("coop.case-events-value", CaseEvent.getClassSchema());
        assertEquals(0, bytes[0], "magic byte");
        assertEquals(id, ByteBuffer.wrap(bytes, 1, 4).getInt(), "big-endian schema id");
    }

    @Test
    void specificRoundTripThroughTheSerde() {
        Serde<CaseEvent> serde = AvroSerdes.specific(MOCK, false);
        CaseEvent event = SampleEvents.caseEvent("C-2");
        byte[] bytes = serde.serializer().serialize("coop.case-events", event);
        assertEquals(event, serde.deserializer().deserialize("coop.case-events", bytes));
    }

    @Test
    void genericReaderByDefault() {
        byte[] bytes = serializer(MOCK).serialize("t", SampleEvents.caseEvent("C-3"));
        Object read = deserializer(MOCK).deserialize("t", bytes);
        GenericRecord record = assertInstanceOf(GenericRecord.class, read);
        assertEquals("BRV-CA-MLA", record.get("nodeId").toString());
    }

    @Test
    void genericRecordsAndPrimitivesAreSerializedToo() {
        Schema schema = Schema.createRecord("Probe", "doc", "test", false,
            java.util.List.of(new Schema.Field("n", Schema.create(Schema.Type.INT), "doc", null)));
        GenericRecord probe = new GenericData.Record(schema);
        probe.put("n", 7);
        KafkaAvroDeserializer deserializer = deserializer(MOCK);
        assertEquals(probe, deserializer.deserialize("g", serializer(MOCK).serialize("g", probe)));
        assertEquals("text", deserializer.deserialize("p", serializer(MOCK).serialize("p", "text")).toString());
    }

    @Test
    void sameSchemaInTwoSubjectsGetsTheSameGlobalId() {
        KafkaAvroSerializer serializer = serializer(MOCK);
        byte[] a = serializer.serialize("topic-a", SampleEvents.caseEvent("C-4"));
        byte[] b = serializer.serialize("topic-b", SampleEvents.caseEvent("C-4"));
        assertArrayEquals(a, b);
    }

    @Test
    void bytesNotInWireFormatFailNamingTopicAndReason() {
        var e = assertThrows(SerializationException.class,
            () -> deserializer(MOCK).deserialize("coop.requests.submitted", "{\"json\":true}".getBytes()));
        assertTrue(e.getMessage().contains("coop.requests.submitted"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown magic byte 123"), e.getMessage());
        var shortRecord = assertThrows(SerializationException.class,
            () -> deserializer(MOCK).deserialize("t", new byte[] {0, 1}));
        assertTrue(shortRecord.getMessage().contains("fewer than 5"), shortRecord.getMessage());
    }

    @Test
    void unknownSchemaIdFailsNamingTheId() {
        byte[] bytes = {0, 0, 0, 3, (byte) 0xE7, 2, 4};
        var e = assertThrows(SerializationException.class, () -> deserializer(MOCK).deserialize("t", bytes));
        assertTrue(e.getMessage().contains("unknown schema id 999"), e.getMessage());
    }

    @Test
    void truncatedAvroFailsWithTheSchemaId() {
        byte[] bytes = serializer(MOCK).serialize("t", SampleEvents.caseEvent("C-5"));
        byte[] truncated = java.util.Arrays.copyOf(bytes, 12);
        var e = assertThrows(SerializationException.class, () -> deserializer(MOCK).deserialize("t", truncated));
        assertTrue(e.getMessage().contains("cannot decode Avro with schema id"), e.getMessage());
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsRefused() {
        var config = Map.<String, Object>of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
        var e = assertThrows(SerializationException.class,
            () -> serializer(config).serialize("t", SampleEvents.caseEvent("C-6")));
        assertTrue(e.getMessage().contains("40403"), e.getMessage());
    }

    @Test
    void useLatestVersionWritesWithTheSubjectsLatestSchema() {
        serializer(MOCK).serialize("t", SampleEvents.caseEvent("C-7"));
        var config = Map.<String, Object>of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false, AvroSerdeConfig.USE_LATEST_VERSION, true,
            AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        byte[] bytes = serializer(config).serialize("t", SampleEvents.caseEvent("C-7"));
        assertEquals(SampleEvents.caseEvent("C-7"), deserializer(config).deserialize("t", bytes));
    }

    @Test
    void subjectNameStrategiesUnderConfluentClassNames() {
        Schema schema = CaseEvent.getClassSchema();
        var record = AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://x",
            AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy",
            AvroSerdeConfig.KEY_SUBJECT_NAME_STRATEGY, "TopicRecordNameStrategy"));
        assertEquals("org.rogatory.contracts.CaseEvent", record.subject("t", false, schema));
        assertEquals("t-org.rogatory.contracts.CaseEvent", record.subject("t", true, schema));
        assertEquals("t-key", AvroSerdeConfig.from(MOCK).subject("t", true, schema));
        assertThrows(ConfigException.class, () -> AvroSerdeConfig.from(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://x",
            AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "Nonsense")));
    }

    @Test
    void serdeClassIsChosenByConfiguration() {
        var byName = Map.<String, Object>of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
            AvroSerdes.SPECIFIC_SERDE_CLASS, SpecificAvroSerde.class.getName());
        assertInstanceOf(SpecificAvroSerde.class, AvroSerdes.specific(byName, false));
        var missing = Map.<String, Object>of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE,
            AvroSerdes.SPECIFIC_SERDE_CLASS, "io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde");
        var e = assertThrows(ConfigException.class, () -> AvroSerdes.specific(missing, false));
        assertTrue(e.getMessage().contains("io.confluent"), e.getMessage());
    }

    @Test
    void missingRegistryUrlIsAConfigurationError() {
        assertThrows(ConfigException.class, () -> new KafkaAvroSerializer().configure(Map.of(), false));
    }
}
