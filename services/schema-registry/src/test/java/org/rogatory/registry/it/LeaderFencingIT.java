package org.rogatory.registry.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rogatory.registry.RegistryHttp;
import org.rogatory.registry.RegistryHttp.Answer;
import org.rogatory.registry.SchemaRegistryServer;
import org.rogatory.testing.DockerRequirement;
import org.rogatory.testing.OfflineKafka;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two accidental leaders: the newer one's transactional producer fences the older, which then refuses writes. */
@ExtendWith(DockerRequirement.class)
class LeaderFencingIT {

    @Test
    void secondLeaderFencesTheFirst() {
        String bootstrap = OfflineKafka.bootstrapServers();
        Map<String, Object> topic = Map.of("registry.topic", "_schemas-fencing");
        try (SchemaRegistryServer first = SchemaRegistryServer.start(bootstrap, 0, topic)) {
            RegistryHttp toFirst = new RegistryHttp(first.url());
            int before = toFirst.register("coop.cases-value", Schemas.CASE_V1);
            try (SchemaRegistryServer second = SchemaRegistryServer.start(bootstrap, 0, topic)) {
                RegistryHttp toSecond = new RegistryHttp(second.url());
                int written = toSecond.register("coop.directory-value", Schemas.NODE);
                assertTrue(written > before, "the second leader continues the same id sequence");

                Answer refused = toFirst.post("/subjects/coop.injects-value/versions", RegistryHttp.schemaBody(Schemas.INJECT));
                assertEquals(500, refused.status());
                assertEquals(50003, refused.errorCode());
                assertTrue(refused.message().contains("fenced"), refused.message());
                assertEquals(40401, toSecond.get("/subjects/coop.injects-value/versions").errorCode(),
                    "the fenced write never reached the log");

                // the fenced instance still serves reads, and keeps following the log
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertEquals(written, toFirst.get("/subjects/coop.directory-value/versions/1").json().path("id").asInt()));
                assertEquals(50003, toFirst.put("/config", "{\"compatibility\":\"NONE\"}").errorCode(), "and refuses every write");
            }
        }
    }
}
