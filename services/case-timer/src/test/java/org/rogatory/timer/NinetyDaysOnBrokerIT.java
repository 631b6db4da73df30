package org.rogatory.timer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.EscalationLevel;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.kafka.EmbeddedKafka;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroDeserializer;
import org.rogatory.platform.serde.KafkaAvroSerializer;
import org.rogatory.platform.service.ServiceHost;
import org.rogatory.platform.service.StreamService;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.testing.Contracts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 2000 cases through 90 simulated days of hourly ticks on every partition, on a real broker (the
 * in-process KRaft broker, no Docker needed) with exactly-once processing and RocksDB stores:
 * the run takes seconds, and every never-acknowledged case climbs the whole ladder exactly once.
 */
class NinetyDaysOnBrokerIT {

    private static final Logger LOG = LoggerFactory.getLogger(NinetyDaysOnBrokerIT.class);
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final int CASES = 2000;
    private static final int DAYS = 90;
    private static final int PARTITIONS = 4;
    private static final String REGISTRY = "mock://ninety-days-it";

    @TempDir
    Path state;

    @Test
    @DisplayName("2000 cases x 90 days on a real broker: half never acknowledged climb the whole ladder once")
    void ninetyDays() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            String bootstrap = kafka.bootstrapServers();
            TopicCatalogue.ensure(admin, PARTITIONS);
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTopics(List.of(Topics.CASE_EVENTS,
                    Topics.NODE_ACTIONS, Topics.CLOCK, Topics.DIRECTORY, Topics.ESCALATIONS)).allTopicNames().get().values()
                .stream().map(TopicDescription::partitions).flatMap(List::stream).allMatch(p -> p.leader() != null));
            int records = produce(bootstrap);
            Map<TopicPartition, Long> ends = inputEnds(admin);

            Map<String, Object> settings = Map.of(
                StreamService.enabledProperty(CaseTimerStream.NAME), true,
                "kafka.bootstrap.servers", bootstrap,
                "kafka.schema.registry.url", REGISTRY,
                "kafka.streams." + CaseTimerStream.NAME + "." + StreamsConfig.STATE_DIR_CONFIG, state.toString());
            long begin = System.nanoTime();
            try (ServiceHost timer = ServiceHost.start(settings, List.of(), false, Duration.ofMinutes(2))) {
                String group = timer.streams().applicationId(CaseTimerStream.NAME);
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
                    var committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get();
                    return ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue());
                });
                Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
                LOG.info("{} cases, {} records, {} simulated days through a real broker (exactly-once, RocksDB) in {} ms",
                    CASES, records, DAYS, elapsed.toMillis());

                Map<String, Integer> steps = new HashMap<>();
                readEscalations(bootstrap).forEach(e -> steps.merge(e.getHeader().getCaseId() + "/" + e.getLevel(), 1, Integer::sum));
                assertThat(steps.values()).as("no step twice").containsOnly(1);
                assertThat(steps).as("four steps for each never-acknowledged case, none for the others").hasSize(CASES / 2 * 4);
                for (int i = 0; i < CASES; i += 2) {
                    for (EscalationLevel level : List.of(EscalationLevel.REMINDER, EscalationLevel.SUPERVISOR,
                            EscalationLevel.LIAISON_OFFICER, EscalationLevel.DIPLOMATIC_NOTE)) {
                        assertThat(steps).containsKey("N-" + i + "/" + level);
                    }
                }
                assertThat(timer.context().getBean(CaseViews.class).local("N-1")).get().extracting(v -> v.getStatus()).isEqualTo(CaseStatus.EXECUTED);
                assertThat(elapsed).as("seconds, not days").isLessThan(Duration.ofMinutes(3));
            }
        }
    }

    /** Even cases are never acknowledged; odd ones are acknowledged on day 2 and executed on day 30. */
    private static int produce(String bootstrap) throws Exception {
        List<CaseEvent> events = new ArrayList<>();
        List<Boolean> decisions = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String id = "N-" + i;
            Instant start = T0.plusSeconds(37L * i);
            events.add(Contracts.routed(id, RequestType.MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", start, false));
            events.add(Contracts.action(id, RequestType.MLA, CaseStatus.DELIVERED, start.plus(Duration.ofHours(1))));
            if (i % 2 == 1) {
                events.add(Contracts.action(id, RequestType.MLA, CaseStatus.ACKNOWLEDGED, start.plus(Duration.ofDays(2))));
                events.add(Contracts.action(id, RequestType.MLA, CaseStatus.EXECUTED, start.plus(Duration.ofDays(30))));
            }
        }
        events.sort(Comparator.comparing(e -> e.getHeader().getSimulatedTime()));
        // On a loaded machine the in-process broker may lose leadership for a moment right after the
        // topics are created; an idempotent producer then fails with OutOfOrderSequence, whereas one
        // request in flight at a time retries in order.
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.LINGER_MS_CONFIG, 20, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
            ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1, ProducerConfig.ACKS_CONFIG, "all",
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY);
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(config, false);
        List<Future<?>> sent = new ArrayList<>();
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), values)) {
            for (DirectoryEntry node : Contracts.world(true)) {
                sent.add(producer.send(new ProducerRecord<>(Topics.DIRECTORY, node.getNodeId(), node)));
            }
            int next = 0;
            for (int hour = 1; hour <= DAYS * 24; hour++) {
                Instant tick = T0.plus(Duration.ofHours(hour));
                for (; next < events.size() && !events.get(next).getHeader().getSimulatedTime().isAfter(tick); next++) {
                    CaseEvent e = events.get(next);
                    String topic = e.getStatus() == CaseStatus.ROUTED ? Topics.CASE_EVENTS : Topics.NODE_ACTIONS;
                    sent.add(producer.send(new ProducerRecord<>(topic, null, e.getHeader().getSimulatedTime().toEpochMilli(),
                        e.getHeader().getCaseId(), e)));
                }
                for (int p = 0; p < PARTITIONS; p++) {
                    ClockTick value = ClockTick.newBuilder().setSimulatedTime(tick).setSource("ninety-days-it").setSequence(hour).build();
                    sent.add(producer.send(new ProducerRecord<>(Topics.CLOCK, p, tick.toEpochMilli(), null, value)));
                }
            }
            producer.flush();
        }
        for (Future<?> f : sent) {
            f.get();
        }
        return events.size() + DAYS * 24 * PARTITIONS;
    }

    private static Map<TopicPartition, Long> inputEnds(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : List.of(Topics.CASE_EVENTS, Topics.NODE_ACTIONS, Topics.CLOCK)) {
            for (int p = 0; p < PARTITIONS; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    /** Every committed escalation, read to the end of the log. */
    private static List<Escalation> readEscalations(String bootstrap) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", AvroSerdeConfig.SCHEMA_REGISTRY_URL, REGISTRY,
            AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(config, false);
        List<Escalation> read = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(Topics.ESCALATIONS, p));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> read.add((Escalation) r.value()));
                return partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
            });
        }
        return read;
    }
}
