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

/**
 * One writer, many readers over one log: a follower serves reads from its own copy and forwards
 * writes to the leader, whose answer (and id) it returns.
 */
@ExtendWith(DockerRequirement.class)
class LeaderFollowerIT {

    private static final String TOPIC = "_schemas-leader-follower";

    @Test
    void leaderAndFollowerAgreeAndFollowerWritesLandWithTheLeadersIds() {
        String bootstrap = OfflineKafka.bootstrapServers();
        try (SchemaRegistryServer leader = SchemaRegistryServer.start(bootstrap, 0, Map.of("registry.topic", TOPIC));
             SchemaRegistryServer follower = SchemaRegistryServer.start(bootstrap, 0,
                 Map.of("registry.topic", TOPIC, "registry.leader-url", leader.url()))) {
            RegistryHttp toLeader = new RegistryHttp(leader.url());
            RegistryHttp toFollower = new RegistryHttp(follower.url());

            int viaLeader = toLeader.register("coop.cases-value", Schemas.CASE_V1);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertEquals(viaLeader, toFollower.get("/subjects/coop.cases-value/versions/1").json().path("id").asInt()));

            int viaFollower = toFollower.register("coop.directory-value", Schemas.NODE);
            // the follower waited for its own copy: it reads its write back at once
            assertEquals(viaFollower, toFollower.get("/subjects/coop.directory-value/versions/latest").json().path("id").asInt());
            assertEquals(viaFollower, toLeader.get("/subjects/coop.directory-value/versions/latest").json().path("id").asInt());
            assertTrue(viaFollower > viaLeader, "the leader allocated the id after its own: " + viaFollower);

            // the same schema through either instance is one id
            assertEquals(viaLeader, toFollower.register("coop.cases-copy-value", Schemas.CASE_V1));
            // the leader's refusals come back through the follower unchanged
            Answer refused = toFollower.post("/subjects/coop.cases-value/versions", RegistryHttp.schemaBody(Schemas.CASE_INCOMPATIBLE));
            assertEquals(409, refused.status());
            assertEquals(409, refused.errorCode());
            // config writes are forwarded too
            assertEquals(200, toFollower.put("/config/coop.cases-value", "{\"compatibility\":\"NONE\"}").status());
            assertEquals("NONE", toLeader.get("/config/coop.cases-value").json().path("compatibilityLevel").asText());

            for (String id : new String[] {String.valueOf(viaLeader), String.valueOf(viaFollower)}) {
                assertEquals(toLeader.get("/schemas/ids/" + id).json(), toFollower.get("/schemas/ids/" + id).json());
            }
            assertEquals(toLeader.get("/subjects").json(), toFollower.get("/subjects").json());
        }
    }

    @Test
    void followerWhoseLeaderIsUnreachableAnswers50003() {
        String bootstrap = OfflineKafka.bootstrapServers();
        try (SchemaRegistryServer follower = SchemaRegistryServer.start(bootstrap, 0,
                 Map.of("registry.topic", TOPIC + "-orphan", "registry.leader-url", "http://127.0.0.1:1"))) {
            Answer answer = new RegistryHttp(follower.url()).post("/subjects/s/versions", RegistryHttp.schemaBody(Schemas.NODE));
            assertEquals(500, answer.status());
            assertEquals(50003, answer.errorCode());
            assertTrue(answer.message().contains("leader"), answer.message());
        }
    }
}
