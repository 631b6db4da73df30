package org.rogatory.simulator.cli;

import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The rogatory CLI as a separate JVM, started from the jar the package phase built, as the
 * {@code ./rogatory} launcher starts it. Its output goes to files in its directory, and its
 * temporary folder is its own ({@link #tmpDir()}), so a test sees exactly what it left behind.
 */
public final class CliProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "rogatory.jar");
    private static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();

    private final Process process;
    private final Path stdout;
    private final Path stderr;
    private final Path tmpDir;

    private CliProcess(Process process, Path stdout, Path stderr, Path tmpDir) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
        this.tmpDir = tmpDir;
    }

    /** @param dir where the output files and the temporary folder go (a fresh one per process) */
    public static CliProcess start(Path dir, String... args) {
        return start(dir, Map.of(), args);
    }

    public static CliProcess start(Path dir, Map<String, String> environment, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: the package phase builds it before the ITs");
        }
        try {
            Path tmp = Files.createDirectories(dir.resolve("tmp"));
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.rogatory.contracts", "-Drogatory.home=" + PROJECT,
                "-Djava.io.tmpdir=" + tmp, "-Xmx1g", "-jar", JAR.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("stdout.log").toFile())
                .redirectError(dir.resolve("stderr.log").toFile());
            builder.environment().putAll(environment);
            return new CliProcess(builder.start(), dir.resolve("stdout.log"), dir.resolve("stderr.log"), tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the CLI with " + List.of(args), e);
        }
    }

    /**
     * How long {@code up} may take to print its addresses: a broker, the registry and every service
     * starting in one JVM, on two cores that other builds may be using (28 s measured loaded, 9 s idle).
     */
    public static final Duration STARTS_WITHIN = Duration.ofMinutes(3);

    /** The value of the first stdout line {@code name=value}, waiting for it; fails at once if the process ends first. */
    public String awaitValue(String name, Duration within) {
        String prefix = name + "=";
        awaitUntil(within, () -> stdout().stream().anyMatch(l -> l.startsWith(prefix)));
        return stdout().stream().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
    }

    /** Waits until stderr has a line containing {@code text}; fails at once if the process ends first. */
    public void awaitErr(String text, Duration within) {
        awaitUntil(within, () -> stderr().stream().anyMatch(l -> l.contains(text)));
    }

    /** Waits until {@code condition} holds; fails at once if the process ends first, with its stderr either way. */
    public void awaitUntil(Duration within, Callable<Boolean> condition) {
        try {
            await().atMost(within).pollInterval(Duration.ofMillis(100)).failFast("the CLI exited", () -> !process.isAlive())
                .until(condition);
        } catch (ConditionTimeoutException | TerminalFailureException e) {
            throw new AssertionError(e.getMessage() + "; its stderr:\n" + String.join("\n", stderr()), e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: the whole JVM dies at once, as when a laptop loses power. */
    public void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(30));
    }

    /** SIGTERM (as Ctrl-C's SIGINT, a shutdown request), then the exit code. */
    public int terminate(Duration within) {
        process.destroy();
        return waitFor(within);
    }

    /** Waits for the process to end by itself; returns its exit code. */
    public int awaitExit(Duration within) {
        return waitFor(within);
    }

    private int waitFor(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the CLI did not exit within " + within + "; stderr:\n" + String.join("\n", stderr()));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    public List<String> stdout() {
        return lines(stdout);
    }

    public List<String> stderr() {
        return lines(stderr);
    }

    /** The process's own temporary folder ({@code java.io.tmpdir}). */
    public Path tmpDir() {
        return tmpDir;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
