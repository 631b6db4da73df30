package org.rogatory.authorities.topology;

import static org.rogatory.authorities.topology.TestRecords.SERDES;

import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.topics.Topics;

/** The authorities' topology under a TopologyTestDriver, with the topics the tests write and read. */
final class AuthoritiesDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    final TestInputTopic<String, DirectoryEntry> directory;
    final TestInputTopic<String, Transmission> contactPoint;
    final TestInputTopic<String, Escalation> escalations;
    final TestInputTopic<String, Inject> injects;
    final TestInputTopic<String, ClockTick> clock;
    final TestInputTopic<String, CaseEvent> playerActions;
    final TestOutputTopic<String, CaseEvent> actions;
    final TestOutputTopic<String, DeadLetter> deadLetters;

    AuthoritiesDriver(String applicationId, Topology topology) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(topology, props);
        directory = input(Topics.DIRECTORY);
        contactPoint = input(Topics.CHANNEL_CONTACT_POINT_247);
        escalations = input(Topics.ESCALATIONS);
        injects = input(Topics.INJECTS);
        clock = input(Topics.CLOCK);
        playerActions = input(Topics.PLAYER_ACTIONS);
        actions = output(Topics.NODE_ACTIONS);
        deadLetters = output(Topics.DEADLETTER);
    }

    private <V extends SpecificRecord> TestInputTopic<String, V> input(String topic) {
        Serde<V> values = AvroSerdes.specific(SERDES, false);
        return driver.createInputTopic(topic, new StringSerializer(), values.serializer());
    }

    private <V extends SpecificRecord> TestOutputTopic<String, V> output(String topic) {
        Serde<V> values = AvroSerdes.specific(SERDES, false);
        return driver.createOutputTopic(topic, new StringDeserializer(), values.deserializer());
    }

    /** A topic written with other serializers (bytes a test makes unreadable on purpose). */
    <K, V> TestInputTopic<K, V> rawInput(String topic, Serializer<K> keys, Serializer<V> values) {
        return driver.createInputTopic(topic, keys, values);
    }

    Map<MetricName, ? extends Metric> metrics() {
        return driver.metrics();
    }

    @Override
    public void close() {
        driver.close();
    }
}
