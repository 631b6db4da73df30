package org.rogatory.simulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.cli.CliProcess;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.exercise.World;
import org.rogatory.simulator.exercise.WorldLoader;
import org.rogatory.simulator.report.ReportWriter;
import org.rogatory.simulator.run.BoundaryHold;
import org.rogatory.simulator.run.ExerciseResult;
import org.rogatory.simulator.run.ExerciseRunner;
import org.rogatory.simulator.run.ReportAggregates;
import org.rogatory.simulator.run.RunSpeed;
import org.rogatory.simulator.run.StopRequest;
import org.rogatory.testing.DockerRequirement;
import org.rogatory.testing.OfflineKafkaCluster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scale-out and faults during a run (docs/deployment.md): on three brokers (replication 3, min.insync.replicas 2)
 * with two instances of every stream service, each a separate process as a container would be, the
 * run survives, one after the other: SIGKILL of one router, one authorities and one case-timer
 * instance (each restarted at once on an empty state directory, as a rescheduled pod); one broker
 * stopped for a few steps and started again; the schema registry stopped and started again.
 * The run completes with the report of a fault-free run on one in-process broker, and an
 * independent count over the topics ({@link TopicAudit}) finds no case lost and no event twice.
 * Every topic the run used, the project's, the services' internal ones, the registry's and Kafka's
 * own, is replicated three times with two in sync required.
 */
