package org.rogatory.simulator.stack;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroDeserializer;
import org.rogatory.platform.serde.KafkaAvroSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stack {@code ./rogatory up} serves, checked with a Confluent-compatible client written
 * elsewhere (npm {@code @kafkajs/confluent-schema-registry}): it decodes bytes our serializer
 * wrote through our registry, registers and fetches its own schema, and writes bytes our
 * deserializer reads.
 */
class IndependentConfluentClientIT {

    private static final IndependentClient CLIENT = IndependentClient.in("confluent-client-check",
        "@kafkajs/confluent-schema-registry");
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(0, 0, null);
    }

    @AfterAll
    static void stop() {
        stack.close();
        // the ITs share one JVM: a static would keep the closed broker and registry on its heap for the rest of them
        stack = null;
    }

    @Test
    void anIndependentClientRegistersFetchesAndDecodes() throws Exception {
        CLIENT.require();
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        CaseEvent event = CaseEvent.newBuilder()
            .setHeader(EventHeader.newBuilder().setEventId("E-1").setCaseId("C-CLIENT-1").setCorrelationId("C-CLIENT-1")
                .setCausationId("E-1").setSimulatedTime(Instant.parse("2026-03-02T09:00:00Z")).setSourceNode("ALD-CA-MLA")
                .setClassification(Classification.RESTRICTED).build())
            .setStatus(CaseStatus.ROUTED).setNodeId("BRV-MOJ").setRequestType(RequestType.MLA).build();
        byte[] ours = serializer.serialize("coop.case-events", event);

        JsonNode answer = CLIENT.run(Duration.ofSeconds(60), stack.registryUrl(), HexFormat.of().formatHex(ours),
            "client-check-value");

        assertEquals("C-CLIENT-1", answer.at("/decoded/header/caseId").asText(), answer.toString());
        assertEquals("ROUTED", answer.at("/decoded/status").asText(), answer.toString());
        assertTrue(answer.get("sameIdTwice").asBoolean(), "same schema twice gets the same id");
        assertEquals(answer.get("registeredId").asInt(), answer.get("latestId").asInt());
        assertEquals("org.example.independent.ClientProbe", answer.get("fetchedName").asText());

        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        GenericRecord theirs = (GenericRecord) deserializer.deserialize("client-check",
            HexFormat.of().parseHex(answer.get("encodedHex").asText()));
        assertEquals("C-FROM-NODE", theirs.get("caseId").toString());
        assertEquals(42, theirs.get("count"));
    }
}
