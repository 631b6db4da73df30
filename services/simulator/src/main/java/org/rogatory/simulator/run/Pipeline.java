package org.rogatory.simulator.run;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.rogatory.authorities.AuthoritiesConfiguration;
import org.rogatory.authorities.AuthoritiesStream;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.gateway.GatewayConfiguration;
import org.rogatory.gateway.GatewayStream;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroSerializer;
import org.rogatory.platform.service.ServiceHost;
import org.rogatory.platform.service.StreamService;
import org.rogatory.platform.topics.Topics;
import org.rogatory.router.RouterConfiguration;
import org.rogatory.router.RouterStream;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.Scenario;
import org.rogatory.simulator.exercise.World;
import org.rogatory.simulator.workload.TimedRecord;
import org.rogatory.timer.CaseTimerStream;
import org.rogatory.timer.topology.CaseTimerTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The three stream services of an exercise in this JVM, as one Micronaut application with every
 * stream service enabled, the world published before them, and the exercise control's producer
 * (the single writer of requests, world changes, injects, clock).
 */
public final class Pipeline implements AutoCloseable {

    /*
     * Each lockstep step waits for every service to commit, and a step's feedback (tick → node
     * actions → timer → escalations → authorities) crosses four exactly-once commits in series, so
     * commit intervals set a step's floor. An idle task does not commit, so short intervals cost
     * transactions only while there is work (docs/engine.md has the measurements). Under sustained
     * live load the same intervals make the stateful services commit more than they process (the
     * case timer seconds behind at 200 requests/s, docs/benchmarks.md): live runs keep the
     * services' own.
     */
    /** Commit interval of each stream service (by name) in lockstep runs, unless a run's settings override it. */
    private static final Map<String, Duration> LOCKSTEP_COMMIT_INTERVALS = Map.of(RouterStream.NAME, Duration.ofMillis(10),
        AuthoritiesStream.NAME, Duration.ofMillis(15), CaseTimerStream.NAME, Duration.ofMillis(15));
    /** The stream services of an exercise, by name. */
    public static final List<String> SERVICES = List.of(RouterStream.NAME, AuthoritiesStream.NAME, CaseTimerStream.NAME);
    /** The same, for the help text of an option (an annotation takes only constants). */
    public static final String SERVICES_LISTED = RouterStream.NAME + ", " + AuthoritiesStream.NAME + ", " + CaseTimerStream.NAME;
    /** How long the exercise control's producer waits to fill a batch; the yardstick's first writes wait as long. */
    public static final Duration CONTROL_LINGER = Duration.ofMillis(5);
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    /** How long running services get to read a newly published world (see drive). */
    private static final Duration WORLD_SETTLE = Duration.ofSeconds(5);

    private final KafkaProducer<String, Object> producer;
    /** The first write the broker refused: a run that lost an input would report another exercise. */
    private final AtomicReference<Exception> refused = new AtomicReference<>();
    private final Callback checked = (metadata, error) -> {
        if (error != null) {
            refused.compareAndSet(null, error);
        }
    };
    private final Timeline timeline;
    private final ClockSource clock;
    /** Partitions of the exercise's topics, as the broker has them. */
    private final int partitions;
    /** The services' local state: an exercise's, thrown away with it (the changelogs keep the rest). */
    private final Path stateDir;
    private ServiceHost services;
    /** Further instances of the same services (same application ids: they share the partitions), if any. */
    private final List<ServiceHost> moreInstances = new ArrayList<>();
    /** Services running elsewhere that this pipeline drives instead of its own, or null. */
    private RunningServices running;

    private Pipeline(String bootstrapServers, String registryUrl, LoadedScenario scenario, World world) {
        try {
            this.stateDir = Files.createTempDirectory("rogatory-state-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the services' state directory: " + e.getMessage(), e);
        }
        this.producer = producer(bootstrapServers, registryUrl);
        // a tick on every partition the broker has, whatever created the topics
        this.partitions = producer.partitionsFor(Topics.CLOCK).size();
        this.timeline = new Timeline(scenario, world, partitions);
        this.clock = new ClockSource(producer, checked, partitions, "exercise-control");
    }

