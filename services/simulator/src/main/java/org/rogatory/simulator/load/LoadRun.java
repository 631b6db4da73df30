package org.rogatory.simulator.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.rogatory.authorities.AuthoritiesStream;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.router.RouterStream;
import org.rogatory.simulator.bench.RelayHop;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.exercise.World;
import org.rogatory.simulator.run.LiveClock;
import org.rogatory.simulator.run.Pipeline;
import org.rogatory.simulator.stack.LocalStack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A load run: an in-process broker and registry with the pipeline's services (as {@code up} starts
 * them, the live clock ticking wall time), then, at each offered rate, the pipeline and the
 * plain-Kafka yardstick on the same broker one after the other, so they never share the cores.
 * With {@code findMax}, the highest rate each sustains ({@link RateSearch}).
 */
public final class LoadRun {

    /** Micronaut's "any free port": the gateway's address is read back from the running server. */
    private static final int RANDOM_PORT = -1;
    /**
     * The pipeline's e-CODEX transport here: a millisecond a step, not the scenario's drawn minutes,
     * which on the live clock (simulated time is wall time) would put every node's first action
     * minutes after its request, beyond each step's window; the stages then measure the pipeline.
     */
    static final String INSTANT_TRANSPORT = "instant (1 ms a step, not the scenario's delays)";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param stream           one stream of the scenario to submit, or null for its mix
     * @param commitIntervals  commit intervals by service; a service not named keeps its own (its configuration file's)
     * @param guarantee        every service's processing guarantee, or null for each service's own
     * @param linger           the services' and the yardstick hops' producer linger, or null for Kafka Streams' own
     * @param findMaxFrom      the first rate of the max-rate search, or null for no search
     * @param gatewayReads     with the pipeline's submissions straight to the topic, the same through the gateway's API,
     *                         reading cases back at this rate meanwhile (GETs/s); null for no gateway
     */
    public record Options(Path scenario, String stream, List<Double> rates, Double findMaxFrom, Duration warmup,
                          Duration duration, Duration tick, int partitions, int instances, Map<String, Duration> commitIntervals,
                          String guarantee, String compression, Duration linger, Double gatewayReads) {
    }

    private LoadRun() {
    }

    /** Runs the load and writes load.json and load.html into {@code out}; progress goes to {@code progress}. */
    public static LoadReport run(Options options, Path out, PrintStream progress) {
        LoadedScenario loaded = ScenarioLoader.load(options.scenario());
        World world = loaded.world();
        RequestMix mix = new RequestMix(loaded.scenario(), world, options.stream());
        Map<String, Object> overrides = new HashMap<>();
        Map<String, Long> commits = new TreeMap<>();
        Map<String, String> guarantees = new TreeMap<>();
        // the services' producers and the yardstick's hops wait as long to fill a batch
        StreamsConfig kafkaOwn = streamsDefaults(Map.of());
        Duration linger = options.linger() != null ? options.linger()
            : Duration.ofMillis(Long.parseLong(String.valueOf(kafkaOwn.getProducerConfigs("load").get(ProducerConfig.LINGER_MS_CONFIG))));
        for (String service : Pipeline.SERVICES) {
            String prefix = "kafka.streams." + service + ".";
            JsonNode own = declared(service);
            String guarantee = options.guarantee() != null ? options.guarantee()
                : own.path(StreamsConfig.PROCESSING_GUARANTEE_CONFIG).asText(kafkaOwn.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
            Duration commit = options.commitIntervals().getOrDefault(service, Duration.ofMillis(own.has(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)
                ? own.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG).asLong()
                : streamsDefaults(Map.of(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee)).getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)));
            overrides.put(prefix + "commit.interval.ms", commit.toMillis());
            overrides.put(prefix + "processing.guarantee", guarantee);
            overrides.put(prefix + "compression.type", options.compression());
            overrides.put(prefix + "producer.linger.ms", linger.toMillis());
            commits.put(service, commit.toMillis());
            guarantees.put(service, guarantee);
        }
        // one hop per service a request passes before its deepest stage: the router, then the nodes
        List<RelayHop.Settings> hops = List.of(RouterStream.NAME, AuthoritiesStream.NAME).stream()
            .map(s -> new RelayHop.Settings(guarantees.get(s).startsWith("exactly_once"), Duration.ofMillis(commits.get(s)),
                options.compression(), linger)).toList();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        AtomicReference<RuntimeException> clockStopped = new AtomicReference<>();
        LoadStep step = new LoadStep(options.warmup(), options.duration(), options.duration().plusSeconds(10), progress);
        List<LoadReport.Rate> rates = new ArrayList<>();
        LoadReport.MaxRate maxRate = null;
        int recordBytes = 0;
        try (LocalStack stack = LocalStack.start(0, 0, null, options.partitions());
             Pipeline pipeline = Pipeline.start(stack.bootstrapServers(), stack.registryUrl(), loaded, world, Duration.ZERO,
                 options.gatewayReads() != null ? RANDOM_PORT : null, overrides, options.instances(), TransportPolicy.instant());
             LiveClock clock = new LiveClock(pipeline, options.tick(), clockStopped::set);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            PipelineTarget live = new PipelineTarget(pipeline, mix, stack.registryUrl(), admin);
            GatewayTarget gateway = options.gatewayReads() == null ? null
                : new GatewayTarget(live, mix, pipeline.url().orElseThrow(), stack.registryUrl(), options.gatewayReads());
            RawKafkaTarget raw = new RawKafkaTarget(stack.bootstrapServers(), options.partitions(), hops, options.compression());
            Steps steps = new Steps(step, stack.bootstrapServers(), clockStopped);
            try {

                for (double rate : options.rates()) {
                    rates.add(rate(steps, live, raw, gateway, rate));
                    recordBytes = recordBytes(rates.getLast().pipeline());
                }
                if (options.findMaxFrom() != null) {
                    List<StepResult> searched = new ArrayList<>();
                    double pipelineMax = search(steps, live, options.findMaxFrom(), 0, searched);
                    if (recordBytes == 0) {
                        recordBytes = recordBytes(searched.getFirst());
                    }
                    double rawMax = search(steps, raw, options.findMaxFrom(), recordBytes, searched);
                    Double gatewayMax = gateway == null ? null : search(steps, gateway, options.findMaxFrom(), 0, searched);
                    maxRate = new LoadReport.MaxRate(pipelineMax, rawMax, rawMax == 0 ? 0 : StepResult.round(pipelineMax / rawMax),
                        RateSearch.CEILING, searched, gatewayMax);
                    if (pipelineMax > 0) {
                        // the latency goal is set at half the highest sustained rate
                        rates.add(rate(steps, live, raw, gateway, pipelineMax / 2));
                    }
                }
            } finally {
                raw.close();
            }
        }
        Runtime runtime = Runtime.getRuntime();
        LoadReport report = new LoadReport(new LoadReport.Machine(runtime.availableProcessors(),
            System.getProperty("os.name") + " " + System.getProperty("os.arch"), System.getProperty("java.version"),
            runtime.maxMemory() / (1024 * 1024), loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()),
            new LoadReport.Settings(options.scenario().getFileName().toString(), options.stream(), options.partitions(),
                options.instances(), commits, guarantees, options.compression(), "all", linger.toMillis(), recordBytes, options.tick().toMillis(),
                options.warmup().toMillis() / 1000.0, options.duration().toMillis() / 1000.0, options.gatewayReads(), INSTANT_TRANSPORT),
            rates, maxRate);
        write(report, out);
        return report;
    }

