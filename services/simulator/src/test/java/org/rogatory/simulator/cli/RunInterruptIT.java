package org.rogatory.simulator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.exercise.WorldLoader;
import org.rogatory.simulator.workload.WorkloadGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run} stopped with SIGTERM mid-exercise: it stops cleanly, says so in one line, writes the
 * report of the simulated days played, and leaves no broker data or service state in the temp folder.
 */
@DisplayName("run stopped with SIGTERM: one line, a partial report, nothing left in the temp folder")
class RunInterruptIT {

    private static final Path SCENARIO = Path.of("../../scenarios/baseline.yaml");
    private static final Pattern STOPPED = Pattern.compile(
        "rogatory: stopped after (\\d+\\.\\d) of 90\\.0 simulated days; report of the days played in (.+)");

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void stopsCleanlyWithThePartialReport() throws IOException {
        Path out = tmp.resolve("out");
        Path processTmp;
        // DEBUG logs one line per simulated day played: the signal comes mid-exercise, after day 3.
        try (CliProcess run = CliProcess.start(tmp.resolve("run"), Map.of("ROGATORY_LOG_LEVEL", "DEBUG"),
                "run", SCENARIO.toString(), "--no-progress", "--out", out.toString())) {
            processTmp = run.tmpDir();
            run.awaitErr("ExerciseRunner - step 3:", Duration.ofSeconds(90));
            assertEquals(143, run.terminate(Duration.ofSeconds(60)), "the exit code of a process stopped by SIGTERM");

            assertEquals(1, run.stdout().size(), "one line: " + run.stdout());
            Matcher stopped = STOPPED.matcher(run.stdout().getFirst());
            assertTrue(stopped.matches(), run.stdout().getFirst());
            assertEquals(out.toAbsolutePath().toString(), stopped.group(2));
            List<String> failures = run.stderr().stream()
                .filter(l -> l.startsWith("rogatory:") || l.startsWith("Exception in thread")).toList();
            assertEquals(List.of(), failures, "the stop itself fails nowhere");

            double days = Double.parseDouble(stopped.group(1));
            assertTrue(days >= 4 && days < 90, "stopped mid-exercise, after the fourth day began: " + days);
            JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
            assertEquals(days, report.get("simulatedDays").asDouble());
            assertEquals(submittedBefore(days), report.get("totals").get("submitted").asLong(),
                "the report counts the requests of the days played, no more");
            assertTrue(Files.size(out.resolve("report.html")) > 0);
            try (Stream<String> cases = Files.lines(out.resolve("cases.csv"))) {
                assertTrue(cases.count() > 1, "cases.csv has the cases of the days played");
            }
        }
        try (Stream<Path> left = Files.walk(processTmp)) {
            List<Path> leftovers = left.filter(p -> Files.isRegularFile(p) || p.getFileName().toString().startsWith("rogatory-kafka-")
                || p.getFileName().toString().startsWith("rogatory-state-")).toList();
            assertEquals(List.of(), leftovers, "broker data and service state are deleted");
        }
    }

    /** The baseline's requests submitted before the given simulated day, counted from the workload itself. */
    private static long submittedBefore(double days) {
        LoadedScenario loaded = ScenarioLoader.load(SCENARIO);
        long until = loaded.scenario().startAt().toEpochMilli() + Math.round(days * Duration.ofDays(1).toMillis());
        return new WorkloadGenerator(loaded.scenario(), WorldLoader.load(loaded.worldFile().orElseThrow())).requests()
            .stream().filter(r -> r.timestamp() < until).count();
    }
}