    /**
     * Publishes the world, then starts the services.
     *
     * @param timerGrace how far behind the watermark the timer decides clocks (one step in lockstep runs, 0 live)
     * @param httpPort   port of the services' HTTP surface (/health, /prometheus, /cases) and of the gateway's
     *                   API (/api/v1), or null for neither
     * @param overrides  service settings laid over the pipeline's own (commit intervals, Kafka client
     *                   settings): what the results must not depend on
     */
    public static Pipeline start(String bootstrapServers, String registryUrl, LoadedScenario scenario,
                                 World world, Duration timerGrace, Integer httpPort, Map<String, Object> overrides) {
        return start(bootstrapServers, registryUrl, scenario, world, timerGrace, httpPort, overrides, 1);
    }

    /** @param instances instances of each service, each its own application context; only the first serves HTTP */
    public static Pipeline start(String bootstrapServers, String registryUrl, LoadedScenario scenario,
                                 World world, Duration timerGrace, Integer httpPort, Map<String, Object> overrides,
                                 int instances) {
        return start(bootstrapServers, registryUrl, scenario, world, timerGrace, httpPort, overrides, instances,
            scenario.scenario().transportPolicy());
    }

    /** @param transport the nodes' e-CODEX transport, instead of the scenario's */
    public static Pipeline start(String bootstrapServers, String registryUrl, LoadedScenario scenario,
                                 World world, Duration timerGrace, Integer httpPort, Map<String, Object> overrides,
                                 int instances, TransportPolicy transport) {
        Pipeline pipeline = new Pipeline(bootstrapServers, registryUrl, scenario, world);
        try {
            pipeline.publish(pipeline.timeline.world());
            pipeline.flush();
            Map<String, Object> settings = settings(bootstrapServers, registryUrl, pipeline.stateDir, scenario, world,
                timerGrace);
            settings.putAll(overrides);
            if (httpPort != null) {
                settings.put("micronaut.server.port", httpPort);
                // Served live: clients submit and follow requests through the gateway's API.
                settings.put(StreamService.enabledProperty(GatewayStream.NAME), true);
                settings.put("kafka.streams." + GatewayStream.NAME + ".state.dir", pipeline.stateDir.toString());
            }
            List<Object> exercise = List.of(scenario.scenario().nodeBehaviourTable(), transport);
            pipeline.services = ServiceHost.start(settings, exercise, httpPort != null, START_TIMEOUT);
            for (int instance = 2; instance <= instances; instance++) {
                Map<String, Object> own = new HashMap<>(settings);
                // each instance keeps its own local state, as a separate process would
                Path dir = Files.createDirectories(pipeline.stateDir.resolve("instance-" + instance));
                own.replaceAll((key, value) -> key.endsWith(".state.dir") ? dir.toString() : value);
                pipeline.moreInstances.add(ServiceHost.start(own, exercise, false,
                    START_TIMEOUT));
            }
            return pipeline;
        } catch (IOException e) {
            pipeline.close();
            throw new UncheckedIOException("cannot create a service instance's state directory: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
    }

    /**
     * Publishes the world for services already running against the cluster ({@code service NAME
     * --scenario}, with this scenario), which the run drives instead of starting its own.
     */
    static Pipeline drive(String bootstrapServers, String registryUrl, LoadedScenario scenario, World world,
                          RunningServices running) {
        Pipeline pipeline = new Pipeline(bootstrapServers, registryUrl, scenario, world);
        pipeline.running = running;
        pipeline.publish(pipeline.timeline.world());
        pipeline.flush();
        if (running != null) {
            // The router reads the world in global stores. Services started after it is published read
            // it to its end before anything else; running ones read it in a thread of their own, while
            // requests may already arrive (a request once routed without the treaties it needed, on a
            // loaded machine). Nothing in Kafka tells when that thread has caught up: leave it time.
            LOG.info("world published; {} s for the running services to read it", WORLD_SETTLE.toSeconds());
            try {
                Thread.sleep(WORLD_SETTLE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return pipeline;
    }

    /** {@link #LOCKSTEP_COMMIT_INTERVALS} as service settings, for a lockstep run to lay over the services' own. */
    static Map<String, Object> lockstepCommits() {
        Map<String, Object> settings = new HashMap<>();
        LOCKSTEP_COMMIT_INTERVALS.forEach((service, interval) ->
            settings.put("kafka.streams." + service + ".commit.interval.ms", interval.toMillis()));
        return settings;
    }

    /** The services' consumer groups with their inputs, in pipeline order: what the barrier checks. */
    LinkedHashMap<String, List<String>> inputsByGroup() {
        return running != null ? running.inputsByGroup() : services.streams().inputsByGroup();
    }

    /** Whether every service has committed all its input: the barrier of a lockstep run, the settling of a load step. */
    public Quiescence quiescence(org.apache.kafka.clients.admin.Admin admin) {
        return new Quiescence(admin, inputsByGroup());
    }

    /** The services' HTTP address, if they serve one. */
    public Optional<java.net.URL> url() {
        return services.url();
    }

    Timeline timeline() {
        return timeline;
    }

    int partitions() {
        return partitions;
    }

    public ClockSource clock() {
        return clock;
    }

    public void publish(List<TimedRecord> records) {
        for (TimedRecord record : records) {
            producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.timestamp(), record.key(),
                record.value()), checked);
        }
    }

    /** Waits until everything sent is written; fails, naming the first refusal, if anything was not. */
    public void flush() {
        producer.flush();
        Exception error = refused.get();
        if (error != null) {
            throw new IllegalStateException("the exercise's records were not all written to Kafka: " + error, error);
        }
    }

    /** Why a service stopped or failed, if one did: whoever waits on the pipeline stops waiting. */
    public Optional<String> failure() {
        if (running != null) {
            return running.failure();
        }
        return Stream.concat(Stream.of(services), moreInstances.stream())
            .map(host -> host.streams().failure()).flatMap(Optional::stream).findFirst();
    }

    @Override
    public void close() {
        producer.close();
        moreInstances.forEach(ServiceHost::close);
        if (services != null) {
            services.close();
        }
        try (var files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the services' state in " + stateDir + ": " + e.getMessage(), e);
        }
    }

    private static Map<String, Object> settings(String bootstrapServers, String registryUrl, Path stateDir,
                                                LoadedScenario loaded, World world, Duration timerGrace) {
        Scenario scenario = loaded.scenario();
        Map<String, Object> settings = new HashMap<>();
        settings.put("kafka.bootstrap.servers", bootstrapServers);
        settings.put("kafka.schema.registry.url", registryUrl);
        settings.put("kafka.consumer.max.poll.records", 2000);
        // A read_committed fetch may wait its full fetch.max.wait.ms (500 ms) after an upstream
        // transaction commits; in lockstep every step would pay that at each hop.
        settings.put("kafka.consumer.fetch.max.wait.ms", 5);
        SERVICES.forEach(service -> {
            settings.put(StreamService.enabledProperty(service), true);
            settings.put("kafka.streams." + service + ".state.dir", stateDir.toString());
        });
        settings.putAll(RouterConfiguration.properties(scenario.routing(world.parameters())));
        // An exercise's state lives as long as the exercise: heap stores (still changelogged) spare RocksDB's cost.
        settings.putAll(caseTimerSettings(scenario, timerGrace, CaseTimerTopology.StoreKind.IN_MEMORY));
        settings.putAll(AuthoritiesConfiguration.properties(scenario.seed(), world.parameters().translationDelayHours(),
            scenario.playedNodes()));
        settings.putAll(GatewayConfiguration.properties(scenario.playedNodes()));
        return settings;
    }

    /** The case timer's settings for a scenario: its clock and ladder overrides, the grace, the stores. */
    public static Map<String, Object> caseTimerSettings(Scenario scenario, Duration timerGrace,
                                                        CaseTimerTopology.StoreKind stores) {
        return scenario.caseTimer(timerGrace, stores).properties();
    }

    private static KafkaProducer<String, Object> producer(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
            ProducerConfig.LINGER_MS_CONFIG, (int) CONTROL_LINGER.toMillis(),
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        return new KafkaProducer<>(config, new StringSerializer(), serializer);
    }
}
