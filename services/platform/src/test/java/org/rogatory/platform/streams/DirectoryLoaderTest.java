package org.rogatory.platform.streams;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.platform.topics.Topics;

class DirectoryLoaderTest {
    private static final String STORE = "test-directory";

    @Test
    @DisplayName("the global store follows the compacted topic: a new value replaces, a tombstone deletes, a keyless record is ignored")
    void store_follows_the_topic() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled(), Topics.DIRECTORY, Consumed.with(Serdes.String(), Serdes.ByteArray()),
                () -> new DirectoryLoader(STORE));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "directory-loader-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try (TopologyTestDriver driver = new TopologyTestDriver(builder.build(), props)) {
            TestInputTopic<String, byte[]> directory = driver.createInputTopic(Topics.DIRECTORY, new StringSerializer(),
                    new ByteArraySerializer());
            KeyValueStore<String, byte[]> store = driver.getKeyValueStore(STORE);
            directory.pipeInput("ALD-CA-MLA", bytes("v1"));
            directory.pipeInput("KES-POC-247", bytes("v1"));
            directory.pipeInput("ALD-CA-MLA", bytes("v2"));
            directory.pipeInput("KES-POC-247", null);
            directory.pipeInput(null, bytes("no key"));
            assertArrayEquals(bytes("v2"), store.get("ALD-CA-MLA"));
            assertNull(store.get("KES-POC-247"));
            assertEquals(1, store.approximateNumEntries());
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
