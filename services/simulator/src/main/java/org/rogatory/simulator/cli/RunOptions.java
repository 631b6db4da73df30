package org.rogatory.simulator.cli;

import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.exercise.World;
import org.rogatory.simulator.report.ReportWriter;
import org.rogatory.simulator.run.ExerciseResult;
import org.rogatory.simulator.run.ExerciseRunner;
import org.rogatory.simulator.run.RunSpeed;
import org.rogatory.simulator.run.StopRequest;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The options of {@code run} and {@code demo}, and the run itself. */
final class RunOptions {

    /** How long a stop may take (pipeline, broker, report) before the JVM exits regardless. */
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    @Option(names = "--seed", description = "Seed for every random draw (default: the scenario's).")
    Long seed;

    @Option(names = "--speed",
        description = "'max' (as fast as possible) or a factor: 3600 = one simulated hour per wall second. Default: max for run and demo, 3600 for play.")
    String speed;

    @Option(names = "--out", description = "Report directory (default out/<scenario>-<seed>).")
    Path out;

    @Option(names = "--bootstrap-servers", description = "External Kafka (with --schema-registry-url); default: in-process broker.")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", description = "External Confluent-compatible registry.")
    String registryUrl;

    @Option(names = "--use-running-services",
        description = "Drive the services already running against --bootstrap-servers (docker compose, Kubernetes; found by their consumer groups) instead of starting this run's own.")
    boolean useRunningServices;

    @Option(names = "--no-progress", description = "No progress bar.")
    boolean noProgress;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    /** How an exercise is conducted: played through by the scenario alone ({@code run}) or live ({@code play}). */
    interface Conduct {
        /**
         * @param outDir      the report folder, created
         * @param writeReport writes the result's report to {@code outDir}: once the exercise has ended
         */
        ExerciseResult conduct(StopRequest stop, ExerciseRunner.Options options, Path outDir, Consumer<ExerciseResult> writeReport);
    }

    /** Plays the scenario through as fast as {@code --speed} lets it ({@code run}, {@code demo}). */
    Integer play(Path scenarioFile) {
        return play(scenarioFile, "max", !noProgress, false, (stop, run, outDir, writeReport) -> {
            ExerciseResult result = new ExerciseRunner(stop).run(run);
            writeReport.accept(result);
            return result;
        });
    }

    /**
     * @param defaultSpeed the speed without {@code --speed}
     * @param progress     whether to show a progress bar
     * @param endsEarly    whether an exercise may end before the scenario's end as a matter of course
     *                     (a trainer ends a live one): its summary is printed then too
     */
    Integer play(Path scenarioFile, String defaultSpeed, boolean progress, boolean endsEarly, Conduct conduct) {
        RunSpeed runSpeed = RunSpeed.parse(speed == null ? defaultSpeed : speed);
        LoadedScenario loaded = ScenarioLoader.load(scenarioFile);
        if (seed != null) {
            loaded = loaded.withSeed(seed);
        }
        World world = loaded.world();
        // A misspelled node is refused before the report folder and its log are created.
        loaded.requireNodesOf(world.directoryByKey().keySet());
        Path outDir = out != null ? out
            : Path.of("out", loaded.scenario().name() + "-" + loaded.scenario().seed());
        // Ctrl-C or SIGTERM: the JVM runs this hook; the run stops before its next simulated day, shuts
        // the pipeline and the in-process broker down (their temporary data with them) and writes the
        // report of the days played before the JVM exits.
        StopRequest stop = new StopRequest();
        CountDownLatch finished = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.request();
            try {
                finished.await(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rogatory-stop"));
        Path log = verbose ? null : ConsoleLog.toFile(createdFolder(outDir).resolve("rogatory.log"));
        try {
            ExerciseResult result = conduct.conduct(stop, new ExerciseRunner.Options(loaded, world, runSpeed,
                bootstrapServers, registryUrl, progress, useRunningServices), createdFolder(outDir),
                ended -> ReportWriter.write(ended.report(), ended.cases(), outDir));
            double played = result.report().simulatedDays();
            if (played < loaded.scenario().durationDays() && !endsEarly) {
                System.out.printf(Locale.ROOT, "rogatory: stopped after %.1f of %.1f simulated days; report of the days played in %s%n",
                    played, loaded.scenario().durationDays(), outDir.toAbsolutePath());
            } else {
                Summary.print(result.report(), outDir, System.out);
                if (log != null) {
                    System.out.println("Broker, Kafka client and service log: " + log.toAbsolutePath().normalize());
                }
            }
            System.out.flush();
            return 0;
        } finally {
            finished.countDown();
        }
    }

    private static Path createdFolder(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
