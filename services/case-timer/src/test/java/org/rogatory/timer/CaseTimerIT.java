package org.rogatory.timer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.EscalationLevel;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroDeserializer;
import org.rogatory.platform.serde.KafkaAvroSerializer;
import org.rogatory.platform.service.ServiceHost;
import org.rogatory.platform.service.StreamService;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.registry.SchemaRegistryServer;
import org.rogatory.testing.DockerRequirement;
import org.rogatory.testing.OfflineKafka;
import org.rogatory.testing.Contracts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rogatory.testing.Contracts.action;
import static org.rogatory.testing.Contracts.routed;

/**
 * The timer on a real broker, with exactly-once processing: killed (SIGKILL, in a separate JVM)
 * in the middle of a run and resumed by a fresh instance with empty local state, it must emit
 * every escalation step exactly once, as a read_committed consumer sees them.
 */
@ExtendWith(DockerRequirement.class)
class CaseTimerIT {

    private static final Logger LOG = LoggerFactory.getLogger(CaseTimerIT.class);
    /** Monday 5 January 2026, 09:00 UTC: the start of a working week. */
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    private static final int PARTITIONS = 4;
    /** The timer's application id, as its settings file gives it. */
    private static final String TIMER_GROUP = "rogatory-case-timer";
    private static final int UNANSWERED = 40;
    private static final int LATE = 40;
    private static final int ARRESTS = 10;
    /** The killed timer's output, kept for whoever reads a failure. */
    private static final Path FIRST_TIMER_LOG = Path.of("target", "case-timer-it-first-timer.log");

    @TempDir
    Path work;

    private record Timed(String topic, Integer partition, String key, Object value, Instant at) {
    }

    private static Instant day(double d) {
        return T0.plus(Duration.ofMinutes(Math.round(d * 24 * 60)));
    }

