package org.rogatory.authorities.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.T0;
import static org.rogatory.authorities.topology.TestRecords.pocEntry;
import static org.rogatory.authorities.topology.TestRecords.transmission;
import static org.rogatory.authorities.topology.TestRecords.twoHourContactPoints;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.domain.TransportPolicy;

/**
 * A restarted task keeps only its stores; the node models are rebuilt by replaying the inputs
 * already fed. What the rebuilt processor publishes next must be exactly what the processor
 * that never stopped publishes.
 */
class AuthoritiesRestartTest {
    private static final long FIRST_WATERMARK = T0 + 10 * HOUR;
    private static final long SECOND_WATERMARK = T0 + 80 * HOUR;

    @Test
    @DisplayName("after a restart the node models are rebuilt from the inbox store and carry on identically")
    void rebuilt_from_the_inbox_store() {
        AuthoritiesTask uninterrupted = task();
        feedBacklog(uninterrupted);
        uninterrupted.tick(FIRST_WATERMARK);
        int before = uninterrupted.actions(0).size();
        uninterrupted.tick(SECOND_WATERMARK);
        List<String> expected = published(uninterrupted, before);

        AuthoritiesTask restarted = task();
        feedBacklog(restarted);
        restarted.tick(FIRST_WATERMARK);
        restarted.context.resetForwards();
        restarted.restart(); // same stores, fresh memory
        restarted.tick(SECOND_WATERMARK);

        assertTrue(expected.size() > 20, "the backlog must still be working after the first watermark: " + expected.size());
        assertEquals(expected, published(restarted, 0));
    }

    private static AuthoritiesTask task() {
        return new AuthoritiesTask(new NodeFactory(twoHourContactPoints(), 72, 99, Set.of(), TransportPolicy.DEFAULT),
                List.of(pocEntry()));
    }

    /** Twenty requests twenty minutes apart for one officer who needs two hours each. */
    private static void feedBacklog(AuthoritiesTask task) {
        for (int i = 0; i < 20; i++) {
            long at = T0 + i * 20 * 60_000L;
            task.transmission(transmission("C-%02d".formatted(i), at), at);
        }
    }

    private static List<String> published(AuthoritiesTask task, int from) {
        return task.actions(from).stream().map(r -> r.key() + " " + r.timestamp() + " " + r.value()).toList();
    }
}
