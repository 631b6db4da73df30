package org.rogatory.registry.api;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.List;

/**
 * Answers in Confluent's preferred order: {@code application/vnd.schemaregistry.v1+json}, then
 * {@code application/vnd.schemaregistry+json}, then {@code application/json}, taking the first the
 * client accepts (any, when it sends no Accept header).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class ContentNegotiation {

    private static final List<MediaType> PREFERRED = List.of(
        MediaType.of(MediaTypes.V1_JSON), MediaType.of(MediaTypes.DEFAULT_JSON), MediaType.APPLICATION_JSON_TYPE);

    @ResponseFilter
    void contentType(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getBody().isEmpty()) {
            return;
        }
        List<MediaType> accepted = request.getHeaders().accept();
        MediaType chosen = PREFERRED.stream()
            .filter(type -> accepted.isEmpty() || accepted.stream().anyMatch(a -> a.matches(type)))
            .findFirst().orElse(PREFERRED.getFirst());
        response.contentType(chosen);
    }
}
