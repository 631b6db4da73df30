package org.rogatory.simulator.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/api.md done against a running {@code up}: a request submitted through the gateway is routed
 * by the router to the node the baseline world gives it, and its case view is answered by the
 * gateway from the case timer's store; a retry with the same Idempotency-Key names the same case; the
 * OpenAPI document is served.
 */
@DisplayName("up serves the gateway: a submitted request is routed and its case view is answered")
class GatewayUpIT {

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void submitsThroughTheGateway() throws Exception {
        try (CliProcess up = CliProcess.start(tmp.resolve("up"), "up", "--kafka-port", String.valueOf(freePort()),
                "--registry-port", String.valueOf(freePort()), "--http-port", String.valueOf(freePort()));
             GatewayClient gateway = new GatewayClient(up.awaitValue("gateway.url", CliProcess.STARTS_WITHIN).split(" ")[0])) {
            HttpResponse<String> accepted = gateway.submit("up-it-1");
            assertEquals(202, accepted.statusCode(), accepted.body());
            String caseId = GatewayClient.caseId(accepted.body());
            assertEquals("/api/v1/cases/" + caseId, accepted.headers().firstValue("Location").orElseThrow());
            assertEquals(caseId, GatewayClient.caseId(gateway.submit("up-it-1").body()), "a retry names the same case");

            String view = gateway.awaitView(caseId, Duration.ofSeconds(60));
            assertTrue(view.contains("\"handlingNode\": \"" + GatewayClient.HANDLING_NODE + "\""), view);
            assertTrue(view.contains("\"caseId\": \"" + caseId + "\""), view);

            HttpResponse<String> openApi = gateway.get("/openapi.yml");
            assertEquals(200, openApi.statusCode(), "the OpenAPI document is in the CLI's jar");
            assertTrue(openApi.body().contains("/api/v1/requests:"), openApi.body());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
