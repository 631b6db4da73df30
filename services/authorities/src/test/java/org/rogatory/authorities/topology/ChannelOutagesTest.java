package org.rogatory.authorities.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.testing.MemoryStores;

/** The channel outages store alone: when a message sent on a channel gets through. */
class ChannelOutagesTest {
    private final ChannelOutages outages = new ChannelOutages(MemoryStores.keyValue("outages", Serdes.String(), Serdes.Long()));

    @Test
    @DisplayName("a message sent during an outage gets through at its end, across outages that follow one another")
    void chained_outages() {
        outages.record("CENTRAL_AUTHORITY", 100, 200);
        outages.record("CENTRAL_AUTHORITY", 200, 300);
        outages.record("CENTRAL_AUTHORITY", 400, 500);
        outages.record("DIPLOMATIC", 0, 1_000);

        assertEquals(99, outages.restoredAt("CENTRAL_AUTHORITY", 99), "before the first outage");
        assertEquals(300, outages.restoredAt("CENTRAL_AUTHORITY", 150), "the second starts as the first ends");
        assertEquals(350, outages.restoredAt("CENTRAL_AUTHORITY", 350), "between outages");
        assertEquals(500, outages.restoredAt("CENTRAL_AUTHORITY", 400));
        assertEquals(1_000, outages.restoredAt("DIPLOMATIC", 500));
        assertEquals(500, outages.restoredAt("I247", 500), "another channel's outage holds nothing here");
    }
}
