package org.rogatory.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.rogatory.contracts.AuditEvent;
import org.rogatory.platform.topics.Topics;

import java.time.Instant;

/**
 * Every call to {@code /api/v1} and its result, on coop.audit: who (the roster member, or
 * anonymous), in which role, what (method, path and query), when (wall time), with which status
 * and, for a refusal, its problem's detail. Written after the answer without holding it; a write
 * the broker refuses is logged, and the producer retries as any idempotent one.
 */
@ServerFilter(RequestsController.API + "/**")
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class AuditTrail implements Ordered {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TopicWriter writer;

    public AuditTrail(TopicWriter writer) {
        this.writer = writer;
    }

    /** Around the security filter: its refusals (401, 403) are answers to audit too. */
    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.order();
    }

    @ResponseFilter
    public void audit(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Caller caller = request.getUserPrincipal(io.micronaut.security.authentication.Authentication.class)
            .map(Caller::of).orElse(null);
        int status = response.getStatus().getCode();
        String query = request.getUri().getRawQuery();
        AuditEvent event = AuditEvent.newBuilder()
            .setAt(Instant.now())
            .setWho(caller == null ? "anonymous" : caller.name())
            .setRole(caller == null ? "NONE" : caller.role().name())
            .setScope(caller == null ? null : caller.scope())
            .setMethod(request.getMethodName())
            .setPath(request.getPath() + (query == null ? "" : "?" + query))
            .setStatus(status)
            .setDetail(status >= 400 ? detail(response) : null)
            .build();
        writer.append(Topics.AUDIT, event.getWho(), event.getAt().toEpochMilli(), event);
    }

    /** The problem's detail of a refusal, if the body is one. */
    private static String detail(MutableHttpResponse<?> response) {
        return response.getBody(String.class).map(body -> {
            try {
                return JSON.readTree(body).path("detail").asText(null);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return null;
            }
        }).orElse(null);
    }
}
