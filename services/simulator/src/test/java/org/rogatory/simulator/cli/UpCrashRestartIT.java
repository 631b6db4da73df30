package org.rogatory.simulator.cli;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.AvroSerdes;
import org.rogatory.platform.serde.KafkaAvroSerializer;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.exercise.WorldLoader;
import org.rogatory.simulator.workload.TimedRecord;
import org.rogatory.simulator.workload.WorkloadGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code up --data-dir D} killed with SIGKILL (the whole JVM: broker, registry and services at
 * once) and started again on D: it must reopen its data within seconds, and every request
 * submitted before the crash and after the restart must have exactly one routing decision and
 * reach its node's channel exactly once, read back from the topics. The crash comes once the
 * router has committed the requests submitted so far, while the nodes and the timer are still at
 * work on them (docs/cli.md, "After a crash").
 */
@DisplayName("up --data-dir after a SIGKILL: the stack reopens its data and routes every request once")
class UpCrashRestartIT {

    /** The router's application id, as its settings file (router.yml) gives it. */
    private static final String ROUTER_GROUP = "rogatory-router";

    private static final Logger LOG = LoggerFactory.getLogger(UpCrashRestartIT.class);
    private static final Path SCENARIO = Path.of("../../scenarios/baseline.yaml");
    private static final int BATCH = 60;
    private static final List<String> CHANNELS = List.of(Topics.CHANNEL_CENTRAL_AUTHORITY, Topics.CHANNEL_CONTACT_POINT_247,
        Topics.CHANNEL_I247, Topics.CHANNEL_DIPLOMATIC);
    /** Before the fix the restarted broker gave up registering after 60 s; now it is ready in seconds. */
    private static final Duration BROKER_READY = Duration.ofSeconds(30);

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void crashedStackReopensItsDataAndRoutesEveryRequestOnce() throws IOException {
        String[] up = {"up", "--data-dir", tmp.resolve("data").toString(), "--kafka-port", String.valueOf(freePort()),
            "--registry-port", String.valueOf(freePort()), "--http-port", String.valueOf(freePort()),
            "--scenario", SCENARIO.toString()};
        List<List<CooperationRequest>> batches = batches(2);
        List<CooperationRequest> beforeCrash = batches.get(0);
        List<CooperationRequest> afterRestart = batches.get(1);

        try (CliProcess first = CliProcess.start(tmp.resolve("first"), up)) {
            Stack stack = Stack.of(first, CliProcess.STARTS_WITHIN);
            stack.submit(beforeCrash);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(stack::readWhenRouterCaughtUp, o -> o != null && o.decidedAll(beforeCrash));
            first.kill();
        }
        long restart = System.nanoTime();
        try (CliProcess second = CliProcess.start(tmp.resolve("second"), up)) {
            second.awaitErr("Kafka at ", BROKER_READY);
            long brokerReady = System.nanoTime();
            // The services wait for their consumer groups to drop the killed members (their sessions expire).
            Stack stack = Stack.of(second, CliProcess.STARTS_WITHIN);
            LOG.info("after the restart: broker and registry ready in {} ms, services in {} ms",
                (brokerReady - restart) / 1_000_000, (System.nanoTime() - restart) / 1_000_000);
            stack.submit(afterRestart);
            List<CooperationRequest> all = batches.stream().flatMap(List::stream).toList();
            // Done when the router has committed every submitted request (so no output for them is
            // still to come) and each has its decision on the topics.
            Outputs outputs = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(stack::readWhenRouterCaughtUp, o -> o != null && o.decidedAll(all));
            LOG.info("{} requests: {} routed, {} refused", all.size(), outputs.count(CaseStatus.ROUTED), outputs.count(CaseStatus.REFUSED));
            for (CooperationRequest request : all) {
                outputs.assertRoutedOnce(request.getHeader().getCaseId());
            }
            assertTrue(outputs.count(CaseStatus.ROUTED) > 0, "some requests are routed, not all refused");
        }
    }

    /** The first requests of the baseline's workload, in batches, stamped now: in {@code up} simulated time is wall time. */
    private static List<List<CooperationRequest>> batches(int count) {
        LoadedScenario loaded = ScenarioLoader.load(SCENARIO);
        List<TimedRecord> generated = new WorkloadGenerator(loaded.scenario(),
            WorldLoader.load(loaded.worldFile().orElseThrow())).requests();
        List<List<CooperationRequest>> batches = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            batches.add(generated.subList(b * BATCH, (b + 1) * BATCH).stream()
                .map(r -> (CooperationRequest) r.value()).toList());
        }
        return batches;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /** The addresses a running {@code up} printed. */
    private record Stack(String bootstrapServers, String registryUrl) {

