package org.rogatory.simulator.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client of the gateway's API (docs/api.md) as the tests use it, whatever runs the gateway
 * ({@code up}, a container): one well-formed request of the default world, its submission, its case view.
 */
public final class GatewayClient implements AutoCloseable {

    /** UNTOC, serious crime by an organised group, between two parties: routed to KES-CA-MLA (docs/cli.md's example). */
    public static final String REQUEST = """
        {"requestType":"MLA","instrument":"UNTOC","requestingState":"ALD","requestedState":"KES",
         "originNode":"ALD-CA-MLA","conductCategory":"ONLINE_FRAUD","nationalOffenceLabel":"wire fraud",
         "crimeArea":"FINANCIAL_CRIME_CORRUPTION","maxPenaltyYears":10,"organisedCriminalGroup":true,
         "language":"en","classification":"RESTRICTED"}""";
    public static final String HANDLING_NODE = "KES-CA-MLA";
    private static final Pattern CASE_ID = Pattern.compile("\"caseId\":\"([^\"]+)\"");

    private final String api;
    private final HttpClient http = HttpClient.newHttpClient();

    /** @param api the API's base address, e.g. {@code http://127.0.0.1:8080/api/v1} */
    public GatewayClient(String api) {
        this.api = api;
    }

    public HttpResponse<String> submit(String idempotencyKey) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api + "/requests")).header("Content-Type", "application/json")
            .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends {@code body} (JSON, or none) with {@code method} to {@code path} under the API. */
    public HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api + path)).header("Content-Type", "application/json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The case view, once the case timer has it (the gateway answers 404 until then). */
    public String awaitView(String caseId, Duration within) {
        return await().atMost(within).pollInterval(Duration.ofMillis(250)).until(() -> {
            HttpResponse<String> answer = get("/cases/" + caseId);
            return answer.statusCode() == 200 ? answer.body() : null;
        }, body -> body != null);
    }

    public static String caseId(String body) {
        Matcher id = CASE_ID.matcher(body);
        assertTrue(id.find(), body);
        return id.group(1);
    }

    @Override
    public void close() {
        http.close();
    }
}
