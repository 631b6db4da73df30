package org.rogatory.simulator.cli;

import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.exercise.World;
import org.rogatory.simulator.run.LiveClock;
import org.rogatory.simulator.run.Pipeline;
import org.rogatory.simulator.stack.LocalStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * The live stack on loopback until Ctrl-C or SIGTERM: broker, registry and, unless told otherwise,
 * the router, the case timer, the gateway and the simulated nodes of a scenario's world, with coop.clock ticking
 * the wall clock (simulated time = wall time). Other services and trainees submit requests.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = {"Start Kafka (KRaft), the schema registry and every service on 127.0.0.1 and print the addresses.",
        "Simulated time follows the wall clock; requests come from clients (the scenario's workload is not played)."})
final class UpCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(UpCommand.class);
    /** The wall clock is the watermark: nodes work and clocks fire as real time passes, to the second. */
    private static final Duration TICK = Duration.ofSeconds(1);

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Kafka client port (default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port (default ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--http-port", defaultValue = "8080",
        description = "Port of the services' HTTP surface: /health, /prometheus, /info, /cases, /nodes and the gateway's /api/v1 (default ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--data-dir", description = "Kafka data directory, kept between runs (default: a fresh temporary directory).")
    Path dataDir;

    @Option(names = "--scenario", description = "Scenario whose world and node behaviour the services use (default: the baseline).")
    Path scenario;

    @Option(names = "--no-services", description = "Only the broker and the registry.")
    boolean noServices;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        // A bad scenario or world is refused before anything starts or any data directory is created.
        Exercise exercise = noServices ? null : exercise();
        // Beside run's output (out/<scenario>-<seed>/), not in the broker's data directory.
        Path folder = Files.createDirectories(Path.of("out", "up"));
        Path log = verbose ? null : ConsoleLog.toFile(folder.resolve("rogatory.log"));
        LocalStack stack = LocalStack.start(kafkaPort, registryPort, dataDir);
        Pipeline pipeline = null;
        LiveClock clock = null;
        try {
            if (exercise != null) {
                pipeline = Pipeline.start(stack.bootstrapServers(), stack.registryUrl(), exercise.scenario(), exercise.world(),
                    Duration.ZERO, httpPort, RosterTokens.issue(exercise.scenario().scenario(), folder));
                clock = new LiveClock(pipeline, TICK, e -> {
                    LOG.error("the live clock stopped: {}; stopping", e.getMessage());
                    System.exit(1);
                });
                LOG.info("router, case timer, gateway and the nodes of {} running; simulated time = wall time",
                    exercise.scenario().scenario().name());
            }
        } catch (RuntimeException e) {
            if (clock != null) {
                clock.close();
            }
            if (pipeline != null) {
                pipeline.close();
            }
            stack.close();
            throw e;
        }
        Pipeline started = pipeline;
        LiveClock ticking = clock;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (ticking != null) {
                ticking.close();
            }
            if (started != null) {
                started.close();
            }
            stack.close();
            stopped.countDown();
        }, "rogatory-shutdown"));
        System.out.println("bootstrap.servers=" + stack.bootstrapServers());
        System.out.println("schema.registry.url=" + stack.registryUrl());
        if (log != null) {
            System.out.println("log=" + log.toAbsolutePath());
        }
        if (started != null) {
            System.out.println("services.url=" + started.url().orElseThrow() + " (/health, /prometheus, /info, /cases/{id}, /nodes/{id}/backlog)");
            System.out.println("gateway.url=" + started.url().orElseThrow().toString().replaceAll("/$", "") + "/api/v1 (docs/api.md)");
            if (!exercise.scenario().scenario().roster().isEmpty()) {
                System.out.println("gateway.tokens=" + folder.resolve(RosterTokens.FILE).toAbsolutePath()
                    + " (the roster's bearer tokens: Authorization: Bearer <token>)");
            }
        }
        System.out.flush();
        stopped.await();
        return 0;
    }

    /** The scenario and world the services run. */
    private record Exercise(LoadedScenario scenario, World world) {
    }

    private Exercise exercise() {
        Path file = scenario != null ? scenario
            : Path.of(System.getProperty("rogatory.home", "."), "scenarios", "baseline.yaml");
        LoadedScenario loaded = ScenarioLoader.load(file);
        return new Exercise(loaded, loaded.world());
    }
}