    @Test
    @DisplayName("killed mid-run and restarted, the timer misses no escalation step and emits none twice")
    void killAndRestart() throws Exception {
        String bootstrap = OfflineKafka.bootstrapServers();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicCatalogue.ensure(admin, PARTITIONS);
        }
        try (SchemaRegistryServer registry = SchemaRegistryServer.start(bootstrap, 0);
             KafkaProducer<String, Object> producer = producer(bootstrap, registry.url());
             KafkaConsumer<String, Object> escalations = committedEscalations(bootstrap, registry.url())) {
            for (DirectoryEntry node : Contracts.world(true)) {
                producer.send(new ProducerRecord<>(Topics.DIRECTORY, node.getNodeId(), node));
            }
            List<Timed> workload = workload();
            List<ConsumerRecord<String, Object>> seen = new ArrayList<>();

            send(producer, workload, day(0), day(11), Duration.ofHours(2));
            Process first = launchTimer(bootstrap, registry.url());
            try {
                // day 7 (12 January): a reminder for each of the 80 unacknowledged MLA cases
                await().atMost(Duration.ofMinutes(2)).until(() -> alive(first) && poll(escalations, seen) >= UNANSWERED + LATE);
                send(producer, workload, day(11), day(40), Duration.ofMinutes(15));
                await().atMost(Duration.ofMinutes(1)).until(() -> alive(first) && poll(escalations, seen) > UNANSWERED + LATE);
            } finally {
                first.destroyForcibly().waitFor(); // SIGKILL: no commit, no clean shutdown
            }
            LOG.info("timer killed after {} committed escalations", seen.size());

            try (ServiceHost resumed = ServiceHost.start(settings(bootstrap, registry.url(), work.resolve("resumed-state")),
                    List.of(), false, Duration.ofMinutes(2))) {
            CaseViews views = resumed.context().getBean(CaseViews.class);
            send(producer, workload, day(40), day(66), Duration.ofHours(2));

            Map<TopicPartition, Long> ends = inputEnds(bootstrap);
            await().atMost(Duration.ofMinutes(3)).until(() -> consumedUpTo(bootstrap, ends));
            // The killed instance's open transaction holds back read_committed readers until the
            // broker aborts it (transaction timeout): drained means every record is decided.
            await().atMost(Duration.ofMinutes(2)).until(() -> drained(bootstrap, escalations, seen));

            List<String> steps = seen.stream().map(r -> (Escalation) r.value())
                .map(e -> e.getHeader().getCaseId() + "/" + e.getClock() + "/" + e.getLevel()).toList();
            assertThat(steps).as("no step twice").doesNotHaveDuplicates();
            Map<EscalationLevel, Long> perLevel = seen.stream().map(r -> (Escalation) r.value())
                .collect(Collectors.groupingBy(Escalation::getLevel, Collectors.counting()));
            assertThat(perLevel).as("no step missed").containsExactlyInAnyOrderEntriesOf(Map.of(
                EscalationLevel.REMINDER, (long) UNANSWERED + LATE,
                EscalationLevel.SUPERVISOR, (long) UNANSWERED,
                EscalationLevel.LIAISON_OFFICER, (long) UNANSWERED,
                EscalationLevel.DIPLOMATIC_NOTE, (long) UNANSWERED));
            assertThat(seen).allMatch(r -> ((Escalation) r.value()).getClock() == ClockKind.CA_ACKNOWLEDGEMENT);

            // Interactive queries on the resumed instance, for cases on every partition.
            for (int i = 0; i < UNANSWERED; i++) {
                assertThat(views.local("U-" + i)).get().satisfies(v -> {
                    assertThat(v.getStatus()).isEqualTo(CaseStatus.DELIVERED);
                    assertThat(v.getEscalationLevel()).isEqualTo(EscalationLevel.DIPLOMATIC_NOTE);
                });
            }
            // The lapses wait for every partition's watermark on the links topic, read after the inputs.
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                for (int i = 0; i < ARRESTS; i++) {
                    assertThat(views.local("PA-MET-" + i)).get().extracting(v -> v.getStatus()).isEqualTo(CaseStatus.EXECUTED);
                    assertThat(views.local("PA-LATE-" + i)).get().extracting(v -> v.getStatus()).isEqualTo(CaseStatus.LAPSED);
                }
            });
            assertThat(views.local("NO-SUCH-CASE")).isEmpty();
            }
        }
    }

    /**
     * 40 MLA requests never acknowledged (the whole ladder), 40 acknowledged on day 9.5, between
     * the reminder (day 7) and the supervisor step (day 10), and 20 provisional arrests executed on day 1 whose linked extradition
     * request reaches the requested state on day 60 (in time) or day 64 (released on day 61).
     */
    private static List<Timed> workload() {
        List<Timed> records = new ArrayList<>();
        Function<CaseEvent, Timed> decision = e -> new Timed(Topics.CASE_EVENTS, null, e.getHeader().getCaseId(), e,
            e.getHeader().getSimulatedTime());
        Function<CaseEvent, Timed> act = e -> new Timed(Topics.NODE_ACTIONS, null, e.getHeader().getCaseId(), e,
            e.getHeader().getSimulatedTime());
        for (int i = 0; i < UNANSWERED + LATE; i++) {
            String id = (i < UNANSWERED ? "U-" : "L-") + (i < UNANSWERED ? i : i - UNANSWERED);
            Instant start = T0.plusSeconds(60L * i);
            records.add(decision.apply(routed(id, RequestType.MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", start, false)));
            records.add(act.apply(action(id, RequestType.MLA, CaseStatus.DELIVERED, start.plus(Duration.ofHours(1)))));
            if (i >= UNANSWERED) {
                records.add(act.apply(action(id, RequestType.MLA, CaseStatus.ACKNOWLEDGED, day(9.5))));
            }
        }
        for (int i = 0; i < 2 * ARRESTS; i++) {
            boolean late = i >= ARRESTS;
            String id = (late ? "PA-LATE-" : "PA-MET-") + (i % ARRESTS);
            String extradition = "EXT-" + id;
            Instant start = T0.plusSeconds(30L * i);
            RequestType pa = RequestType.PROVISIONAL_ARREST;
            records.add(decision.apply(routed(id, pa, Channel.I247, "BRV-NCB", start, false)));
            records.add(act.apply(action(id, pa, CaseStatus.DELIVERED, start.plusSeconds(60))));
            records.add(act.apply(action(id, pa, CaseStatus.ACKNOWLEDGED, start.plus(Duration.ofHours(1)))));
            records.add(act.apply(action(id, pa, CaseStatus.EXECUTED, day(1))));
            records.add(decision.apply(routed(extradition, RequestType.EXTRADITION, Channel.DIPLOMATIC, "BRV-MFA", day(38), false, id)));
            // received by day 40 (ECE art. 16(4), the default period from the arrest on day 1) or late
            records.add(act.apply(action(extradition, RequestType.EXTRADITION, CaseStatus.ACKNOWLEDGED, late ? day(44) : day(40))));
        }
        records.sort(Comparator.comparing(Timed::at));
        return records;
    }

    /** Sends the workload's records in [from, to) and clock ticks on every partition every {@code tick} in (from, to]. */
    private static void send(KafkaProducer<String, Object> producer, List<Timed> workload, Instant from, Instant to,
                             Duration tick) throws Exception {
        List<Timed> batch = new ArrayList<>(workload.stream()
            .filter(t -> !t.at().isBefore(from) && t.at().isBefore(to)).toList());
        long sequence = from.toEpochMilli();
        for (Instant t = from.plus(tick); !t.isAfter(to); t = t.plus(tick)) {
            for (int p = 0; p < PARTITIONS; p++) {
                ClockTick value = ClockTick.newBuilder().setSimulatedTime(t).setSource("case-timer-it").setSequence(sequence).build();
                batch.add(new Timed(Topics.CLOCK, p, null, value, t));
            }
            sequence++;
        }
        batch.sort(Comparator.comparing(Timed::at)); // stable: an event at a tick's time goes before the tick
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (Timed r : batch) {
            sent.add(producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.at().toEpochMilli(), r.key(), r.value())));
        }
        producer.flush();
        for (java.util.concurrent.Future<?> f : sent) {
            f.get(); // a refused record fails the test here, not as a silent gap in the run
        }
    }

    /** The application with the timer enabled, as a container runs it, in its own JVM. */
    private Process launchTimer(String bootstrap, String registryUrl) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
            "--sun-misc-unsafe-memory-access=allow", "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        settings(bootstrap, registryUrl, work.resolve("first-state")).forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add(ServiceHost.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("ROGATORY_HTTP_PORT", "-1"); // any free port
        builder.redirectErrorStream(true).redirectOutput(FIRST_TIMER_LOG.toFile());
        return builder.start();
    }

    private static boolean alive(Process timer) throws IOException {
        if (!timer.isAlive()) {
            List<String> log = Files.readAllLines(FIRST_TIMER_LOG);
            throw new AssertionError("the first timer exited with " + timer.exitValue() + "; its log ends with:\n"
                + String.join("\n", log.subList(Math.max(0, log.size() - 30), log.size())));
        }
        return true;
    }

    /** The timer's settings; a dead member leaves the group after 6 s instead of 45 s. */
    private static Map<String, Object> settings(String bootstrap, String registryUrl, Path stateDir) {
        String streams = "kafka.streams." + CaseTimerStream.NAME + ".";
        Map<String, Object> p = new HashMap<>();
        p.put(StreamService.enabledProperty(CaseTimerStream.NAME), true);
        p.put("kafka.bootstrap.servers", bootstrap);
        p.put("kafka.schema.registry.url", registryUrl);
        p.put(streams + StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(streams + StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), "6000");
        p.put(streams + StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), "1500");
        // No lockstep barrier here: days of inputs are on the broker before the timer starts, and a task must
        // not run the clock's ticks past a delivery still being fetched from coop.node-actions (once, in CI,
        // five cases more than planned went up a whole ladder, most likely that way).
        p.put(streams + StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, "2000");
        return p;
    }


    private static KafkaProducer<String, Object> producer(String bootstrap, String registryUrl) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ProducerConfig.LINGER_MS_CONFIG, 5, AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        KafkaAvroSerializer values = new KafkaAvroSerializer();
        values.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), values);
    }

    private static KafkaConsumer<String, Object> committedEscalations(String bootstrap, String registryUrl) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(config, false);
        KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition(Topics.ESCALATIONS, p));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static int poll(KafkaConsumer<String, Object> consumer, List<ConsumerRecord<String, Object>> seen) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return seen.size();
    }

    /**
     * True once the read_committed consumer has passed the end of the log (not only the last
     * stable offset): no transaction on coop.escalations is still open, every step is decided.
     */
    private static boolean drained(String bootstrap, KafkaConsumer<String, Object> consumer,
                                   List<ConsumerRecord<String, Object>> seen) throws Exception {
        poll(consumer, seen);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        consumer.assignment().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        }
    }

    private static Map<TopicPartition, Long> inputEnds(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
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
    }

    /** True once the timer has committed offsets up to {@code ends} on every input partition. */
    private static boolean consumedUpTo(String bootstrap, Map<TopicPartition, Long> ends) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(TIMER_GROUP).partitionsToOffsetAndMetadata().get();
            return ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()) != null
                && committed.get(e.getKey()).offset() >= e.getValue());
        }
    }
}
