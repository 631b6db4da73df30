package org.rogatory.simulator.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.rogatory.simulator.cli.GatewayClient;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.exercise.WorldLoader;
import org.rogatory.simulator.run.ReportAggregates;
import org.rogatory.simulator.run.ExerciseRunner;
import org.rogatory.simulator.run.RunSpeed;
import org.rogatory.testing.DockerRequirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * docker-compose.yml as a user runs it: both images built offline, {@code up -d}, every container
 * healthy, an exercise run that drives the compose services (run --use-running-services), a
 * request submitted through the gateway's container, and {@code down -v} leaving no container,
 * network or volume behind. The report's aggregates equal those of the same scenario and seed run in-process. Drives the local {@code docker compose} or, where that
 * plugin is missing, Debian's {@code docker-compose} 1.29 (Testcontainers' compose support would need a
 * helper image).
 */
@ExtendWith(DockerRequirement.class)
// minutes of containers: outside ./mvnw -B verify, in the heavy profile .ci/run adds (docs/testing.md)
@Tag("heavy")
class ComposeStackIT {

    private static final Logger LOG = LoggerFactory.getLogger(ComposeStackIT.class);
    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(6);
    private static final String PROJECT = "rogatory-it-" + ProcessHandle.current().pid();

    private static Path scenarios;
    private static Map<String, String> environment;
    private static int kafkaPort;
    private static int registryPort;
    private static int gatewayPort;