@ExtendWith(DockerRequirement.class)
// minutes of containers: outside ./mvnw -B verify, in the heavy profile .ci/run adds (docs/testing.md)
@Tag("heavy")
class ClusterIT {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterIT.class);
    private static final Path ROOT = Path.of("../..");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Two simulated days (one step) per wall second at most, so that the faults land mid-run with steps to spare. */
    private static final RunSpeed PACE = new RunSpeed(2 * 86_400.0);
    /** Steps the run must complete between one fault's recovery and the next fault. */
    private static final int STEPS_BETWEEN_FAULTS = 2;
    /**
     * Steps the run may take while a part is broken before it waits at a boundary for the part to be
     * back: five faults then use at most about 30 of the exercise's 52 steps, whatever the machine's
     * load (at load 10 a recovery took up to 16 steps unheld).
     */
    private static final int STEPS_INTO_A_FAULT = 3;
    private static final Duration RECOVERY = Duration.ofMinutes(4);

    /** Kept after the test (not a temporary folder): each process's log is what explains a failure here. */
    private final Path work = Path.of("target", "cluster-it");

    @Test
    @DisplayName("two instances of each service on three brokers; SIGKILL of each, a broker stopped, the registry restarted:"
        + " the one-broker fault-free report, nothing lost or twice, every topic replicated 3 times")
    void survivesEveryFault() throws Exception {
        deleteRecursively(work);
        // Each step's write and barrier times, to see where a fault's time went.
        runnerLog().setLevel(ch.qos.logback.classic.Level.DEBUG);
        Path scenarioFile = scenarioCopy();
        LoadedScenario scenario = ScenarioLoader.load(scenarioFile);
        World world = WorldLoader.load(scenario.worldFile().orElseThrow());
        CompletableFuture<OfflineKafkaCluster> starting = CompletableFuture.supplyAsync(OfflineKafkaCluster::start);
        long referenceStart = System.nanoTime();
        ExerciseResult reference = new ExerciseRunner().run(new ExerciseRunner.Options(scenario, world,
            RunSpeed.MAX, null, null, false));
        // Both reports stay in target/cluster-it: cases.csv side by side says which cases a fault changed, and when.
        ReportWriter.write(reference.report(), reference.cases(), work.resolve("fault-free"));
        JsonNode faultFree = ReportAggregates.of(reference);
        LOG.info("cluster: the fault-free run, one broker in-process: {} s", seconds(referenceStart));

        try (OfflineKafkaCluster cluster = starting.join();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
            TopicCatalogue.ensure(admin, TopicCatalogue.DEFAULT_PARTITIONS);
            try (ServiceFleet fleet = ServiceFleet.start(work, cluster.bootstrapServers(), scenarioFile);
                 Ticks ticks = new Ticks(cluster.bootstrapServers())) {
                ExerciseRunner runner = new ExerciseRunner(new StopRequest());
                BoundaryHold hold = new BoundaryHold(PACE);
                CompletableFuture<ExerciseResult> run = CompletableFuture.supplyAsync(() -> hold.run(runner, new ExerciseRunner.Options(
                    scenario, world, PACE, cluster.bootstrapServers(), fleet.registryUrl(), false, true)));
                List<FaultRecord> records = new ArrayList<>();
                long runStart = System.nanoTime();
                int nextAt = STEPS_BETWEEN_FAULTS;
                for (Fault fault : faults(cluster, fleet, admin, hold, run)) {
                    awaitStep(ticks, nextAt, run);
                    FaultRecord record = fault.inject(ticks, hold, run);
                    records.add(record);
                    LOG.info("cluster: {}", record);
                    nextAt = ticks.steps() + STEPS_BETWEEN_FAULTS;
                }
                ExerciseResult result = run.get(10, TimeUnit.MINUTES);
                ReportWriter.write(result.report(), result.cases(), work.resolve("faulted"));
                JsonNode faulted = ReportAggregates.of(result);
                LOG.info("cluster: the run on three brokers with {} faults: {} s", records.size(), seconds(runStart));
                TopicAudit audit = TopicAudit.count(cluster.bootstrapServers(), fleet.registryUrl());
                LOG.info("cluster: {}", audit);

                assertThat(records).as("every fault landed before the run's last step")
                    .allSatisfy(record -> assertThat(record.step()).isLessThan(ticks.steps()));
                assertThat(faulted).as("report.json without its run section").isEqualTo(faultFree);
                assertThat(audit.submitted()).isEqualTo(faultFree.path("totals").path("submitted").asInt()).isGreaterThan(200);
                assertThat(audit.lost()).as("submitted cases without a case view").isEmpty();
                assertThat(audit.duplicated()).as("events read twice, by topic").isEmpty();
                assertEveryTopicReplicated(admin);
            }
        }
    }

    @AfterEach
    void runnerLogAsConfigured() {
        // the ITs share one JVM: the step lines are this test's, not the next ones'
        runnerLog().setLevel(null);
    }

    private static ch.qos.logback.classic.Logger runnerLog() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ExerciseRunner.class);
    }

    private static void assertEveryTopicReplicated(Admin admin) throws Exception {
        Collection<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        assertThat(names).as("the catalogue's, Kafka's own, the services' internal topics")
            .contains(Topics.CASE_EVENTS, Topics.SCHEMAS, "__consumer_offsets", "__transaction_state")
            .anyMatch(name -> name.endsWith("-changelog"));
        Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
        Map<String, List<Integer>> replicas = topics.values().stream().collect(Collectors.toMap(TopicDescription::name,
            topic -> topic.partitions().stream().map(partition -> partition.replicas().size()).distinct().toList()));
        assertThat(replicas).as("replicas of each topic's partitions")
            .allSatisfy((topic, counts) -> assertThat(counts).as(topic).containsOnly((int) OfflineKafkaCluster.REPLICATION_FACTOR));

        List<ConfigResource> resources = names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
        Map<String, String> minInSync = configs.entrySet().stream().collect(Collectors.toMap(entry -> entry.getKey().name(),
            entry -> entry.getValue().get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()));
        assertThat(minInSync).as("min.insync.replicas of each topic")
            .allSatisfy((topic, value) -> assertThat(value).as(topic).isEqualTo(String.valueOf(OfflineKafkaCluster.MIN_IN_SYNC_REPLICAS)));
        LOG.info("cluster: {} topics, each partition on {} brokers, {} in sync required", names.size(),
            OfflineKafkaCluster.REPLICATION_FACTOR, OfflineKafkaCluster.MIN_IN_SYNC_REPLICAS);
    }

    private List<Fault> faults(OfflineKafkaCluster cluster, ServiceFleet fleet, Admin admin, BoundaryHold hold,
                               CompletableFuture<ExerciseResult> run) {
        List<Fault> faults = new ArrayList<>();
        for (String service : ServiceFleet.STREAM_SERVICES) {
            faults.add(new Fault("SIGKILL " + service + " instance 1, restarted on an empty state directory",
                () -> fleet.kill(service, 0), () -> fleet.restart(service, 0)));
        }
        faults.add(new Fault("schema registry stopped (SIGTERM) and started again", fleet::stopRegistry, fleet::startRegistry));
        faults.add(new Fault("broker 2 stopped for " + STEPS_INTO_A_FAULT + " steps, then started again",
            () -> {
                cluster.stopNode(2);
                // The run goes on on two brokers (min.insync.replicas 2) as far as the hold lets it before the
                // third comes back (or to its end).
                awaitCondition(() -> hold.held() || run.isDone());
            },
            () -> {
                cluster.startNode(2);
                awaitCondition(() -> fullyReplicated(admin));
            }));
        return faults;
    }

    /** One fault: what breaks, and what brings the broken part back (a supervisor's restart, an operator's start). */
    private record Fault(String name, Runnable breakIt, Runnable bringBack) {

        FaultRecord inject(Ticks ticks, BoundaryHold hold, CompletableFuture<ExerciseResult> run) {
            int step = ticks.steps();
            long at = System.nanoTime();
            hold.holdAfter(STEPS_INTO_A_FAULT);
            breakIt.run();
            long broken = System.nanoTime();
            bringBack.run();
            double back = (System.nanoTime() - at) / 1e9;
            hold.release();
            // The run has recovered once it completes a step begun after the part came back (or, the
            // last fault, once it ends: its result is checked after).
            int resumed = ticks.steps();
            awaitCondition(() -> ticks.steps() > resumed || run.isDone());
            return new FaultRecord(name, step, round((broken - at) / 1e9), round(back), round((System.nanoTime() - at) / 1e9));
        }
    }

    /**
     * @param step      the run's step when the fault struck
     * @param downFor   seconds the part was down before it was brought back
     * @param backAfter seconds until the part was back (restarted process ready, broker's replicas in sync)
     * @param recovered seconds until the run completed a step after the part was back
     */
    record FaultRecord(String fault, int step, double downFor, double backAfter, double recovered) {
        @Override
        public String toString() {
            return fault + " at step " + step + ": back after " + backAfter + " s, the run stepped on " + recovered + " s after the fault";
        }
    }

    /**
     * The run's progress as Kafka shows it: the runner writes one tick on every partition of coop.clock
     * per step. A consumer asks for the end offsets: its client finds moved leaders by itself (an
     * admin client kept asking a stopped broker for a minute).
     */
    private static final class Ticks implements AutoCloseable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final List<TopicPartition> partitions;

        Ticks(String bootstrapServers) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
            partitions = consumer.partitionsFor(Topics.CLOCK).stream().map(p -> new TopicPartition(Topics.CLOCK, p.partition())).toList();
        }

        /** Steps the run has begun, or -1 while the cluster cannot say. */
        synchronized int steps() {
            try {
                return (int) consumer.endOffsets(partitions, Duration.ofSeconds(5)).values().stream()
                    .mapToLong(Long::longValue).min().orElse(0);
            } catch (KafkaException e) {
                return -1;
            }
        }

        @Override
        public synchronized void close() {
            consumer.close();
        }
    }

    private static void awaitStep(Ticks ticks, int step, CompletableFuture<ExerciseResult> run) {
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(200))
            .failFast(() -> {
                if (run.isDone()) {
                    throw new AssertionError("the run ended before step " + step + ": " + run.handle((result, failure) ->
                        failure == null ? "it had no step left" : failure.toString()).join());
                }
            })
            .until(() -> ticks.steps() >= step);
    }

    private static void awaitCondition(BooleanSupplier condition) {
        await().atMost(RECOVERY).pollInterval(Duration.ofMillis(200)).until(condition::getAsBoolean);
    }

    private static boolean fullyReplicated(Admin admin) {
        try {
            List<String> topics = TopicCatalogue.topics(TopicCatalogue.DEFAULT_PARTITIONS).stream().map(NewTopic::name).toList();
            for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
                if (topic.partitions().stream().anyMatch(p -> p.isr().size() < OfflineKafkaCluster.REPLICATION_FACTOR)) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private Path scenarioCopy() throws IOException {
        Path scenarios = Files.createDirectories(work.resolve("scenarios/worlds"));
        Files.copy(ROOT.resolve("scenarios/worlds/default-world.yaml"), scenarios.resolve("default-world.yaml"));
        return Files.copy(Path.of("src/test/resources/compose/faults.yaml"), work.resolve("scenarios/faults.yaml"));
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (var paths = Files.walk(folder)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    private static double seconds(long since) {
        return round((System.nanoTime() - since) / 1e9);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /**
     * The registry and two instances of every stream service, each a {@code rogatory service} process
     * configured by its environment as in docker-compose.yml; a killed instance restarts in a new
     * folder (its state restored from the changelogs), a stopped registry on its port.
     */
    static final class ServiceFleet implements AutoCloseable {

        static final List<String> STREAM_SERVICES = List.of("router", "authorities", "case-timer");
        private static final int INSTANCES = 2;

        private final Path work;
        private final String bootstrapServers;
        private final Path scenario;
        private final int registryPort = freePort();
        private final Map<String, CliProcess> processes = new LinkedHashMap<>();
        private final Map<String, Integer> ports = new LinkedHashMap<>();
        private int generation;

        private ServiceFleet(Path work, String bootstrapServers, Path scenario) {
            this.work = work;
            this.bootstrapServers = bootstrapServers;
            this.scenario = scenario;
        }

        static ServiceFleet start(Path work, String bootstrapServers, Path scenario) {
            ServiceFleet fleet = new ServiceFleet(work, bootstrapServers, scenario);
            try {
                fleet.startRegistry();
                for (String service : STREAM_SERVICES) {
                    for (int i = 0; i < INSTANCES; i++) {
                        fleet.launch(service, i);
                    }
                }
                for (String service : STREAM_SERVICES) {
                    for (int i = 0; i < INSTANCES; i++) {
                        fleet.awaitReady(service, i);
                    }
                }
                return fleet;
            } catch (RuntimeException | Error e) {
                fleet.close();
                throw e;
            }
        }

        String registryUrl() {
            return "http://127.0.0.1:" + registryPort;
        }

        void startRegistry() {
            CliProcess registry = CliProcess.start(folder("registry"), Map.of("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "SCHEMA_REGISTRY_PORT", String.valueOf(registryPort)), "service", "schema-registry");
            processes.put("registry", registry);
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(200)).until(() -> status(registryPort, "/subjects") == 200);
        }

        void stopRegistry() {
            assertThat(processes.remove("registry").terminate(Duration.ofMinutes(1))).as("the registry's exit on SIGTERM").isEqualTo(143);
        }

        void kill(String service, int instance) {
            processes.remove(key(service, instance)).kill();
        }

        void restart(String service, int instance) {
            launch(service, instance);
            awaitReady(service, instance);
        }

        private void launch(String service, int instance) {
            int port = freePort();
            String prefix = "KAFKA_STREAMS_" + service.toUpperCase().replace('-', '_') + "_";
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
            environment.put("SCHEMA_REGISTRY_URL", registryUrl());
            environment.put("ROGATORY_HTTP_PORT", String.valueOf(port));
            environment.put(prefix + "COMMIT_INTERVAL_MS", "20");
            // A killed member's partitions move on once its session expires: the broker's minimum, not 45 s.
            environment.put(prefix + "SESSION_TIMEOUT_MS", "6000");
            environment.put(prefix + "HEARTBEAT_INTERVAL_MS", "1500");
            // On three brokers a transaction's first write may be refused until the previous one's
            // markers are written, and the runner commits every few milliseconds: ask again sooner than the default back-off.
            environment.put(prefix + "PRODUCER_RETRY_BACKOFF_MS", "10");
            environment.put(prefix + "PRODUCER_RETRY_BACKOFF_MAX_MS", "50");
            processes.put(key(service, instance), CliProcess.start(folder(key(service, instance)), environment,
                "service", service, "--scenario", scenario.toString()));
            ports.put(key(service, instance), port);
        }

        private void awaitReady(String service, int instance) {
            int port = ports.get(key(service, instance));
            processes.get(key(service, instance)).awaitUntil(RECOVERY, () -> status(port, "/health/readiness") == 200);
        }

        private Path folder(String name) {
            try {
                return Files.createDirectories(work.resolve("processes").resolve(name + "-" + (generation++)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String key(String service, int instance) {
            return service + "-" + instance;
        }

        @Override
        public void close() {
            processes.values().forEach(CliProcess::close);
        }
    }

    private static int status(int port, String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on loopback", e);
        }
    }
}
