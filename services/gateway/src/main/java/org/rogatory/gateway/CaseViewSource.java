package org.rogatory.gateway;

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
import java.util.Optional;

/**
 * A case's view as the case timer holds it: asked of the timer's {@code /cases/{id}}, which answers
 * from its store or from the instance whose store holds the case. The gateway keeps no copy.
 */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class CaseViewSource {

    private final String configuredUrl;
    private final Provider<EmbeddedServer> server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public CaseViewSource(@Value("${rogatory.gateway.case-timer-url:}") String configuredUrl, Provider<EmbeddedServer> server) {
        this.configuredUrl = configuredUrl;
        this.server = server;
    }

    /** The case view as JSON, empty if no case timer instance knows the case. */
    public Optional<String> view(String caseId) {
        String base = configuredUrl.isBlank() ? server.get().getURL().toString() : configuredUrl;
        URI uri = URI.create(base.replaceAll("/+$", "") + "/cases/"
            + URLEncoder.encode(caseId, StandardCharsets.UTF_8).replace("+", "%20"));
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
            return switch (answer.statusCode()) {
                case 200 -> Optional.of(answer.body());
                case 404 -> Optional.empty();
                default -> throw new IllegalStateException("the case timer at " + base + " answered " + answer.statusCode());
            };
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach the case timer at " + base + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
