package org.rogatory.authorities.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    @DisplayName("due before the watermark: by node, time, then injects before transmissions before escalations")
    void due_in_order() {
        inbox.hold("B", 50, Inbox.TRANSMISSION, "C-2|m", bytes("b-tx"));
        inbox.hold("A", 70, Inbox.ESCALATION, "C-1|e", bytes("a-esc"));
        inbox.hold("A", 70, Inbox.INJECT, "inj", bytes("a-inj"));
        inbox.hold("A", 70, Inbox.TRANSMISSION, "C-9|m", bytes("a-tx"));
        inbox.hold("A", 71, Inbox.TRANSMISSION, "C-0|m", bytes("a-late"));
        assertEquals(List.of("a-inj", "a-tx", "a-esc", "b-tx"), values(inbox.due(71)));
        // a tick at 50 says nothing earlier is to come, not that nothing more comes at 50
        assertEquals(List.of(), values(inbox.due(50)));
    }

    @Test
    @DisplayName("a fed input leaves the waiting ones, as taken")
    void fed() {
        inbox.hold("A", 10, Inbox.TRANSMISSION, "C-1|m", bytes("one"));
        inbox.hold("A", 20, Inbox.TRANSMISSION, "C-2|m", bytes("two"));
        List<KeyValue<InboxKey, byte[]>> due = inbox.due(21);
        inbox.fed(due.get(0).key, due.get(0).key.at(15), due.get(0).value);

        assertEquals(List.of("two"), values(inbox.due(21)));
        assertEquals(List.of(new InboxKey("A", 15, Inbox.TRANSMISSION, "C-1|m")), inbox.fed().stream().map(kv -> kv.key).toList());
    }

    private static byte[] bytes(String text) {
        return text.getBytes();
    }

    private static List<String> values(List<KeyValue<InboxKey, byte[]>> inputs) {
        return inputs.stream().map(kv -> new String(kv.value)).toList();
    }

    @Test
    @DisplayName("only an input held since the last scan and before the watermark asks for another scan")
    void heldDue() {
        inbox.hold("A", 30, Inbox.TRANSMISSION, "C-1|m", bytes("one"));
        assertTrue(inbox.heldDue(31));
        assertFalse(inbox.heldDue(30));
        inbox.due(31);
        assertFalse(inbox.heldDue(100), "scanned since");
        inbox.hold("A", 99, Inbox.ESCALATION, "C-1|e", bytes("two"));
        assertTrue(inbox.heldDue(100));
    }
}