    @BeforeAll
    static void buildImages() throws Exception {
        DockerRequirement.assumeDocker();
        // The app image rebuilds only when the jar `package` just built differs from the one it holds.
        run(List.of(ROOT.resolve("deploy/kafka-image/build.sh").toString()), Map.of(), Duration.ofMinutes(10));
        run(List.of(ROOT.resolve("deploy/app-image/build.sh").toString()), Map.of(), Duration.ofMinutes(10));
        scenarios = Files.createTempDirectory("compose-scenarios");
        Files.createDirectories(scenarios.resolve("worlds"));
        Files.copy(ROOT.resolve("scenarios/worlds/default-world.yaml"), scenarios.resolve("worlds/default-world.yaml"));
        Files.copy(Path.of("src/test/resources/compose/compose-short.yaml"), scenarios.resolve("compose-short.yaml"),
            StandardCopyOption.REPLACE_EXISTING);
        // The services run as uid 10001: the mounted folder must be readable by others, as a checkout is.
        for (Path path : List.of(scenarios, scenarios.resolve("worlds"))) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        for (Path path : List.of(scenarios.resolve("compose-short.yaml"), scenarios.resolve("worlds/default-world.yaml"))) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        }
        kafkaPort = freePort();
        registryPort = freePort();
        gatewayPort = freePort();
        environment = Map.of("ROGATORY_SCENARIOS", scenarios.toString(), "ROGATORY_SCENARIO", "compose-short.yaml",
            "ROGATORY_KAFKA_PORT", String.valueOf(kafkaPort), "ROGATORY_REGISTRY_PORT", String.valueOf(registryPort),
            "ROGATORY_ROUTER_PORT", String.valueOf(freePort()), "ROGATORY_AUTHORITIES_PORT", String.valueOf(freePort()),
            "ROGATORY_CASE_TIMER_PORT", String.valueOf(freePort()), "ROGATORY_GATEWAY_PORT", String.valueOf(gatewayPort));
    }

    @AfterAll
    static void down() throws Exception {
        if (environment == null) {
            return;
        }
        compose(Duration.ofMinutes(3), "down", "-v", "--remove-orphans");
        assertThat(run(List.of("docker", "ps", "-a", "-q", "--filter", "label=com.docker.compose.project=" + PROJECT),
            Map.of(), Duration.ofSeconds(30))).as("containers left by down").isBlank();
        assertThat(run(List.of("docker", "volume", "ls", "-q", "--filter", "label=com.docker.compose.project=" + PROJECT),
            Map.of(), Duration.ofSeconds(30))).as("volumes left by down -v").isBlank();
        assertThat(run(List.of("docker", "network", "ls", "-q", "--filter", "label=com.docker.compose.project=" + PROJECT),
            Map.of(), Duration.ofSeconds(30))).as("networks left by down").isBlank();
    }

    @Test
    @DisplayName("up: every service healthy; a run refuses the stack without --use-running-services, drives it with, and gives the in-process report; the gateway serves")
    void stackRunsAnExerciseLikeInProcess() throws Exception {
        LoadedScenario scenario = ScenarioLoader.load(scenarios.resolve("compose-short.yaml"));
        long upStarted = System.nanoTime();
        compose(Duration.ofMinutes(5), "up", "-d");
        List<String> containers = List.of(compose(Duration.ofSeconds(30), "ps", "-q").trim().split("\\s+"));
        assertThat(containers).hasSize(6);
        await().atMost(HEALTHY_WITHIN).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            String states = run(new ArrayList<>(Stream.concat(Stream.of("docker", "inspect", "-f",
                "{{.Name}} {{.State.Status}} {{.State.Health.Status}}"), containers.stream()).toList()), Map.of(), Duration.ofSeconds(30));
            if (states.contains(" exited ")) {
                throw new IllegalStateException("a container stopped:\n" + states + compose(Duration.ofSeconds(30), "logs", "--tail", "20"));
            }
            assertThat(states.lines().map(line -> line.substring(line.lastIndexOf(' ') + 1))).containsOnly("healthy");
        });
        LOG.info("compose: up to every service healthy in {} s", (System.nanoTime() - upStarted) / 1_000_000_000.0);

        String bootstrap = "127.0.0.1:" + kafkaPort;
        String registry = "http://127.0.0.1:" + registryPort;
        var world = WorldLoader.load(scenario.worldFile().orElseThrow());
        assertThatThrownBy(() -> new ExerciseRunner().run(new ExerciseRunner.Options(scenario, world, RunSpeed.MAX,
            bootstrap, registry, false)))
            .hasMessageStartingWith("services already run against " + bootstrap + " (consumer groups ")
            .hasMessageContaining("rogatory-router").hasMessageEndingWith(": add --use-running-services to drive them, or stop them");

        long driven = System.nanoTime();
        JsonNode compose = ReportAggregates.of(new ExerciseRunner().run(new ExerciseRunner.Options(scenario, world, RunSpeed.MAX,
            bootstrap, registry, false, true)));
        LOG.info("compose-short against the compose stack: {} s", (System.nanoTime() - driven) / 1_000_000_000.0);
        long embedded = System.nanoTime();
        JsonNode inProcess = ReportAggregates.of(new ExerciseRunner().run(new ExerciseRunner.Options(scenario, world, RunSpeed.MAX,
            null, null, false)));
        LOG.info("compose-short in-process: {} s", (System.nanoTime() - embedded) / 1_000_000_000.0);

        assertThat(inProcess.path("totals").path("submitted").asInt()).as("requests of the short exercise").isGreaterThan(20);
        assertThat(inProcess.path("totals").path("routed").asInt()).as("routed").isGreaterThan(20);
        assertThat(compose).isEqualTo(inProcess);

        // the gateway's container passes a request on to the router's and answers its view from the case timer's
        try (GatewayClient gateway = new GatewayClient("http://127.0.0.1:" + gatewayPort + "/api/v1")) {
            HttpResponse<String> accepted = gateway.submit("compose-it-1");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String caseId = GatewayClient.caseId(accepted.body());
            assertThat(gateway.awaitView(caseId, Duration.ofSeconds(60)))
                .contains("\"handlingNode\": \"" + GatewayClient.HANDLING_NODE + "\"");
        }
    }

    private static String compose(Duration timeout, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(composeCommand());
        command.addAll(List.of("-p", PROJECT, "-f", ROOT.resolve("docker-compose.yml").toString()));
        command.addAll(List.of(arguments));
        return run(command, environment, timeout);
    }

    /** {@code docker compose} (v2) where the plugin exists, else {@code docker-compose} (Debian's 1.29). */
    private static List<String> composeCommand() throws Exception {
        Process probe = new ProcessBuilder("docker", "compose", "version").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        return probe.waitFor(30, TimeUnit.SECONDS) && probe.exitValue() == 0 ? List.of("docker", "compose") : List.of("docker-compose");
    }

    private static String run(List<String> command, Map<String, String> env, Duration timeout) throws Exception {
        Path output = Files.createTempFile("compose-command", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n" + text);
        }
        return text;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
