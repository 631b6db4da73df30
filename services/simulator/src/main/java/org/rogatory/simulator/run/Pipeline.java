package org.rogatory.simulator.run;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.rogatory.authorities.AuthoritiesService;
import org.rogatory.authorities.scenario.LoadedScenario;
import org.rogatory.authorities.scenario.Scenario;
import org.rogatory.authorities.topology.AuthoritiesTopology;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroSerializer;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.router.RouterService;
import org.rogatory.router.topology.RouterSettings;
import org.rogatory.router.world.World;
import org.rogatory.simulator.workload.TimedRecord;
import org.rogatory.timer.CaseTimerService;
import org.rogatory.timer.topology.CaseTimerTopology;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The three stream services of an exercise in this JVM, with the world published before them and
 * the exercise control's producer (the single writer of requests, world changes, injects, clock).
 */
public final class Pipeline implements AutoCloseable {

    private static final Duration ROUTER_COMMIT = Duration.ofMillis(20);
    private static final Duration AUTHORITIES_COMMIT = Duration.ofMillis(50);
    private static final Duration TIMER_COMMIT = Duration.ofMillis(100);

    private final RouterService router = new RouterService();
    private final CaseTimerService timer = new CaseTimerService();
    private final AuthoritiesService authorities = new AuthoritiesService();
    private final KafkaProducer<String, Object> producer;
    private final Timeline timeline;
    private final ClockSource clock;

    private Pipeline(String bootstrapServers, String registryUrl, LoadedScenario scenario, World world) {
        this.producer = producer(bootstrapServers, registryUrl);
        this.timeline = new Timeline(scenario, world);
        this.clock = new ClockSource(producer, TopicCatalogue.DEFAULT_PARTITIONS, "exercise-control");
    }

    /**
     * Publishes the world, then starts the services together.
     *
     * @param timerGrace how far behind stream time the timer decides clocks (two steps in lockstep runs, 0 live)
     */
    public static Pipeline start(String bootstrapServers, String registryUrl, Path stateDir, LoadedScenario scenario,
                                 World world, Path worldFile, Duration timerGrace) {
        Pipeline pipeline = new Pipeline(bootstrapServers, registryUrl, scenario, world);
        try {
            pipeline.publish(pipeline.timeline.world());
            pipeline.flush();
            Properties common = commonSettings(bootstrapServers, registryUrl, stateDir);
            startTogether(
                () -> pipeline.router.start(routerSettings(common, worldFile)),
                () -> pipeline.timer.start(timerSettings(common, scenario.scenario(), timerGrace)),
                () -> pipeline.authorities.start(committingEvery(common, AUTHORITIES_COMMIT), scenario,
                    world.parameters().translationDelayHours()));
            return pipeline;
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    /** Services in pipeline order with their inputs: the barrier checks them in this order. */
    static LinkedHashMap<String, List<String>> inputsByGroup() {
        LinkedHashMap<String, List<String>> groups = new LinkedHashMap<>();
        groups.put(RouterSettings.APPLICATION_ID, List.of(Topics.REQUESTS_SUBMITTED));
        groups.put(AuthoritiesService.APPLICATION_ID, List.of(Topics.CHANNEL_CENTRAL_AUTHORITY,
            Topics.CHANNEL_CONTACT_POINT_247, Topics.CHANNEL_I247, Topics.CHANNEL_DIPLOMATIC, Topics.INJECTS,
            Topics.ESCALATIONS, Topics.CLOCK, AuthoritiesTopology.ESCALATIONS_BY_NODE_TOPIC));
        groups.put(CaseTimerService.APPLICATION_ID, List.of(Topics.CASE_EVENTS, Topics.NODE_ACTIONS, Topics.CLOCK,
            CaseTimerTopology.LINKS_TOPIC));
        return groups;
    }

    Timeline timeline() {
        return timeline;
    }

    public ClockSource clock() {
        return clock;
    }

    public void publish(List<TimedRecord> records) {
        for (TimedRecord record : records) {
            producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), record.key(),
                record.value()));
        }
    }

    public void flush() {
        producer.flush();
    }

    /** False once a service stopped or failed: whoever waits on the pipeline stops waiting. */
    public boolean healthy() {
        KafkaStreams.State state = router.state();
        return state != KafkaStreams.State.ERROR && state != KafkaStreams.State.NOT_RUNNING
            && state != KafkaStreams.State.PENDING_ERROR && timer.isRunning() && authorities.isRunning();
    }

    @Override
    public void close() {
        producer.close();
        authorities.close();
        timer.close();
        router.close();
    }

    /** The services start independently; together they are ready in the time of the slowest. */
    private static void startTogether(Runnable... starts) {
        List<CompletableFuture<Void>> started = Arrays.stream(starts).map(CompletableFuture::runAsync).toList();
        try {
            CompletableFuture.allOf(started.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Properties commonSettings(String bootstrapServers, String registryUrl, Path stateDir) {
        Properties settings = new Properties();
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        settings.put(StreamsConfig.consumerPrefix("max.poll.records"), "2000");
        // A read_committed fetch may wait its full fetch.max.wait.ms (500 ms) after an upstream
        // transaction commits; in lockstep every step would pay that at each hop.
        settings.put(StreamsConfig.consumerPrefix("fetch.max.wait.ms"), "5");
        return settings;
    }

    /**
     * Each lockstep step waits for every service to commit, so commit intervals set a step's floor;
     * each exactly-once commit costs a transaction, so the heavier a service's work per record, the
     * longer its interval pays off: the at-least-once router commits offsets only.
     */
    private static Properties committingEvery(Properties common, Duration interval) {
        Properties settings = new Properties();
        settings.putAll(common);
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(interval.toMillis()));
        return settings;
    }

    private static Properties routerSettings(Properties common, Path worldFile) {
        Properties settings = committingEvery(common, ROUTER_COMMIT);
        settings.put(RouterService.WORLD_FILE, worldFile.toString());
        return settings;
    }

    private static Properties timerSettings(Properties common, Scenario scenario, Duration grace) {
        Properties settings = committingEvery(common, TIMER_COMMIT);
        settings.put(CaseTimerService.WATERMARK_GRACE, grace.toHours() + "h");
        // An exercise's state lives as long as the exercise: heap stores (still changelogged) spare RocksDB's cost.
        settings.put(CaseTimerService.STORES, "in-memory");
        scenario.clocks().forEach((clock, span) -> settings.put(CaseTimerService.CLOCK_PREFIX + clock.name(), span.spanText()));
        scenario.ladder().forEach(step -> settings.put(CaseTimerService.LADDER_PREFIX + step.level().name(),
            step.after().spanText()));
        return settings;
    }

    private static KafkaProducer<String, Object> producer(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.LINGER_MS_CONFIG, 5,
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), serializer);
    }
}
