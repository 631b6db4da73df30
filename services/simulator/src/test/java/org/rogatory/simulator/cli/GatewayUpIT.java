package org.rogatory.simulator.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
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

    private static final Pattern CASE_ID = Pattern.compile("\"caseId\":\"([^\"]+)\"");
    private static final String REQUEST = """
        {"requestType":"MLA","instrument":"UNTOC","requestingState":"ALD","requestedState":"KES",
         "originNode":"ALD-CA-MLA","conductCategory":"ONLINE_FRAUD","nationalOffenceLabel":"wire fraud",
         "crimeArea":"FINANCIAL_CRIME_CORRUPTION","maxPenaltyYears":10,"organisedCriminalGroup":true,
         "language":"en","classification":"RESTRICTED"}""";

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void submitsThroughTheGateway() throws Exception {
        try (CliProcess up = CliProcess.start(tmp.resolve("up"), "up", "--kafka-port", String.valueOf(freePort()),
                "--registry-port", String.valueOf(freePort()), "--http-port", String.valueOf(freePort()));
             HttpClient http = HttpClient.newHttpClient()) {
            String api = up.awaitValue("gateway.url", Duration.ofSeconds(120)).split(" ")[0];

            HttpResponse<String> accepted = submit(http, api, "up-it-1");
            assertEquals(202, accepted.statusCode(), accepted.body());
            String caseId = caseId(accepted.body());
            assertEquals("/api/v1/cases/" + caseId, accepted.headers().firstValue("Location").orElseThrow());
            assertEquals(caseId, caseId(submit(http, api, "up-it-1").body()), "a retry names the same case");

            String view = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(api + "/cases/" + caseId)).build(),
                        HttpResponse.BodyHandlers.ofString());
                    return answer.statusCode() == 200 ? answer.body() : null;
                }, body -> body != null);
            // UNTOC, serious crime by an organised group, between two parties: their central authorities (docs/cli.md's example).
            assertTrue(view.contains("\"handlingNode\": \"KES-CA-MLA\""), view);
            assertTrue(view.contains("\"caseId\": \"" + caseId + "\""), view);

            HttpResponse<String> openApi = http.send(HttpRequest.newBuilder(URI.create(api + "/openapi.yml")).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals(200, openApi.statusCode(), "the OpenAPI document is in the CLI's jar");
            assertTrue(openApi.body().contains("/api/v1/requests:"), openApi.body());
        }
    }

    private static HttpResponse<String> submit(HttpClient http, String api, String key) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api + "/requests")).header("Content-Type", "application/json")
            .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    private static String caseId(String body) {
        Matcher id = CASE_ID.matcher(body);
        assertTrue(id.find(), body);
        return id.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
