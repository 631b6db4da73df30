package org.rogatory.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.timer.domain.CaseStateMachine;
import org.rogatory.timer.domain.LegalClock;

import java.util.EnumSet;
import java.util.List;

/**
 * {@code GET /api/v1/session}: who the caller is (the roster member behind the token, or an open
 * exercise's anonymous trainer) and what the exercise's console needs to show them that no other
 * route gives every role: the simulated time now (a player's clocks count down in it), the nodes
 * people play, the statuses that take a case out of a node's backlog, and the refusal grounds a
 * step may name: each from its one definition in the contracts and the case timer's rules.
 */
@Controller(RequestsController.API)
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class SessionController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ExerciseClock clock;
    private final GatewayConfiguration configuration;

    public SessionController(ExerciseClock clock, GatewayConfiguration configuration) {
        this.clock = clock;
        this.configuration = configuration;
    }

    @Operation(summary = "The caller's session", description = "The caller's name, role and scope (node or state), "
        + "the simulated time now (the latest coop.clock tick; null before the first), the played nodes, the statuses that settle a case and the refusal grounds")
    @ApiResponse(responseCode = "200", description = "the caller's session",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Session.class)))
    @ApiResponse(responseCode = "401", description = "no bearer token of the roster (with a roster)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Secured({"TRAINER", "PLAYER", "SERVICE"})
    @Get(uri = "/session", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> session(HttpRequest<?> request) {
        Caller caller = Caller.of(request);
        String simulatedTime;
        try {
            simulatedTime = clock.now().map(Object::toString).orElse(null);
        } catch (IllegalStateException notLoaded) {
            simulatedTime = null;
        }
        // a node's backlog in the console: its cases not yet answered nor closed, as the timer's rules say
        EnumSet<CaseStatus> settled = EnumSet.copyOf(CaseStateMachine.CLOSED);
        settled.addAll(LegalClock.ANSWERED);
        Session session = new Session(caller.name(), caller.role().name(), caller.node(), caller.state(), simulatedTime,
            configuration.played().stream().sorted().toList(), settled.stream().map(Enum::name).toList(),
            RefusalGround.getClassSchema().getEnumSymbols().stream().filter(symbol -> !symbol.equals("UNKNOWN")).toList());
        try {
            return HttpResponse.ok(JSON.writeValueAsString(session)).contentType(MediaType.APPLICATION_JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a record of strings and lists is JSON", e);
        }
    }

    /** The caller and what the console shows them. */
    @Schema(name = "Session")
    record Session(String name, @Schema(description = "TRAINER, PLAYER or SERVICE") String role,
                   @Schema(description = "a player's node", nullable = true) @Nullable String node,
                   @Schema(description = "a service client's state", nullable = true) @Nullable String state,
                   @Schema(format = "date-time", nullable = true) @Nullable String simulatedTime,
                   List<String> playedNodes,
                   @Schema(description = "statuses that take a case out of a node's backlog") List<String> settledStatuses,
                   @Schema(description = "the RefusalGround symbols a step may name") List<String> refusalGrounds) {
    }
}
