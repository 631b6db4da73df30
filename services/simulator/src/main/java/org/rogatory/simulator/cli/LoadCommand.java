package org.rogatory.simulator.cli;

import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.simulator.load.LoadRun;
import org.rogatory.simulator.run.Pipeline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** Drives the live pipeline at chosen rates and measures its latency against plain Kafka on the same broker. */
@Command(name = "load", mixinStandardHelpOptions = true,
    description = {"Drive the live pipeline at fixed request rates (open loop) and measure its latency against plain Kafka.",
        "Starts a broker, the registry and the services (the live clock ticking wall time); at each rate submits the "
            + "scenario's mix of requests, times each stage from the intended send time by reading its topic, then does "
            + "the same with plain Kafka hops; writes load.json and load.html."})
final class LoadCommand implements Callable<Integer> {

    private static final double DEFAULT_RATE = 100;
    private static final double SEARCH_START = 50;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario whose requests to submit (default: the baseline).")
    Path scenario;

    @Option(names = "--rate", description = "One offered rate, requests/s (default 100); with --find-max, the search's first rate (default 50).")
    Double rate;

    @Option(names = "--rates", split = ",", description = "A sweep of offered rates, requests/s, e.g. 50,100,200.")
    List<Double> rates;

    @Option(names = "--find-max", description = "Search the highest rate each target sustains, starting at --rate (default 50).")
    boolean findMax;

    @Option(names = "--warmup", defaultValue = "PT5S", description = "Warm-up before each step's measured window, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--duration", defaultValue = "PT20S", description = "Each step's measured window, ISO-8601 (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--stream", description = "Submit only this stream of the scenario (default: its whole mix).")
    String stream;

    @Option(names = "--tick", defaultValue = "PT0.1S", description = "Live clock period: nodes take in requests at the next tick (default ${DEFAULT-VALUE}).")
    Duration tick;

    @Option(names = "--partitions", defaultValue = "" + TopicCatalogue.DEFAULT_PARTITIONS,
        description = "Partitions of every topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--instances", defaultValue = "1", description = "Instances of each service (default ${DEFAULT-VALUE}).")
    int instances;

    @Option(names = "--commit-interval", split = ",", paramLabel = "[SERVICE=]INTERVAL",
        description = "Commit interval, ISO-8601: of every service (PT0.05S), or of the ones named"
            + " (router=PT0.01S,case-timer=PT0.1S; services: " + Pipeline.SERVICES_LISTED + "); default: each service's own.")
    List<String> commitIntervals = List.of();

    @Option(names = "--processing-guarantee", description = "at_least_once or exactly_once_v2 for every service (default: each service's own).")
    String guarantee;

    @Option(names = "--linger", description = "How long the services' and the yardstick hops' producers wait to fill a batch,"
        + " ISO-8601 (default: Kafka Streams' own, 100 ms; at-least-once pays it on every hop, exactly-once flushes at each commit).")
    Duration linger;

    @Option(names = "--compression", defaultValue = "none", description = "Compression of the services' and the yardstick's producers (default ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = "--gateway", description = "Also submit the same requests through the gateway's API (POST /api/v1/requests)"
        + " at each rate, against the direct submissions to the topic, and GET cases meanwhile.")
    boolean gateway;

    @Option(names = "--gateway-reads", defaultValue = "20", description = "With --gateway: GETs of a case per second during each"
        + " gateway step (default ${DEFAULT-VALUE}).")
    double gatewayReads;

    @Option(names = "--out", description = "Directory for load.json and load.html (default out/load).")
    Path out;

    @Option(names = "--verbose", description = "Logs on the console and stack traces on errors.")
    boolean verbose;

    /** The intervals given, by service: a bare interval is every service's, a named one overrides it for that service. */
    private Map<String, Duration> commitIntervals() {
        Map<String, Duration> byService = new TreeMap<>();
        for (String given : commitIntervals) {
            int eq = given.indexOf('=');
            if (eq < 0) {
                Duration all = RogatoryCli.isoDuration(given, "--commit-interval");
                Pipeline.SERVICES.forEach(service -> byService.putIfAbsent(service, all));
            } else {
                String service = given.substring(0, eq);
                if (!Pipeline.SERVICES.contains(service)) {
                    throw new IllegalArgumentException("--commit-interval: '" + service + "' is not a service; services: "
                        + Pipeline.SERVICES_LISTED);
                }
                byService.put(service, RogatoryCli.isoDuration(given.substring(eq + 1), "--commit-interval " + service));
            }
        }
        if (byService.values().stream().anyMatch(d -> !d.isPositive())) {
            throw new IllegalArgumentException("--commit-interval must be positive");
        }
        return byService;
    }

    @Override
    public Integer call() throws Exception {
        if (guarantee != null && !List.of("at_least_once", "exactly_once_v2").contains(guarantee)) {
            throw new IllegalArgumentException("--processing-guarantee: at_least_once or exactly_once_v2, not " + guarantee);
        }
        if (rate != null && rates != null && !findMax) {
            throw new IllegalArgumentException("give --rate or --rates, not both (with --find-max, --rate is where the search starts)");
        }
        if ((rate != null && rate <= 0) || (rates != null && rates.stream().anyMatch(r -> r <= 0))) {
            throw new IllegalArgumentException("--rate and --rates: requests per second, more than 0");
        }
        if (gatewayReads <= 0) {
            throw new IllegalArgumentException("--gateway-reads: GETs per second, more than 0");
        }
        if (linger != null && linger.isNegative()) {
            throw new IllegalArgumentException("--linger must not be negative");
        }
        if (warmup.isNegative() || !duration.isPositive() || !tick.isPositive()) {
            throw new IllegalArgumentException("--warmup must not be negative, --duration and --tick must be positive");
        }
        Map<String, Duration> commits = commitIntervals(); // a mistyped interval is refused before anything starts
        Path file = scenario != null ? scenario
            : Path.of(System.getProperty("rogatory.home", "."), "scenarios", "baseline.yaml");
        Path dir = out != null ? out : Path.of("out", "load");
        Path log = verbose ? null : ConsoleLog.toFile(Files.createDirectories(dir).resolve("rogatory.log"));
        List<Double> fixed;
        if (rates != null) {
            fixed = rates;
        } else if (findMax) {
            fixed = List.of(); // --rate is where the search starts
        } else {
            fixed = List.of(rate != null ? rate : DEFAULT_RATE);
        }
        var report = LoadRun.run(new LoadRun.Options(file, stream, fixed, findMax ? (rate != null ? rate : SEARCH_START) : null, warmup,
            duration, tick, partitions, instances, commits, guarantee, compression, linger, gateway ? gatewayReads : null), dir,
            System.err);
        System.out.println(report.table());
        System.out.println("load.json and load.html in " + dir.toAbsolutePath() + (log != null ? "; log " + log.toAbsolutePath() : ""));
        return 0;
    }
}
