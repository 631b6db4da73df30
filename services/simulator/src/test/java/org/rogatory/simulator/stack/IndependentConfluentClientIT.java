package org.rogatory.simulator.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroDeserializer;
import org.rogatory.platform.serde.KafkaAvroSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stack {@code ./rogatory up} serves, checked with a Confluent-compatible client written
 * elsewhere (npm {@code @kafkajs/confluent-schema-registry}): it decodes bytes our serializer
 * wrote through our registry, registers and fetches its own schema, and writes bytes our
 * deserializer reads.
 */
class IndependentConfluentClientIT {

    private static final Path CLIENT = Path.of("../../deploy/confluent-client-check").toAbsolutePath().normalize();
    private static LocalStack stack;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(0, 0, null);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void anIndependentClientRegistersFetchesAndDecodes() throws Exception {
        requireNodeClient();
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, stack.registryUrl());
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        CaseEvent event = CaseEvent.newBuilder()
            .setHeader(EventHeader.newBuilder().setEventId("E-1").setCaseId("C-CLIENT-1").setCorrelationId("C-CLIENT-1")
                .setCausationId("E-1").setSimulatedTime(Instant.parse("2026-03-02T09:00:00Z")).setSourceNode("ALD-CA-MLA")
                .setClassification(Classification.RESTRICTED).build())
            .setStatus(CaseStatus.ROUTED).setNodeId("BRV-MOJ").setRequestType(RequestType.MLA).build();
        byte[] ours = serializer.serialize("coop.case-events", event);

        JsonNode answer = runClient(stack.registryUrl(), HexFormat.of().formatHex(ours), "client-check-value");

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

    private static JsonNode runClient(String url, String hex, String subject) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("node", "check.mjs", url, hex, subject))
            .directory(CLIENT.toFile()).redirectErrorStream(false).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionFailedError("the independent client did not answer within 60 s");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "client failed: " + err + out);
        return new ObjectMapper().readTree(out);
    }

    /** Node and the client's packages are installed by .ci/run (npm ci); without them: skip, or fail on CI. */
    private static void requireNodeClient() {
        boolean installed = Files.isDirectory(CLIENT.resolve("node_modules/@kafkajs/confluent-schema-registry"));
        boolean node;
        try {
            node = new ProcessBuilder("node", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            node = false;
        }
        if (node && installed) {
            return;
        }
        String reason = "the independent Confluent client needs Node.js and `npm ci --prefix " + CLIENT + "`"
            + " (node " + (node ? "found" : "missing") + ", packages " + (installed ? "installed" : "missing") + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionFailedError("CI=true: " + reason);
        }
        throw new TestAbortedException("SKIPPED: " + reason);
    }
}
