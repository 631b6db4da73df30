package org.rogatory.registry.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Singleton;
import org.rogatory.registry.Leader;
import org.rogatory.registry.LeaderForwarder;
import org.rogatory.registry.domain.Registrar;
import org.rogatory.registry.domain.Registrar.WritePlan;
import org.rogatory.registry.store.KafkaSchemaLog;

import java.util.function.Function;

/**
 * Sends every write to the single writer: decided here on the leader; forwarded as it came by a
 * follower, which then waits until its own copy of the log holds the leader's write, so a client
 * reads its write back from the instance it wrote through.
 */
@Singleton
class WriteRouting {

    private final LeaderForwarder forwarder;
    private final Leader leader;
    private final KafkaSchemaLog log;

    WriteRouting(LeaderForwarder forwarder, Leader leader, KafkaSchemaLog log) {
        this.forwarder = forwarder;
        this.leader = leader;
        this.log = log;
    }

    <T> HttpResponse<?> write(HttpRequest<?> request, String body, Function<Registrar, WritePlan<T>> decision,
                              Function<T, Object> answer) {
        if (forwarder.isFollower()) {
            HttpResponse<String> response = forwarder.forward(request, body);
            if (response.getStatus().getCode() < 300) {
                log.awaitLatest();
            }
            return response;
        }
        return HttpResponse.ok(answer.apply(leader.write(decision)));
    }
}
