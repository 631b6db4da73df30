package org.rogatory.registry.api;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.registry.RegistryHttp;
import org.rogatory.registry.RegistryHttp.Answer;
import org.rogatory.registry.SchemaRegistryServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.registry.RegistryHttp.V1_JSON;
import static org.rogatory.registry.RegistryHttp.json;
import static org.rogatory.registry.RegistryHttp.schemaBody;

/**
 * The Confluent Schema Registry REST API, endpoint by endpoint, status by status and error code by
 * error code, over HTTP against a registry on a real in-process broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistryConformanceTest {

    static final String CASE_V1 = """
        {"type":"record","name":"Case","namespace":"org.example","fields":[{"name":"id","type":"string"}]}""";
    /** Adds a field with a default: backward and forward compatible with V1. */
    static final String CASE_V2 = """
        {"type":"record","name":"Case","namespace":"org.example","fields":[{"name":"id","type":"string"},
         {"name":"status","type":"string","default":"OPEN"}]}""";
    /** Adds a field without a default: new readers cannot read V1 data (not backward compatible). */
    static final String CASE_NO_DEFAULT = """
        {"type":"record","name":"Case","namespace":"org.example","fields":[{"name":"id","type":"string"},
         {"name":"court","type":"string"}]}""";
    static final String NODE = """
        {"type":"record","name":"Node","namespace":"org.example","fields":[{"name":"node","type":"string"}]}""";

    private EmbeddedKafka kafka;
    private SchemaRegistryServer server;
    private RegistryHttp http;

    @BeforeAll
    void start() {
        kafka = EmbeddedKafka.start();
        server = SchemaRegistryServer.start(kafka.bootstrapServers(), 0);
        http = new RegistryHttp(server.url());
    }

    @AfterAll
    void stop() {
        server.close();
        kafka.close();
    }

    @Nested
    @DisplayName("registration: POST /subjects/{s}/versions")
    class Registration {

        @Test
        void sameSchemaTwiceKeepsItsIdAndVersion() {
            int id = http.register("reg-twice", CASE_V1);
            assertEquals(id, http.register("reg-twice", CASE_V1));
            assertEquals(List.of(1), versions("reg-twice"));
        }

        @Test
        void formattingDoesNotMakeANewSchema() {
            int id = http.register("reg-format", CASE_V1);
            String reformatted = "{ \"namespace\" : \"org.example\", \"name\":\"Case\", \"type\":\"record\",\n"
                + "  \"fields\": [ {\"type\":\"string\", \"name\":\"id\"} ] }";
            assertEquals(id, http.register("reg-format", reformatted));
            assertEquals(List.of(1), versions("reg-format"));
        }

        @Test
        void sameSchemaUnderAnotherSubjectReusesTheGlobalId() {
            String shared = recordNamed("Shared");
            int id = http.register("reg-shared-a", shared);
            assertEquals(id, http.register("reg-shared-b", shared));
            Answer subjects = http.get("/schemas/ids/" + id + "/subjects");
            assertEquals(List.of("reg-shared-a", "reg-shared-b"), strings(subjects));
        }

        @Test
        void compatibleChangeIsTheNextVersionWithANewId() {
            int first = http.register("reg-evolve", CASE_V1);
            int second = http.register("reg-evolve", CASE_V2);
            assertNotEquals(first, second);
            assertEquals(List.of(1, 2), versions("reg-evolve"));
        }

        @Test
        @DisplayName("incompatible change: 409, and nothing stored changes")
        void incompatibleChangeIsRefusedAndChangesNothing() {
            int id = http.register("reg-incompatible", CASE_V1);
            Answer before = http.get("/subjects/reg-incompatible/versions/latest");
            Answer refused = http.post("/subjects/reg-incompatible/versions", schemaBody(CASE_NO_DEFAULT));
            assertEquals(409, refused.status());
            assertEquals(409, refused.errorCode());
            assertTrue(refused.message().contains("READER_FIELD_MISSING_DEFAULT_VALUE"), refused.message());
            assertTrue(refused.message().contains("court"), refused.message());
            assertEquals(List.of(1), versions("reg-incompatible"));
            assertEquals(before.json(), http.get("/subjects/reg-incompatible/versions/latest").json());
            assertEquals(id, http.get("/subjects/reg-incompatible/versions/1").json().path("id").asInt());
            assertEquals(404, http.post("/subjects/reg-incompatible", schemaBody(CASE_NO_DEFAULT)).status());
        }

        @Test
        void invalidAvroIs42201WithTheParsersMessage() {
            Answer answer = http.post("/subjects/reg-invalid/versions",
                schemaBody("{\"type\":\"record\",\"name\":\"Bad\",\"fields\":[{\"name\":\"x\",\"type\":\"no.such.Type\"}]}"));
            assertEquals(422, answer.status());
            assertEquals(42201, answer.errorCode());
            assertTrue(answer.message().contains("no.such.Type"), answer.message());
            assertEquals(404, http.get("/subjects/reg-invalid/versions").status());
        }

        @Test
        void schemaTextThatIsNotJsonIs42201() {
            Answer answer = http.post("/subjects/reg-not-json/versions", schemaBody("{\"type\": record"));
            assertEquals(422, answer.status());
            assertEquals(42201, answer.errorCode());
        }

        @Test
        void emptySchemaIs42201() {
            Answer answer = http.post("/subjects/reg-empty/versions", "{\"schema\":\"\"}");
            assertEquals(42201, answer.errorCode());
        }

        @ParameterizedTest
        @ValueSource(strings = {"JSON", "PROTOBUF"})
        void otherSchemaTypesAreRefusedAsUnsupported(String type) {
            Answer answer = http.post("/subjects/reg-type/versions",
                json(Map.of("schema", "{\"type\":\"object\"}", "schemaType", type)));
            assertEquals(422, answer.status());
            assertEquals(42201, answer.errorCode());
            assertTrue(answer.message().contains("unsupported schema type"), answer.message());
        }

        @Test
        void explicitAvroTypeIsAccepted() {
            Answer answer = http.post("/subjects/reg-avro-type/versions", json(Map.of("schema", NODE, "schemaType", "AVRO")));
            assertEquals(200, answer.status());
        }

        @Test
        @DisplayName("a body that is not JSON is 400 / error_code 400 (rest-utils JsonParseExceptionMapper)")
        void malformedJsonBodyIs400() {
            Answer answer = http.post("/subjects/reg-malformed/versions", "{\"schema\": ");
            assertEquals(400, answer.status());
            assertEquals(400, answer.errorCode());
            assertFalse(answer.message().isBlank());
        }

        @Test
        @DisplayName("JSON of the wrong shape is 400 / error_code 400 (rest-utils JsonMappingExceptionMapper)")
        void wrongShapeIs400() {
            Answer answer = http.post("/subjects/reg-shape/versions", "{\"schema\": {\"type\": \"string\"}}");
            assertEquals(400, answer.status());
            assertEquals(400, answer.errorCode());
        }

        @Test
        void missingBodyIs422() {
            Answer answer = http.post("/subjects/reg-nobody/versions", null);
            assertEquals(422, answer.status());
            assertEquals(422, answer.errorCode());
        }

        @Test
        void referencesResolveNamedTypesFromAnotherSubject() {
            http.register("ref-node", NODE);
            String hop = """
                {"type":"record","name":"Hop","namespace":"org.example","fields":[{"name":"to","type":"org.example.Node"}]}""";
            Answer answer = http.post("/subjects/ref-hop/versions", json(Map.of("schema", hop,
                "references", List.of(Map.of("name", "org.example.Node", "subject", "ref-node", "version", 1)))));
            assertEquals(200, answer.status(), answer.text());
            Answer stored = http.get("/subjects/ref-hop/versions/1");
            assertEquals("ref-node", stored.json().path("references").path(0).path("subject").asText());
            assertFalse(stored.json().path("schema").asText().contains("\"node\""), "the referenced type is not inlined");
            Answer missing = http.post("/subjects/ref-hop-missing/versions", json(Map.of("schema", hop)));
            assertEquals(42201, missing.errorCode());
        }

        @Test
        @DisplayName("a referenced version is listed by /referencedby and cannot be deleted (42206)")
        void referencedVersionsAreProtected() {
            String target = recordNamed("Target");
            http.register("ref-target", target);
            String user = """
                {"type":"record","name":"User","namespace":"org.example","fields":[{"name":"t","type":"org.example.Target"}]}""";
            Answer registered = http.post("/subjects/ref-user/versions", json(Map.of("schema", user,
                "references", List.of(Map.of("name", "org.example.Target", "subject", "ref-target", "version", 1)))));
            assertEquals(200, registered.status(), registered.text());
            assertEquals(List.of(registered.json().path("id").asInt()), ints(http.get("/subjects/ref-target/versions/1/referencedby")));
            Answer refused = http.delete("/subjects/ref-target/versions/1");
            assertEquals(422, refused.status());
            assertEquals(42206, refused.errorCode());
            assertEquals(42206, http.delete("/subjects/ref-target").errorCode());
            assertEquals(200, http.delete("/subjects/ref-user").status());
            assertEquals(List.of(), ints(http.get("/subjects/ref-target/versions/1/referencedby")));
            assertEquals(42206, http.delete("/subjects/ref-target?permanent=true").errorCode(),
                "a soft-deleted referrer still needs its types");
            assertEquals(200, http.delete("/subjects/ref-target").status());
        }
    }

    @Nested
    @DisplayName("lookup: POST /subjects/{s}")
    class Lookup {

        @Test
        void findsTheVersionHoldingTheSchema() {
            int id = http.register("look-found", CASE_V1);
            Answer answer = http.post("/subjects/look-found", schemaBody(CASE_V1));
            assertEquals(200, answer.status());
            assertEquals("look-found", answer.json().path("subject").asText());
            assertEquals(id, answer.json().path("id").asInt());
            assertEquals(1, answer.json().path("version").asInt());
            assertTrue(answer.json().path("schema").asText().contains("Case"));
            assertTrue(answer.json().path("schemaType").isMissingNode(), "AVRO is left out, as Confluent does");
        }

        @Test
        void unknownSubjectIs40401() {
            Answer answer = http.post("/subjects/look-nobody", schemaBody(CASE_V1));
            assertEquals(404, answer.status());
            assertEquals(40401, answer.errorCode());
            assertEquals("Subject 'look-nobody' not found.", answer.message());
        }

        @Test
        void unknownSchemaIs40403() {
            http.register("look-other", CASE_V1);
            Answer answer = http.post("/subjects/look-other", schemaBody(NODE));
            assertEquals(404, answer.status());
            assertEquals(40403, answer.errorCode());
        }

        @Test
        void invalidSchemaIs42201() {
            http.register("look-invalid", CASE_V1);
            assertEquals(42201, http.post("/subjects/look-invalid", schemaBody("nope")).errorCode());
        }

        @Test
        void softDeletedVersionsAreFoundOnlyWithDeletedTrue() {
            http.register("look-deleted", CASE_V1);
            assertEquals(200, http.delete("/subjects/look-deleted/versions/1").status());
            assertEquals(40401, http.post("/subjects/look-deleted", schemaBody(CASE_V1)).errorCode());
            assertEquals(200, http.post("/subjects/look-deleted?deleted=true", schemaBody(CASE_V1)).status());
        }
    }

    @Nested
    @DisplayName("reads: /subjects, /subjects/{s}/versions[/{v}[/schema]]")
    class Reads {

        @Test
        void listsSubjectsLiveAndWithDeleted() {
            http.register("list-live", NODE);
            http.register("list-gone", NODE);
            assertEquals(200, http.delete("/subjects/list-gone").status());
            List<String> live = strings(http.get("/subjects"));
            assertTrue(live.contains("list-live"));
            assertFalse(live.contains("list-gone"));
            assertTrue(strings(http.get("/subjects?deleted=true")).contains("list-gone"));
            assertEquals(List.of("list-live"), strings(http.get("/subjects?subjectPrefix=list-")));
        }

        @Test
        void versionsOfUnknownSubjectIs40401() {
            Answer answer = http.get("/subjects/read-nobody/versions");
            assertEquals(404, answer.status());
            assertEquals(40401, answer.errorCode());
        }

        @ParameterizedTest
        @ValueSource(strings = {"2", "latest", "-1"})
        void versionByNumberOrLatest(String version) {
            http.register("read-version-" + version, CASE_V1);
            int id = http.register("read-version-" + version, CASE_V2);
            Answer answer = http.get("/subjects/read-version-" + version + "/versions/" + version);
            assertEquals(200, answer.status());
            assertEquals(2, answer.json().path("version").asInt());
            assertEquals(id, answer.json().path("id").asInt());
            assertEquals("read-version-" + version, answer.json().path("subject").asText());
        }

        @Test
        void rawSchemaIsTheSchemaItself() {
            http.register("read-raw", CASE_V1);
            Answer answer = http.get("/subjects/read-raw/versions/1/schema");
            assertEquals(200, answer.status());
            assertEquals("record", answer.json().path("type").asText());
            assertEquals("Case", answer.json().path("name").asText());
        }

        @Test
        void unknownVersionIs40402() {
            http.register("read-missing", CASE_V1);
            Answer answer = http.get("/subjects/read-missing/versions/7");
            assertEquals(404, answer.status());
            assertEquals(40402, answer.errorCode());
            assertEquals("Version 7 not found.", answer.message());
        }

        @Test
        void versionOfUnknownSubjectIs40401() {
            assertEquals(40401, http.get("/subjects/read-nobody/versions/1").errorCode());
            assertEquals(40401, http.get("/subjects/read-nobody/versions/latest").errorCode());
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "0", "-2"})
        void invalidVersionIs42202(String version) {
            http.register("read-invalid-version", CASE_V1);
            Answer answer = http.get("/subjects/read-invalid-version/versions/" + version);
            assertEquals(422, answer.status());
            assertEquals(42202, answer.errorCode());
        }
    }

    @Nested
    @DisplayName("ids: /schemas/ids/{id}[/schema|/subjects|/versions], /schemas/types")
    class Ids {

        @Test
        void schemaById() {
            int id = http.register("ids-one", CASE_V1);
            Answer answer = http.get("/schemas/ids/" + id);
            assertEquals(200, answer.status());
            assertTrue(answer.json().path("schema").asText().contains("\"Case\""));
            Answer raw = http.get("/schemas/ids/" + id + "/schema");
            assertEquals("Case", raw.json().path("name").asText());
        }

        @Test
        void subjectsAndVersionsOfAnId() {
            String shared = recordNamed("IdShared");
            int id = http.register("ids-a", shared);
            http.register("ids-b", shared);
            assertEquals(List.of("ids-a", "ids-b"), strings(http.get("/schemas/ids/" + id + "/subjects")));
            Answer versions = http.get("/schemas/ids/" + id + "/versions");
            assertEquals(2, versions.json().size());
            assertEquals("ids-a", versions.json().path(0).path("subject").asText());
            assertEquals(1, versions.json().path(0).path("version").asInt());
        }

        @Test
        void softDeletedSchemaStillAnswersByIdButNotInSubjects() {
            int id = http.register("ids-deleted", """
                {"type":"enum","name":"Gone","namespace":"org.example","symbols":["A"]}""");
            assertEquals(200, http.delete("/subjects/ids-deleted").status());
            assertEquals(200, http.get("/schemas/ids/" + id).status());
            assertEquals(List.of(), strings(http.get("/schemas/ids/" + id + "/subjects")));
            assertEquals(List.of("ids-deleted"), strings(http.get("/schemas/ids/" + id + "/subjects?deleted=true")));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "/schema", "/subjects", "/versions"})
        void unknownIdIs40403(String suffix) {
            Answer answer = http.get("/schemas/ids/999999" + suffix);
            assertEquals(404, answer.status());
            assertEquals(40403, answer.errorCode());
            assertEquals("Schema 999999 not found", answer.message());
        }

        @Test
        void onlyAvroIsServed() {
            assertEquals(List.of("AVRO"), strings(http.get("/schemas/types")));
        }
    }

    @Nested
    @DisplayName("config: /config and /config/{s}")
    class Config {

        @Test
        void globalLevelDefaultsToBackwardAndCanBeSetAndCleared() {
            assertEquals("BACKWARD", http.get("/config").json().path("compatibilityLevel").asText());
            try {
                Answer set = http.put("/config", "{\"compatibility\":\"FULL\"}");
                assertEquals(200, set.status());
                assertEquals("FULL", set.json().path("compatibility").asText());
                assertEquals("FULL", http.get("/config").json().path("compatibilityLevel").asText());
            } finally {
                Answer cleared = http.delete("/config");
                assertEquals(200, cleared.status());
                assertEquals("FULL", cleared.json().path("compatibilityLevel").asText());
            }
            assertEquals("BACKWARD", http.get("/config").json().path("compatibilityLevel").asText());
        }

        @ParameterizedTest
        @ValueSource(strings = {"BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL",
            "FULL_TRANSITIVE", "NONE"})
        void everyLevelIsAcceptedPerSubject(String level) {
            String subject = "config-level-" + level.toLowerCase();
            assertEquals(level, http.put("/config/" + subject, "{\"compatibility\":\"" + level + "\"}")
                .json().path("compatibility").asText());
            assertEquals(level, http.get("/config/" + subject).json().path("compatibilityLevel").asText());
        }

        @Test
        void invalidLevelIs42203() {
            Answer answer = http.put("/config/config-invalid", "{\"compatibility\":\"SIDEWAYS\"}");
            assertEquals(422, answer.status());
            assertEquals(42203, answer.errorCode());
            assertEquals(42203, http.put("/config", "{\"compatibility\":\"SIDEWAYS\"}").errorCode());
        }

        @Test
        void subjectWithoutLevelIs40408UnlessDefaultToGlobal() {
            Answer answer = http.get("/config/config-none");
            assertEquals(404, answer.status());
            assertEquals(40408, answer.errorCode());
            assertEquals("BACKWARD", http.get("/config/config-none?defaultToGlobal=true").json().path("compatibilityLevel").asText());
        }

        @Test
        void subjectLevelCanBeDeletedOnce() {
            http.put("/config/config-delete", "{\"compatibility\":\"NONE\"}");
            Answer deleted = http.delete("/config/config-delete");
            assertEquals(200, deleted.status());
            assertEquals("NONE", deleted.json().path("compatibilityLevel").asText());
            assertEquals(40408, http.get("/config/config-delete").errorCode());
            assertEquals(40401, http.delete("/config/config-delete").errorCode());
        }

        @Test
        void subjectLevelGovernsRegistration() {
            http.register("config-governs", CASE_V1);
            assertEquals(409, http.post("/subjects/config-governs/versions", schemaBody(CASE_NO_DEFAULT)).status());
            http.put("/config/config-governs", "{\"compatibility\":\"NONE\"}");
            assertEquals(200, http.post("/subjects/config-governs/versions", schemaBody(CASE_NO_DEFAULT)).status());
            assertEquals(List.of(1, 2), versions("config-governs"));
        }

        @Test
        void forwardLevelChecksThatOldReadersReadNewData() {
            http.put("/config/config-forward", "{\"compatibility\":\"FORWARD\"}");
            http.register("config-forward", CASE_V2);
            // V1 readers ignore "status": forward compatible although V1 has fewer fields
            assertEquals(200, http.post("/subjects/config-forward/versions", schemaBody(CASE_NO_DEFAULT)).status());
        }
    }

    @Nested
    @DisplayName("compatibility: POST /compatibility/subjects/{s}/versions[/{v}]")
    class Compatibility {

        @Test
        void compatibleAndIncompatible() {
            http.register("compat", CASE_V1);
            Answer yes = http.post("/compatibility/subjects/compat/versions/latest", schemaBody(CASE_V2));
            assertEquals(200, yes.status());
            assertTrue(yes.json().path("is_compatible").asBoolean());
            assertTrue(yes.json().path("messages").isMissingNode());
            Answer no = http.post("/compatibility/subjects/compat/versions/1", schemaBody(CASE_NO_DEFAULT));
            assertFalse(no.json().path("is_compatible").asBoolean());
            Answer all = http.post("/compatibility/subjects/compat/versions", schemaBody(CASE_NO_DEFAULT));
            assertFalse(all.json().path("is_compatible").asBoolean());
            assertEquals(List.of(1), versions("compat"), "testing registers nothing");
        }

        @Test
        void verboseListsTheIncompatibilities() {
            http.register("compat-verbose", CASE_V1);
            Answer answer = http.post("/compatibility/subjects/compat-verbose/versions/latest?verbose=true",
                schemaBody(CASE_NO_DEFAULT));
            assertFalse(answer.json().path("is_compatible").asBoolean());
            assertTrue(answer.json().path("messages").toString().contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
        }

        @Test
        void latestOfAnUnknownSubjectIsCompatible() {
            Answer answer = http.post("/compatibility/subjects/compat-nobody/versions/latest", schemaBody(CASE_V1));
            assertTrue(answer.json().path("is_compatible").asBoolean());
        }

        @Test
        void unknownVersionIs40402() {
            http.register("compat-missing", CASE_V1);
            Answer answer = http.post("/compatibility/subjects/compat-missing/versions/5", schemaBody(CASE_V1));
            assertEquals(404, answer.status());
            assertEquals(40402, answer.errorCode());
        }

        @Test
        void invalidVersionIs42202() {
            assertEquals(42202, http.post("/compatibility/subjects/compat/versions/first", schemaBody(CASE_V1)).errorCode());
        }

        @Test
        void invalidSchemaIs42201OrAVerboseMessage() {
            http.register("compat-invalid", CASE_V1);
            assertEquals(42201, http.post("/compatibility/subjects/compat-invalid/versions/latest", schemaBody("{")).errorCode());
            Answer verbose = http.post("/compatibility/subjects/compat-invalid/versions/latest?verbose=true", schemaBody("{"));
            assertEquals(200, verbose.status());
            assertFalse(verbose.json().path("is_compatible").asBoolean());
            assertEquals(1, verbose.json().path("messages").size());
        }
    }

    @Nested
    @DisplayName("deletes: DELETE /subjects/{s}[/versions/{v}] soft, then ?permanent=true")
    class Deletes {

        @Test
        void softThenPermanentSubjectDelete() {
            http.register("del-subject", CASE_V1);
            http.register("del-subject", CASE_V2);
            Answer soft = http.delete("/subjects/del-subject");
            assertEquals(200, soft.status());
            assertEquals(List.of(1, 2), ints(soft));
            assertEquals(40401, http.get("/subjects/del-subject/versions").errorCode());
            assertEquals(List.of(1, 2), ints(http.get("/subjects/del-subject/versions?deleted=true")));
            assertEquals(200, http.get("/subjects/del-subject/versions/1?deleted=true").status());
            Answer again = http.delete("/subjects/del-subject");
            assertEquals(404, again.status());
            assertEquals(40404, again.errorCode());
            Answer permanent = http.delete("/subjects/del-subject?permanent=true");
            assertEquals(200, permanent.status());
            assertEquals(List.of(1, 2), ints(permanent));
            assertEquals(40401, http.get("/subjects/del-subject/versions?deleted=true").errorCode());
            assertEquals(40401, http.delete("/subjects/del-subject").errorCode());
        }

        @Test
        void permanentSubjectDeleteNeedsASoftOneFirst() {
            http.register("del-hard-first", CASE_V1);
            Answer answer = http.delete("/subjects/del-hard-first?permanent=true");
            assertEquals(404, answer.status());
            assertEquals(40405, answer.errorCode());
            assertEquals(List.of(1), versions("del-hard-first"));
        }

        @Test
        void softThenPermanentVersionDelete() {
            http.register("del-version", CASE_V1);
            http.register("del-version", CASE_V2);
            Answer soft = http.delete("/subjects/del-version/versions/1");
            assertEquals(200, soft.status());
            assertEquals(1, soft.json().asInt());
            assertEquals(List.of(2), versions("del-version"));
            Answer again = http.delete("/subjects/del-version/versions/1");
            assertEquals(404, again.status());
            assertEquals(40406, again.errorCode());
            Answer permanent = http.delete("/subjects/del-version/versions/1?permanent=true");
            assertEquals(200, permanent.status());
            assertEquals(List.of(2), ints(http.get("/subjects/del-version/versions?deleted=true")));
        }

        @Test
        void permanentVersionDeleteNeedsASoftOneFirst() {
            http.register("del-version-hard", CASE_V1);
            Answer answer = http.delete("/subjects/del-version-hard/versions/1?permanent=true");
            assertEquals(404, answer.status());
            assertEquals(40407, answer.errorCode());
        }

        @Test
        void deletingLatestDeletesTheNewestLiveVersion() {
            http.register("del-latest", CASE_V1);
            http.register("del-latest", CASE_V2);
            assertEquals(2, http.delete("/subjects/del-latest/versions/latest").json().asInt());
            assertEquals(List.of(1), versions("del-latest"));
        }

        @Test
        void unknownSubjectVersionAndInvalidVersion() {
            http.register("del-unknown", CASE_V1);
            assertEquals(40401, http.delete("/subjects/del-nobody/versions/1").errorCode());
            assertEquals(40402, http.delete("/subjects/del-unknown/versions/9").errorCode());
            assertEquals(42202, http.delete("/subjects/del-unknown/versions/zero").errorCode());
            assertEquals(40401, http.delete("/subjects/del-nobody").errorCode());
        }

        @Test
        void reRegisteringASoftDeletedSchemaKeepsItsIdWithANewVersion() {
            int id = http.register("del-revive", CASE_V1);
            http.delete("/subjects/del-revive");
            assertEquals(id, http.register("del-revive", CASE_V1));
            assertEquals(List.of(2), versions("del-revive"));
        }
    }

    @Test
    @DisplayName("the _schemas topic holds Confluent's records, committed")
    void logIsInConfluentsFormat() {
        int id = http.register("log-format", recordNamed("LogFormat"));
        http.put("/config/log-format", "{\"compatibility\":\"NONE\"}");
        Map<String, String> log = new LinkedHashMap<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(), "isolation.level", "read_committed",
                "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class))) {
            var partition = new TopicPartition("_schemas", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> log.put(r.key(), r.value()));
            }
        }
        assertEquals("{\"subject\":\"log-format\",\"version\":1,\"id\":" + id + ",\"schema\":"
                + json(http.get("/subjects/log-format/versions/1").json().path("schema").asText()) + ",\"deleted\":false}",
            log.get("{\"keytype\":\"SCHEMA\",\"subject\":\"log-format\",\"version\":1,\"magic\":1}"));
        assertEquals("{\"subject\":\"log-format\",\"compatibilityLevel\":\"NONE\"}",
            log.get("{\"keytype\":\"CONFIG\",\"subject\":\"log-format\",\"magic\":0}"));
    }

    @Nested
    @DisplayName("HTTP: content types, root, mode, unknown paths")
    class Protocol {

        @ParameterizedTest
        @ValueSource(strings = {"application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
            "application/json", "application/octet-stream"})
        void acceptsConfluentsRequestTypes(String contentType) {
            Answer answer = http.send("POST", "/subjects/http-types/versions", schemaBody(NODE), contentType, null);
            assertEquals(200, answer.status(), answer.text());
        }

        @Test
        void refusesOtherRequestTypesWith415() {
            Answer answer = http.send("POST", "/subjects/http-text/versions", schemaBody(NODE), "text/plain", null);
            assertEquals(415, answer.status());
            assertEquals(415, answer.errorCode());
        }

        @Test
        void answersInTheV1TypeByDefault() {
            assertEquals(V1_JSON, http.send("GET", "/subjects", null, null, null).contentType());
            assertEquals(V1_JSON, http.get("/subjects/http-nobody/versions").contentType(), "errors too");
        }

        @Test
        void answersPlainJsonToAClientThatOnlyTakesIt() {
            assertEquals("application/json", http.send("GET", "/subjects", null, null, "application/json").contentType());
        }

        @Test
        void confluentClientsAcceptHeaderGetsV1() {
            String accept = "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, "
                + "application/json; qs=0.5";
            assertEquals(V1_JSON, http.send("GET", "/schemas/types", null, null, accept).contentType());
        }

        @Test
        void rootIsAnEmptyObjectAndModeIsReadWrite() {
            Answer root = http.get("/");
            assertEquals(200, root.status());
            assertEquals("{}", root.text());
            assertEquals("READWRITE", http.get("/mode").json().path("mode").asText());
        }

        @Test
        void unknownPathIs404AndWrongMethodIs405InConfluentsErrorFormat() {
            Answer unknown = http.get("/no/such/path");
            assertEquals(404, unknown.status());
            assertEquals(404, unknown.errorCode());
            Answer wrongMethod = http.send("PATCH", "/subjects", null, null, null);
            assertEquals(405, wrongMethod.status());
            assertEquals(405, wrongMethod.errorCode());
        }
    }

    /** A schema no other test registers, so its id belongs to this test's subjects only. */
    private static String recordNamed(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"namespace\":\"org.example\",\"fields\":[]}";
    }

    private List<Integer> versions(String subject) {
        return ints(http.get("/subjects/" + subject + "/versions"));
    }

    private static List<Integer> ints(Answer answer) {
        assertEquals(200, answer.status(), answer.text());
        List<Integer> values = new ArrayList<>();
        answer.json().forEach(node -> values.add(node.asInt()));
        return values;
    }

    private static List<String> strings(Answer answer) {
        assertEquals(200, answer.status(), answer.text());
        List<String> values = new ArrayList<>();
        answer.json().forEach(node -> values.add(node.asText()));
        return values;
    }
}
