package org.rogatory.gateway;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code GET /api/v1/events}: live events as Server-Sent Events (case changes, transmissions and
 * their delivery evidence, escalations, clock warnings), filtered by case, node or state,
 * resumable with {@code Last-Event-ID}.
 */
@Controller(RequestsController.API)
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class EventsController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final LiveEvents events;

    public EventsController(LiveEvents events) {
        this.events = events;
    }

    @Operation(summary = "Live events", description = "Server-Sent Events: `opened` (the starting position), then `case` "
        + "(a CaseView, at every change), `transmission` (a Transmission, as the router sends it on a channel), `evidence` "
        + "(a CaseEvent carrying an e-CODEX DeliveryEvidence: relayed, delivered, retrieved or negative), `escalation` "
        + "(an Escalation, each ladder step) and `clock-warning` (a ClockWarning: a clock at its warning point, unmet), "
        + "each the JSON of its Avro contract; each id is the stream's position, which Last-Event-ID resumes from")
    @ApiResponse(responseCode = "200", description = "the event stream",
        content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM, schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "400", description = "Last-Event-ID is not a position this stream gave, or kinds names an unknown kind",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "a node or state the caller's role may not follow",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Secured({"TRAINER", "PLAYER", "SERVICE"})
    @Get(uri = "/events", produces = {MediaType.TEXT_EVENT_STREAM, Problem.MEDIA_TYPE})
    public HttpResponse<?> follow(HttpRequest<?> request,
        @Parameter(description = "a case id") @QueryValue("case") @Nullable String caseId,
        @Parameter(description = "a node: cases it handles, transmissions to it, evidence it records, escalations "
            + "addressed to it, warnings of clocks it must meet") @QueryValue @Nullable String node,
        @Parameter(description = "a state: its cases and transmissions, requesting or requested; evidence, escalations "
            + "and warnings at its nodes")
        @QueryValue @Nullable String state,
        @Parameter(description = "the kinds of event to receive, comma-separated (default: all): case, transmission, "
            + "evidence, escalation, clock-warning") @QueryValue @Nullable String kinds,
        @Parameter(description = "the id of the last event received: the stream resumes right after it")
        @Header(LAST_EVENT_ID) @Nullable String lastEventId) {
        Optional<EventPosition> resume;
        try {
            resume = lastEventId == null || lastEventId.isBlank() ? Optional.empty() : Optional.of(EventPosition.parse(lastEventId));
        } catch (IllegalArgumentException refused) {
            return Problem.of(HttpStatus.BAD_REQUEST, "invalid " + LAST_EVENT_ID, LAST_EVENT_ID + ": " + refused.getMessage(),
                LAST_EVENT_ID);
        }
        Set<String> wanted = kinds == null || kinds.isBlank() ? Set.copyOf(LiveEvents.KINDS)
            : Arrays.stream(kinds.split(",")).map(String::trim).collect(Collectors.toSet());
        List<String> unknown = wanted.stream().filter(kind -> !LiveEvents.KINDS.contains(kind)).sorted().toList();
        if (!unknown.isEmpty()) {
            return Problem.of(HttpStatus.BAD_REQUEST, "unknown event kind", "kinds: " + String.join(", ", unknown)
                + " is not an event kind; the kinds: " + String.join(", ", LiveEvents.KINDS), "kinds");
        }
        Caller caller = Caller.of(request);
        LiveEvents.Filter filter;
        try {
            filter = new LiveEvents.Filter(blankToNull(caseId), caller.scopeOf(Caller.NODE, blankToNull(node)).orElse(null),
                caller.scopeOf(Caller.STATE, blankToNull(state)).orElse(null), caller, wanted);
        } catch (Caller.Forbidden refused) {
            return Problem.of(HttpStatus.FORBIDDEN, "not allowed for this role", refused.getMessage(), refused.field());
        }
        return HttpResponse.ok(events.follow(filter, resume))
            .contentType(MediaType.TEXT_EVENT_STREAM_TYPE).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
