package org.rogatory.registry;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import jakarta.inject.Singleton;
import org.rogatory.registry.domain.RegistryException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

/**
 * A follower's way to the single writer: it sends a write request as it came (method, path,
 * query, body, content type) to the leader and hands back the leader's answer, as Confluent's
 * followers do.
 */
@Singleton
public class LeaderForwarder {

    private final Optional<URI> leader;
    private final Duration timeout;
    private final HttpClient client;

    public LeaderForwarder(RegistryConfiguration configuration) {
        this.leader = configuration.leader();
        this.timeout = configuration.timeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    public boolean isFollower() {
        return leader.isPresent();
    }

    public HttpResponse<String> forward(HttpRequest<?> request, String body) {
        URI leaderUri = leader.orElseThrow();
        URI target = URI.create(leaderUri + request.getUri().toString());
        String contentType = request.getHeaders().get(HttpHeaders.CONTENT_TYPE);
        java.net.http.HttpRequest.Builder forwarded = java.net.http.HttpRequest.newBuilder(target).timeout(timeout)
            .header(HttpHeaders.ACCEPT, request.getHeaders().get(HttpHeaders.ACCEPT, String.class).orElse("*/*"))
            .method(request.getMethodName(), body == null || body.isEmpty()
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            forwarded.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        try {
            java.net.http.HttpResponse<String> answer = client.send(forwarded.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            MutableHttpResponse<String> response = HttpResponse.<String>status(io.micronaut.http.HttpStatus.valueOf(answer.statusCode()))
                .body(answer.body());
            answer.headers().firstValue(HttpHeaders.CONTENT_TYPE).ifPresent(response::contentType);
            return response;
        } catch (IOException e) {
            throw RegistryException.forwardingFailed("Error while forwarding the request to the leader " + leaderUri
                + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RegistryException.forwardingFailed("Interrupted while forwarding the request to the leader " + leaderUri, e);
        }
    }
}