        static Stack of(CliProcess up, Duration within) {
            String bootstrap = up.awaitValue("bootstrap.servers", within);
            return new Stack(bootstrap, up.awaitValue("schema.registry.url", Duration.ofSeconds(5)));
        }

        void submit(List<CooperationRequest> requests) {
            Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
            KafkaAvroSerializer serializer = new KafkaAvroSerializer();
            serializer.configure(config, false);
            try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(), serializer)) {
                long now = System.currentTimeMillis();
                for (CooperationRequest request : requests) {
                    request.getHeader().setSimulatedTime(Instant.ofEpochMilli(now));
                    producer.send(new ProducerRecord<>(Topics.REQUESTS_SUBMITTED, null, now, request.getHeader().getCaseId(), request));
                }
            }
        }

        /** Everything the router wrote so far, or null while it has not committed every submitted request. */
        Outputs readWhenRouterCaughtUp() throws ExecutionException, InterruptedException {
            try (Admin admin = admin()) {
                Map<TopicPartition, Long> submitted = ends(admin, List.of(Topics.REQUESTS_SUBMITTED));
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(ROUTER_GROUP)
                    .partitionsToOffsetAndMetadata().get();
                boolean caughtUp = submitted.entrySet().stream().allMatch(e -> e.getValue() == 0
                    || committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue());
                return caughtUp ? read(admin) : null;
            }
        }

        /** The decisions and transmissions up to the last committed record of each partition (read_committed). */
        private Outputs read(Admin admin) throws ExecutionException, InterruptedException {
            List<String> topics = new ArrayList<>(CHANNELS);
            topics.add(Topics.CASE_EVENTS);
            Map<TopicPartition, Long> ends = ends(admin, topics);
            Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
            var events = AvroSerdes.<CaseEvent>specific(config, false).deserializer();
            var transmissions = AvroSerdes.<Transmission>specific(config, false).deserializer();
            Outputs outputs = new Outputs(new HashMap<>(), new HashMap<>());
            try (var consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer.assign(ends.keySet());
                consumer.seekToBeginning(ends.keySet());
                Map<TopicPartition, Long> pending = new HashMap<>(ends);
                pending.values().removeIf(end -> end == 0);
                while (!pending.isEmpty()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                        if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                            continue;
                        }
                        if (record.topic().equals(Topics.CASE_EVENTS)) {
                            outputs.add(events.deserialize(record.topic(), record.value()));
                        } else {
                            outputs.add(record.topic(), transmissions.deserialize(record.topic(), record.value()));
                        }
                    }
                    pending.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
                }
            }
            return outputs;
        }

        private Admin admin() {
            return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        }

        private static Map<TopicPartition, Long> ends(Admin admin, List<String> topics) throws ExecutionException, InterruptedException {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) -> description.partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
            return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().entrySet()
                .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        }
    }

    /** The router's decisions (coop.case-events) and transmissions ("topic key") by case id. */
    private record Outputs(Map<String, List<CaseEvent>> decisions, Map<String, List<String>> transmissions) {

        void add(CaseEvent decision) {
            decisions.computeIfAbsent(decision.getHeader().getCaseId(), k -> new ArrayList<>()).add(decision);
        }

        void add(String topic, Transmission transmission) {
            transmissions.computeIfAbsent(transmission.getHeader().getCaseId(), k -> new ArrayList<>())
                .add(topic + " " + transmission.getToNode());
        }

        boolean decidedAll(List<CooperationRequest> requests) {
            return requests.stream().allMatch(r -> decisions.containsKey(r.getHeader().getCaseId()));
        }

        long count(CaseStatus status) {
            return decisions.values().stream().flatMap(List::stream).filter(d -> d.getStatus() == status).count();
        }

        void assertRoutedOnce(String caseId) {
            List<CaseEvent> decided = decisions.getOrDefault(caseId, List.of());
            assertEquals(1, decided.size(), caseId + ": one routing decision, got " + decided);
            CaseEvent decision = decided.getFirst();
            assertTrue(Set.of(CaseStatus.ROUTED, CaseStatus.REFUSED).contains(decision.getStatus()), caseId + ": " + decision);
            List<String> expected = decision.getStatus() == CaseStatus.ROUTED
                ? List.of(Topics.forChannel(decision.getChannel()) + " " + decision.getNodeId()) : List.of();
            assertEquals(expected, transmissions.getOrDefault(caseId, List.of()), caseId + ": transmissions to its node");
        }
    }
}
