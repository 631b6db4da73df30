package org.rogatory.authorities.topology;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The nodes' inputs in the inbox store: waiting for the watermark ({@code P|node|time|kind|tie}),
 * or already fed to the node models ({@code F|…}, kept to rebuild the models after a restart).
 * Kinds order simultaneous inputs: injects, then transmissions, then escalations, then the round
 * trip's domestic hops; the tie-breaker starts with the case id.
 */
final class Inbox {
    static final char INJECT = '0';
    static final char TRANSMISSION = '1';
    static final char ESCALATION = '2';
    static final char HANDOVER = '3';
    static final char PLAYER_STEP = '4';
    private static final String PENDING = "P|";
    private static final String FED = "F|";

    private final KeyValueStore<String, byte[]> store;
    /** The earliest time held since the last scan: a scan of the whole inbox per record would cost a step's inputs squared. */
    private long earliestHeld = Long.MAX_VALUE;

    Inbox(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /** An input for {@code node} at simulated time {@code at}, held until the watermark passes it. */
    void hold(String node, long at, char kind, String tie, byte[] value) {
        long time = Math.max(0, at);
        store.put(new InboxKey(node, time, kind, tie).render(PENDING), value);
        earliestHeld = Math.min(earliestHeld, time);
    }

    /** Whether an input held since the last scan is already due at {@code watermark}. */
    boolean heldDue(long watermark) {
        return earliestHeld < watermark;
    }

    /**
     * The inputs waiting whose time is before the watermark, in (node, time, kind, tie) order.
     * Strictly before: a tick at t says nothing earlier is to come, but more may come at t itself.
     */
    List<KeyValue<InboxKey, byte[]>> due(long watermark) {
        earliestHeld = Long.MAX_VALUE;
        List<KeyValue<InboxKey, byte[]>> due = new ArrayList<>();
        for (KeyValue<InboxKey, byte[]> input : scan(PENDING)) {
            if (input.key.at() < watermark) {
                due.add(input);
            }
        }
        return due;
    }

    /** A waiting input has been fed to its node, counting from {@code fedAs} (its time, or the node's present). */
    void fed(InboxKey key, InboxKey fedAs, byte[] value) {
        store.delete(key.render(PENDING));
        store.put(fedAs.render(FED), value);
    }

    /** Every input fed so far, in (node, time, kind, tie) order: replaying them rebuilds the node models. */
    List<KeyValue<InboxKey, byte[]>> fed() {
        return scan(FED);
    }

    private List<KeyValue<InboxKey, byte[]>> scan(String section) {
        List<KeyValue<InboxKey, byte[]>> inputs = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(section, new StringSerializer())) {
            it.forEachRemaining(kv -> inputs.add(KeyValue.pair(InboxKey.parse(kv.key), kv.value)));
        }
        return inputs;
    }
}
