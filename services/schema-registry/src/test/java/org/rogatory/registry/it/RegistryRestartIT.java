package org.rogatory.registry.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rogatory.registry.RegistryHttp;
import org.rogatory.registry.RegistryHttp.Answer;
import org.rogatory.registry.SchemaRegistryServer;
import org.rogatory.testing.DockerRequirement;
import org.rogatory.testing.OfflineKafka;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log is the registry: a restarted instance answers with the same ids, versions, levels and deletions. */
@ExtendWith(DockerRequirement.class)
class RegistryRestartIT {

    @Test
    void restartKeepsIdsVersionsConfigAndDeletions() {
        String bootstrap = OfflineKafka.bootstrapServers();
        Map<String, Object> topic = Map.of("registry.topic", "_schemas-restart");
        int first;
        int second;
        int other;
        Answer beforeLatest;
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(bootstrap, 0, topic)) {
            RegistryHttp http = new RegistryHttp(registry.url());
            first = http.register("coop.cases-value", Schemas.CASE_V1);
            second = http.register("coop.cases-value", Schemas.CASE_V2);
            other = http.register("coop.directory-value", Schemas.NODE);
            http.put("/config/coop.cases-value", "{\"compatibility\":\"FULL\"}");
            http.register("gone-value", Schemas.GONE);
            http.delete("/subjects/gone-value");
            beforeLatest = http.get("/subjects/coop.cases-value/versions/latest");
        }
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(bootstrap, 0, topic)) {
            RegistryHttp http = new RegistryHttp(registry.url());
            assertEquals(beforeLatest.json(), http.get("/subjects/coop.cases-value/versions/latest").json());
            assertEquals(first, http.get("/subjects/coop.cases-value/versions/1").json().path("id").asInt());
            assertEquals(second, http.get("/subjects/coop.cases-value/versions/2").json().path("id").asInt());
            assertEquals(other, http.post("/subjects/coop.directory-value", RegistryHttp.schemaBody(Schemas.NODE)).json().path("id").asInt());
            assertEquals("FULL", http.get("/config/coop.cases-value").json().path("compatibilityLevel").asText());
            assertEquals(40401, http.get("/subjects/gone-value/versions").errorCode());
            assertEquals(200, http.get("/subjects/gone-value/versions/1?deleted=true").status());
            assertEquals(second, http.register("coop.cases-value", Schemas.CASE_V2), "same schema, same id after restart");
            int next = http.register("coop.injects-value", Schemas.INJECT);
            assertTrue(next > Math.max(first, Math.max(second, other)), "ids are never reused: " + next);
        }
    }
}
