package org.rogatory.simulator.cli;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import static org.awaitility.Awaitility.await;

/**
 * The rogatory CLI as a separate JVM, started from the jar the package phase built, as the
 * {@code ./rogatory} launcher starts it; its output is collected line by line. Its temporary folder
 * is its own, so a test sees exactly what it left behind.
 */
final class CliProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "rogatory.jar");
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();

    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    /** Counts down as each output stream reaches its end: then every line is in. */
    private final CountDownLatch outputEnded = new CountDownLatch(2);

    private CliProcess(Process process) {
        this.process = process;
        Thread.ofVirtual().start(() -> collect(process.getInputStream(), stdout));
        Thread.ofVirtual().start(() -> collect(process.getErrorStream(), stderr));
    }

    static CliProcess start(Path tmpDir, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the package phase builds it before the ITs");
        }
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
            "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
            "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.rogatory.contracts", "-Drogatory.home=" + PROJECT,
            "-Djava.io.tmpdir=" + tmpDir, "-Xmx1g", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        try {
            return new CliProcess(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    /** The value of the first stdout line {@code name=value}, waiting for it; fails at once if the process ends first. */
    String awaitValue(String name, Duration within) {
        String prefix = name + "=";
        awaitOutput(within, () -> stdout.stream().anyMatch(l -> l.startsWith(prefix)));
        return stdout.stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }

    /** Waits until stderr has a line containing {@code text}; fails at once if the process ends first. */
    void awaitErr(String text, Duration within) {
        awaitOutput(within, () -> stderr.stream().anyMatch(l -> l.contains(text)));
    }

    private void awaitOutput(Duration within, Callable<Boolean> seen) {
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(100)).failFast("the CLI exited", () -> !process.isAlive())
                .until(seen);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "; its stderr:\n" + String.join("\n", stderr), e);
        }
    }

    /** SIGKILL: the whole JVM dies at once, as when a laptop loses power. */
    void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM (what Ctrl-C's SIGINT also leads to), then the exit code. */
    int terminate(Duration within) {
        process.destroy();
        return waitFor(within);
    }

    int waitFor(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the CLI did not exit within " + within + "; stderr:\n" + String.join("\n", stderr));
            }
            if (!outputEnded.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("the CLI exited but its output did not end");
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    List<String> stdout() {
        return List.copyOf(stdout);
    }

    List<String> stderr() {
        return List.copyOf(stderr);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void collect(InputStream stream, List<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("(output lost: " + e.getMessage() + ")");
        } finally {
            outputEnded.countDown();
        }
    }
}
