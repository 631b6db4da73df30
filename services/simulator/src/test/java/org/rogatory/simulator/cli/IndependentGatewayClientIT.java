package org.rogatory.simulator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rogatory.simulator.stack.IndependentClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as a state's case system would use it, with a client written elsewhere (Node's
 * fetch and the npm {@code eventsource} client, deploy/gateway-client-check): against {@code up
 * --scenario scenarios/players-drill.yaml} with its roster's token for Aldoria, it submits, follows
 * Aldoria's events, resumes across a reconnect with Last-Event-ID without a gap or a repeat, and
 * is refused another state's submission, the exercise control, and any call without a token.
 */
class IndependentGatewayClientIT {

    private static final IndependentClient CLIENT = IndependentClient.in("gateway-client-check", "eventsource");
    private static final Path DRILL = Path.of("../../scenarios/players-drill.yaml").toAbsolutePath().normalize();

    @TempDir
    Path tmp;

    @Test
    @DisplayName("an independent client submits, follows its state's events across a reconnect, and is refused what its role may not do")
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void independentClient() throws Exception {
        CLIENT.require();
        try (CliProcess up = CliProcess.start(tmp.resolve("up"), "up", "--scenario", DRILL.toString(),
                "--kafka-port", String.valueOf(freePort()), "--registry-port", String.valueOf(freePort()),
                "--http-port", String.valueOf(freePort()))) {
            String api = up.awaitValue("gateway.url", CliProcess.STARTS_WITHIN).split(" ")[0];
            Path tokens = Path.of(up.awaitValue("gateway.tokens", CliProcess.STARTS_WITHIN).split(" ")[0]);
            String aldoria = Files.readAllLines(tokens).stream().filter(line -> line.contains(",SERVICE,ALD,"))
                .map(line -> line.substring(line.lastIndexOf(',') + 1)).findFirst().orElseThrow();

            JsonNode result = CLIENT.run(Duration.ofMinutes(5), api, aldoria, "ALD", "KES");

            assertThat(result.path("firstStatus").asInt()).isEqualTo(202);
            assertThat(result.path("secondStatus").asInt()).isEqualTo(202);
            assertThat(texts(result.path("seenBeforeReconnect"))).contains(result.path("firstCase").asText());
            assertThat(texts(result.path("seenAfterReconnect"))).as("the request submitted while away comes after the reconnect")
                .contains(result.path("secondCase").asText());
            assertThat(texts(result.path("repeatedEventIds"))).as("no event comes twice").isEmpty();
            assertThat(result.at("/foreignSubmission/status").asInt()).isEqualTo(403);
            assertThat(result.at("/foreignSubmission/field").asText()).isEqualTo("requestingState");
            assertThat(result.at("/exerciseControl/status").asInt()).isEqualTo(403);
            assertThat(result.at("/exerciseControl/field").asText()).isEqualTo("role");
            assertThat(result.at("/anonymous/status").asInt()).isEqualTo(401);
            assertThat(result.at("/anonymous/field").asText()).isEqualTo("Authorization");
        }
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
