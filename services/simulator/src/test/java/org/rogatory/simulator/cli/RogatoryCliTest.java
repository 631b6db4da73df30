package org.rogatory.simulator.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A malformed scenario or an unreachable cluster: one clear line, a non-zero exit, a stack trace only with --verbose. */
class RogatoryCliTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = RogatoryCli.commandLine();
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    @DisplayName("a malformed scenario is refused before anything starts, with file, line and field")
    void malformedScenario() throws IOException {
        Path scenario = Files.createTempFile("bad", ".yaml");
        Files.writeString(scenario, "name: bad\ndescription: x\nseed: 1\ndurationDays: 90\nworld: {file: nowhere.yaml}\n"
            + "workload:\n  - {id: s, from: ALD, to: KES, requestType: TELEPATHY}\n");
        assertEquals(2, run("run", scenario.toString()));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("rogatory: " + scenario.getFileName() + ":7:"), message);
        assertTrue(message.contains(":7:") && message.contains("requestType"), message);
    }

    @Test
    @DisplayName("up with a malformed scenario is refused before the broker starts: no data directory, nothing listening")
    void upRefusesABadScenarioBeforeStarting(@TempDir Path tmp) throws IOException {
        Path scenario = tmp.resolve("bad.yaml");
        Files.writeString(scenario, "name: bad\ndescription: x\nseed: 1\ndurationDays: 90\nworld: {file: nowhere.yaml}\n"
            + "workload:\n  - {id: s, from: ALD, to: KES, requestType: TELEPATHY}\n");
        Path data = tmp.resolve("data");
        int kafkaPort = freePort();
        assertEquals(2, run("up", "--scenario", scenario.toString(), "--data-dir", data.toString(),
            "--kafka-port", String.valueOf(kafkaPort), "--registry-port", String.valueOf(freePort())));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("rogatory: bad.yaml:7:") && message.contains("requestType"), message);
        assertFalse(Files.exists(data), "the broker never formatted its data directory");
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", kafkaPort)); // free: no broker was left listening
        }
    }

    @Test
    @DisplayName("an unreachable external broker is one line and exit code 2")
    void unreachableBroker() throws IOException {
        int closed = freePort();
        assertEquals(2, run("run", "../../scenarios/fugitive-race.yaml", "--bootstrap-servers", "127.0.0.1:" + closed,
            "--schema-registry-url", "http://127.0.0.1:" + closed));
        String message = err.toString().strip();
        assertEquals("rogatory: cannot reach Kafka at 127.0.0.1:" + closed + " within 10 s", message);
    }

    @Test
    @DisplayName("an external broker without a registry is refused at once")
    void brokerWithoutRegistry() {
        assertEquals(2, run("run", "../../scenarios/fugitive-race.yaml", "--bootstrap-servers", "127.0.0.1:9"));
        assertTrue(err.toString().startsWith("rogatory: give both --bootstrap-servers and --schema-registry-url"), err.toString());
    }

    @Test
    @DisplayName("a bad --speed is one line; --verbose adds the stack trace")
    void badSpeedAndVerbose() {
        assertEquals(2, run("run", "../../scenarios/fugitive-race.yaml", "--speed", "fast"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("--speed must be 'max' or a positive factor"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("run", "../../scenarios/fugitive-race.yaml", "--speed", "fast", "--verbose"));
        assertTrue(err.toString().contains("\tat org.rogatory"), "stack trace with --verbose");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
