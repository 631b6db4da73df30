package org.rogatory.authorities.topology;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rogatory.authorities.domain.NodeBacklog;
import org.rogatory.contracts.RequestType;

/**
 * The backlog store that {@code GET /nodes/{nodeId}/backlog} reads: node id → the node's backlog
 * as JSON, written when it changes (not at every tick: the store is changelogged).
 */
public final class BacklogView {
    /** Queryable store: node id → backlog JSON. */
    public static final String STORE = "authorities-backlog";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeyValueStore<String, String> store;
    private final Map<String, NodeBacklog> written = new HashMap<>();

    BacklogView(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** Records the node's backlog if it differs from the last one recorded; {@code watermark} dates the change. */
    void update(String nodeId, NodeBacklog backlog, long watermark) {
        if (!backlog.equals(written.put(nodeId, backlog))) {
            store.put(nodeId, json(nodeId, backlog, watermark));
        }
    }

    /** The answer for a node of the directory that no input has reached yet: nothing held, no model to staff. */
    public static String untouched(String nodeId) {
        return write(new Answer(nodeId, null, new Waiting(0, null, Map.of()), 0, 0, new Away(0, 0, 0), null));
    }

    static String json(String nodeId, NodeBacklog b, long since) {
        return write(new Answer(nodeId, Instant.ofEpochMilli(since).toString(),
                new Waiting(b.waiting(), b.oldestWaitingSince().isPresent()
                        ? Instant.ofEpochMilli(b.oldestWaitingSince().getAsLong()).toString() : null,
                        new TreeMap<>(b.waitingByType())),
                b.inService(), b.heldByOutage(), new Away(b.inTranslation(), b.awaitingInformation(), b.inConsultation()),
                new Staffing(b.officers(), b.baseOfficers(), b.down())));
    }

    private static String write(Answer answer) {
        try {
            return JSON.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the backlog of " + answer.nodeId(), e);
        }
    }

    /** {@code since}: the watermark (simulated time) at which the node was first seen in this state. */
    private record Answer(String nodeId, String since, Waiting waiting, int inService, int heldByOutage, Away away,
                          Staffing staffing) {
    }

    private record Waiting(int count, String oldestSince, Map<RequestType, Integer> byRequestType) {
    }

    private record Away(int inTranslation, int awaitingInformation, int inConsultation) {
    }

    private record Staffing(int officers, int baseOfficers, boolean down) {
    }
}
