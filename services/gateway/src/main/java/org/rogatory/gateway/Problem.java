package org.rogatory.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** An RFC 9457 problem response ({@code application/problem+json}); {@code field} names the input at fault. */
final class Problem {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problem() {
    }

    static HttpResponse<String> of(HttpStatus status, String title, String detail, String field) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status.getCode());
        problem.put("detail", detail);
        if (field != null) {
            problem.put("field", field);
        }
        try {
            return HttpResponse.<String>status(status).contentType(MEDIA_TYPE).body(JSON.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is JSON", e);
        }
    }

    static HttpResponse<String> refused(RefusedSubmission refusal) {
        return of(HttpStatus.BAD_REQUEST, "invalid submission", refusal.getMessage(), refusal.field());
    }
}
