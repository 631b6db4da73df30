package org.rogatory.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A case's view as the case timer holds it: asked of the timer's {@code /cases/{id}}, which answers
 * from its store or from the instance whose store holds the case. The gateway keeps no copy.
 */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class CaseViewSource {

    private final String configuredUrl;
    private final Provider<EmbeddedServer> server;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public CaseViewSource(@Value("${rogatory.gateway.case-timer-url:}") String configuredUrl, Provider<EmbeddedServer> server) {
        this.configuredUrl = configuredUrl;
        this.server = server;
    }

    /** The case view as JSON, empty if no case timer instance knows the case. */
    public Optional<String> view(String caseId) {
        HttpResponse<String> answer = ask("/cases/" + encode(caseId));
        return switch (answer.statusCode()) {
            case 200 -> Optional.of(answer.body());
            case 404 -> Optional.empty();
            default -> throw unexpected(answer);
        };
    }

    /** What the case timer answers to a list of cases: a page, or its refusal of a query parameter. */
    public sealed interface Listing {
    }

    /** {@code {"items": [case views], "next": case id or null}}. */
    public record Page(String json) implements Listing {
    }

    public record Refused(String field, String detail) implements Listing {
    }

    /**
     * A page of the cases the case timer lists for these query parameters (node, state, status,
     * after, limit; absent ones left out). The timer checks them: one definition of the search.
     */
    public Listing list(Map<String, String> query) {
        String encoded = query.entrySet().stream().filter(e -> e.getValue() != null)
            .map(e -> e.getKey() + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> answer = ask("/cases" + (encoded.isEmpty() ? "" : "?" + encoded));
        return switch (answer.statusCode()) {
            case 200 -> new Page(answer.body());
            case 400 -> {
                JsonNode problem = read(answer.body());
                yield new Refused(problem.path("field").asText(null), problem.path("detail").asText());
            }
            default -> throw unexpected(answer);
        };
    }

    private HttpResponse<String> ask(String pathAndQuery) {
        URI uri = URI.create(base().replaceAll("/+$", "") + pathAndQuery);
        try {
            return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the case timer at " + base() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private String base() {
        return configuredUrl.isBlank() ? server.get().getURL().toString() : configuredUrl;
    }

    private IllegalStateException unexpected(HttpResponse<String> answer) {
        return new IllegalStateException("the case timer at " + base() + " answered " + answer.statusCode());
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the case timer's answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
