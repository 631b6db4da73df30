package org.rogatory.simulator.cli;

import org.rogatory.platform.calendar.Span;
import org.rogatory.simulator.run.ExerciseResult;
import org.rogatory.simulator.run.ExerciseRunner;
import org.rogatory.simulator.run.StopRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A live exercise: the scenario's workload and MSEL played at wall speed × factor, the gateway
 * serving players (the scenario's {@code players:}) and the trainer's exercise control
 * (docs/exercise-control.md); the report is written when the trainer ends it, or at the scenario's end,
 * and served with the console until Ctrl-C.
 */
@Command(name = "play", mixinStandardHelpOptions = true,
    description = {"Play a scenario live: people play its players' nodes through the gateway's API (/api/v1).",
        "A trainer pauses, resumes, changes the speed, fires an inject and ends the exercise there (/api/v1/exercise).",
        "The after-action report is written at the end."})
final class PlayCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file, e.g. scenarios/players-drill.yaml.")
    Path scenario;

    @Option(names = "--http-port", defaultValue = "8080",
        description = "Port of the gateway's API (/api/v1) and the services' /health, /prometheus (default ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--step", defaultValue = "1h",
        description = "Simulated time per step (12m, 1h, 6h): commands take effect and nodes hear of escalations at step boundaries; the case timer decides a clock one step after it is due (default ${DEFAULT-VALUE}).")
    String step;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        Duration stepLength = stepLength(step);
        return options.play(scenario, "3600", false, true, (stop, run, outDir, writeReport) -> {
            Map<String, Object> settings = new HashMap<>(RosterTokens.issue(run.scenario().scenario(), outDir));
            settings.put("rogatory.gateway.report-dir", outDir.toAbsolutePath().toString());
            AtomicReference<String> served = new AtomicReference<>();
            return new ExerciseRunner(stop, settings).play(run, stepLength, httpPort, url -> {
                served.set(url.toString().replaceAll("/$", ""));
                String api = served.get() + "/api/v1";
                System.out.println("exercise " + run.scenario().scenario().name() + " is live at speed " + run.speed()
                    + "; the gateway: " + api + " (status: GET " + api + "/exercise)");
                System.out.println("the console (trainer and players, in a browser): " + url.toString().replaceAll("/$", "")
                    + "/console/");
                System.out.println(run.scenario().scenario().roster().isEmpty()
                    ? "no roster in the scenario: the API is open to anyone who can reach it"
                    : "the roster's bearer tokens (Authorization: Bearer <token>): " + outDir.resolve(RosterTokens.FILE));
                System.out.println("Ctrl-C, or POST " + api + "/exercise/end, ends it and writes the report.");
                System.out.flush();
            }, ended -> afterAction(ended, writeReport, served.get(), stop));
        });
    }

    /** The report written and served beside the console until Ctrl-C: the exercise's after-action (docs/console.md). */
    private static void afterAction(ExerciseResult ended, Consumer<ExerciseResult> writeReport, String served, StopRequest stop) {
        writeReport.accept(ended);
        if (stop.requested()) {
            return; // Ctrl-C ended the exercise itself
        }
        System.out.println("the exercise has ended; its report: " + served + "/report/report.html (linked from the console)."
            + " Ctrl-C stops serving.");
        System.out.flush();
        try {
            stop.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Duration stepLength(String text) {
        Span span;
        try {
            span = Span.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--step: " + e.getMessage());
        }
        Duration length = span.unit() == Span.Unit.WORKING_DAYS ? Duration.ZERO : span.toDuration();
        if (length.compareTo(Duration.ofMinutes(1)) < 0 || length.compareTo(Duration.ofDays(2)) > 0) {
            throw new IllegalArgumentException("--step must be between 1m and 2d of calendar time (e.g. 1h), was '" + text + "'");
        }
        return length;
    }
}
