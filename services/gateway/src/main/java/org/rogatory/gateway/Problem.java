package org.rogatory.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * An RFC 9457 problem ({@code application/problem+json}).
 *
 * @param field   the input at fault (a JSON field, {@code body}, a header or {@code caseId}), absent when none is
 * @param allowed for an action not allowed now, the actions that are (CaseStatus symbols); absent otherwise
 */
@Schema(name = "Problem", description = "RFC 9457 problem; detail starts with the field at fault")
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, @Schema(nullable = true) String field,
               @Schema(nullable = true) List<String> allowed) {

    static final String MEDIA_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    static HttpResponse<String> of(HttpStatus status, String title, String detail, String field) {
        return answer(status, new Problem("about:blank", title, status.getCode(), detail, field, null));
    }

    /** 409: the action is not allowed now; {@code allowed} are the ones that are. */
    static HttpResponse<String> notAllowed(String detail, String field, List<String> allowed) {
        return answer(HttpStatus.CONFLICT, new Problem("about:blank", "action not allowed now", HttpStatus.CONFLICT.getCode(),
            detail, field, List.copyOf(allowed)));
    }

    private static HttpResponse<String> answer(HttpStatus status, Problem problem) {
        try {
            return HttpResponse.<String>status(status).contentType(MEDIA_TYPE).body(JSON.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings is JSON", e);
        }
    }

    /** 403: the caller's role may not do this (docs/api.md, Access control). */
    static HttpResponse<String> forbidden(Caller.Forbidden refused) {
        return of(HttpStatus.FORBIDDEN, "not allowed for this role", refused.getMessage(), refused.field());
    }

    static HttpResponse<String> refused(RefusedSubmission refusal) {
        return of(HttpStatus.BAD_REQUEST, "invalid submission", refusal.getMessage(), refusal.field());
    }
}
