package org.rogatory.authorities.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.testing.MemoryStores;

/** The inbox store alone: what is due at a watermark, in what order, and what stays to rebuild the nodes. */
class InboxTest {
    private final Inbox inbox = new Inbox(MemoryStores.keyValue("inbox", Serdes.String(), Serdes.ByteArray()));

    @Test
    @DisplayName("due at the watermark: by node, time, then injects before transmissions before escalations")
    void due_in_order() {
        inbox.hold("B", 50, Inbox.TRANSMISSION, "C-2|m", bytes("b-tx"));
        inbox.hold("A", 70, Inbox.ESCALATION, "C-1|e", bytes("a-esc"));
        inbox.hold("A", 70, Inbox.INJECT, "inj", bytes("a-inj"));
        inbox.hold("A", 70, Inbox.TRANSMISSION, "C-9|m", bytes("a-tx"));
        inbox.hold("A", 71, Inbox.TRANSMISSION, "C-0|m", bytes("a-late"));
        assertEquals(List.of("a-inj", "a-tx", "a-esc", "b-tx"), values(inbox.due(70)));
        assertEquals(List.of(), values(inbox.due(49)));
    }

    @Test
    @DisplayName("a fed input leaves the waiting ones, as taken; a postponed one waits for its new time")
    void fed_and_postponed() {
        inbox.hold("A", 10, Inbox.TRANSMISSION, "C-1|m", bytes("one"));
        inbox.hold("A", 20, Inbox.TRANSMISSION, "C-2|m", bytes("two"));
        List<KeyValue<InboxKey, byte[]>> due = inbox.due(20);
        inbox.fed(due.get(0).key, due.get(0).key.at(15), due.get(0).value);
        inbox.postpone(due.get(1).key, 40, due.get(1).value);

        assertEquals(List.of(), values(inbox.due(39)));
        assertEquals(List.of("two"), values(inbox.due(40)));
        assertEquals(40, inbox.due(40).getFirst().key.at());
        assertEquals(List.of(new InboxKey("A", 15, Inbox.TRANSMISSION, "C-1|m")), inbox.fed().stream().map(kv -> kv.key).toList());
    }

    private static byte[] bytes(String text) {
        return text.getBytes();
    }

    private static List<String> values(List<KeyValue<InboxKey, byte[]>> inputs) {
        return inputs.stream().map(kv -> new String(kv.value)).toList();
    }
}
