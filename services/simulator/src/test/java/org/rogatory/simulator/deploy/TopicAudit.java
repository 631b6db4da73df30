package org.rogatory.simulator.deploy;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rogatory.contracts.Channel;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroDeserializer;
import org.rogatory.platform.topics.Topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An independent count over the topics, as a consumer of the cluster sees them (committed records
 * only), not through the run's report: the cases submitted, those the case timer holds a view of,
 * and on every topic of case events each event id's occurrences. Event ids are derived from the
 * case and the step (never random), so a step a restarted service wrote a second time would show
 * as the same id twice.
 */
record TopicAudit(int submitted, Set<String> lost, Map<String, Long> duplicated, Map<String, Long> events) {

    private static final List<String> EVENT_TOPICS = eventTopics();
    private static final Duration READ_WITHIN = Duration.ofMinutes(2);

    static TopicAudit count(String bootstrapServers, String registryUrl) {
        Set<String> submitted = new TreeSet<>();
        Set<String> viewed = new HashSet<>();
        Map<String, Long> duplicated = new TreeMap<>();
        Map<String, Long> events = new TreeMap<>();
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl,
            AvroSerdeConfig.SPECIFIC_AVRO_READER, false);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(config, false);
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            for (ConsumerRecord<String, Object> record : readAll(consumer, Topics.REQUESTS_SUBMITTED)) {
                submitted.add(record.key());
            }
            for (ConsumerRecord<String, Object> record : readAll(consumer, Topics.CASES)) {
                viewed.add(record.key());
            }
            for (String topic : EVENT_TOPICS) {
                Set<String> seen = new HashSet<>();
                long count = 0;
                long twice = 0;
                for (ConsumerRecord<String, Object> record : readAll(consumer, topic)) {
                    GenericRecord header = (GenericRecord) ((GenericRecord) record.value()).get("header");
                    count++;
                    if (!seen.add(header.get("eventId").toString())) {
                        twice++;
                    }
                }
                events.put(topic, count);
                if (twice > 0) {
                    duplicated.put(topic, twice);
                }
            }
        }
        Set<String> lost = new TreeSet<>(submitted);
        lost.removeAll(viewed);
        return new TopicAudit(submitted.size(), lost, duplicated, events);
    }

    /** Every committed record of the topic, from its start to its end as of now. */
    private static List<ConsumerRecord<String, Object>> readAll(KafkaConsumer<String, Object> consumer, String topic) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
            .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        long deadline = System.nanoTime() + READ_WITHIN.toNanos();
        while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + topic + " to its end " + end + " within " + READ_WITHIN);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
        }
        return records;
    }

    private static List<String> eventTopics() {
        List<String> topics = new ArrayList<>(List.of(Topics.CASE_EVENTS, Topics.NODE_ACTIONS, Topics.ESCALATIONS));
        for (Channel channel : Channel.values()) {
            if (channel != Channel.UNKNOWN) {
                topics.add(Topics.forChannel(channel));
            }
        }
        return topics;
    }

    @Override
    public String toString() {
        return "independent count: " + submitted + " cases submitted, lost " + lost.size() + ", events per topic " + events
            + ", duplicated " + duplicated.values().stream().mapToLong(Long::longValue).sum();
    }
}
