package org.rogatory.simulator.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A client written elsewhere, run with Node.js from deploy/&lt;name&gt; ({@code node check.mjs
 * ARGS...}), whose one line of JSON on stdout the test reads. Node and the client's npm packages
 * are installed by .ci/run ({@code npm ci}); without them the test is skipped, or fails with CI=true.
 *
 * @param dir     the client's folder
 * @param npmPackage the npm package that must be installed there
 */
public record IndependentClient(Path dir, String npmPackage) {

    /** The client in deploy/{@code name}, which needs {@code npmPackage}. */
    public static IndependentClient in(String name, String npmPackage) {
        return new IndependentClient(Path.of("../../deploy", name).toAbsolutePath().normalize(), npmPackage);
    }

    /** Skips the test (fails it on CI) when Node.js or the client's package is missing. */
    public void require() {
        boolean installed = Files.isDirectory(dir.resolve("node_modules").resolve(npmPackage));
        boolean node;
        try {
            node = new ProcessBuilder("node", "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            node = false;
        }
        if (node && installed) {
            return;
        }
        String reason = "the independent client in " + dir + " needs Node.js and `npm ci --prefix " + dir + "`"
            + " (node " + (node ? "found" : "missing") + ", packages " + (installed ? "installed" : "missing") + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionFailedError("CI=true: " + reason);
        }
        throw new TestAbortedException("SKIPPED: " + reason);
    }

    /** Runs {@code node check.mjs args...} and reads what it printed; fails on a non-zero exit or after {@code within}. */
    public JsonNode run(Duration within, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "check.mjs"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).start();
        if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionFailedError("the independent client in " + dir + " did not finish within " + within);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionFailedError("client failed (exit " + process.exitValue() + "): " + err + out);
        }
        return new ObjectMapper().readTree(out);
    }
}
