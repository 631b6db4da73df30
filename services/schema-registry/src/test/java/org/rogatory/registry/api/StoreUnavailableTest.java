package org.rogatory.registry.api;

import org.junit.jupiter.api.Test;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.registry.RegistryHttp;
import org.rogatory.registry.RegistryHttp.Answer;
import org.rogatory.registry.SchemaRegistryServer;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Without its broker the registry still reads from its copy of the log, and refuses writes with 50002. */
class StoreUnavailableTest {

    @Test
    void writesTimeOutWith50002WhileReadsGoOn() {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(kafka.bootstrapServers(), 0,
                Map.of("registry.timeout", "2s"))) {
            RegistryHttp http = new RegistryHttp(registry.url());
            int id = http.register("outage-value", RegistryConformanceTest.NODE);
            kafka.close();

            Answer refused = http.post("/subjects/outage-other-value/versions", RegistryHttp.schemaBody(RegistryConformanceTest.CASE_V1));
            assertEquals(500, refused.status());
            assertEquals(50002, refused.errorCode(), refused.message());
            assertEquals(id, http.get("/subjects/outage-value/versions/latest").json().path("id").asInt());
        }
    }
}