    /** The steps of a run, numbered so that each has its own request ids and yardstick topics. */
    private static final class Steps {
        private final LoadStep step;
        private final String bootstrapServers;
        private final AtomicReference<RuntimeException> clockStopped;
        private final String run = Long.toString(System.currentTimeMillis(), 36);
        private int next;

        Steps(LoadStep step, String bootstrapServers, AtomicReference<RuntimeException> clockStopped) {
            this.step = step;
            this.bootstrapServers = bootstrapServers;
            this.clockStopped = clockStopped;
        }

        StepResult run(LoadTarget target, double rate, int recordBytes) {
            StepResult result = step.run(target, "load-" + run + "-" + next++, rate, recordBytes, bootstrapServers);
            RuntimeException stopped = clockStopped.get();
            if (stopped != null) {
                throw new IllegalStateException("the live clock stopped: " + stopped.getMessage(), stopped);
            }
            return result;
        }
    }

    /**
     * The pipeline at {@code rate}, then plain Kafka with records as long as the pipeline's were, then (unless null)
     * the same requests through the gateway.
     */
    private static LoadReport.Rate rate(Steps steps, LoadTarget live, LoadTarget raw, LoadTarget gateway, double rate) {
        StepResult piped = steps.run(live, rate, 0);
        StepResult yardstick = steps.run(raw, rate, recordBytes(piped));
        StepResult viaGateway = gateway == null ? null : steps.run(gateway, rate, 0);
        return new LoadReport.Rate(rate, piped, yardstick, LoadReport.ratios(piped, yardstick), viaGateway,
            viaGateway == null ? null : LoadReport.gatewayRatios(viaGateway, piped));
    }

    /** Mean length of the requests a pipeline step submitted, in the Confluent wire format. */
    private static int recordBytes(StepResult pipeline) {
        return (int) Math.round(pipeline.stage("submitted").meanRecordBytes());
    }

    /** The highest rate {@code target} sustains ({@link RateSearch}); every step it took goes to {@code searched}. */
    private static double search(Steps steps, LoadTarget target, double from, int recordBytes, List<StepResult> searched) {
        return RateSearch.highest(from, rate -> {
            StepResult result = steps.run(target, rate, recordBytes);
            searched.add(result);
            return result.sustained();
        });
    }

    /**
     * Kafka Streams' own settings with {@code given}: what a service gets for what its configuration file
     * leaves out (exactly-once commits every 100 ms, at-least-once every 30 s; producers linger 100 ms).
     */
    private static StreamsConfig streamsDefaults(Map<String, Object> given) {
        Map<String, Object> config = new HashMap<>(given);
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "load");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092");
        return new StreamsConfig(config);
    }

    /** A service's own Kafka Streams settings, as its configuration file declares them (a missing node if none). */
    static JsonNode declared(String service) {
        try (InputStream yml = LoadRun.class.getResourceAsStream("/rogatory/" + service + ".yml")) {
            if (yml == null) {
                throw new IllegalStateException("no configuration file rogatory/" + service + ".yml on the class path");
            }
            return new ObjectMapper(new YAMLFactory()).readTree(yml).at("/kafka/streams/" + service);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rogatory/" + service + ".yml: " + e.getMessage(), e);
        }
    }

    private static void write(LoadReport report, Path out) {
        try {
            Files.createDirectories(out);
            JSON.writeValue(out.resolve("load.json").toFile(), report);
            Files.writeString(out.resolve("load.html"), LoadHtml.render(report));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write load.json and load.html to " + out + ": " + e.getMessage(), e);
        }
    }
}
