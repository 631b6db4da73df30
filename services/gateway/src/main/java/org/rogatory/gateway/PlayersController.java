package org.rogatory.gateway;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.rogatory.contracts.CaseEvent;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /api/v1} for people playing a node (docs/api.md, Playing a node): {@code GET
 * /nodes/{node}/inbox} pages the node's open cases with the actions allowed on each now; {@code
 * POST /cases/{caseId}/actions} reports a step of the node on a case (202, the node action written).
 * Errors are problem+json; a step not allowed now is 409 with the allowed ones.
 */
@Controller(RequestsController.API)
@Requires(property = "rogatory.gateway.enabled", value = "true")
// Blocking calls (the case timer over HTTP, the broker's acknowledgement): off the event loop, which
// may be the one that has to serve the case timer's answer from this very application.
@ExecuteOn(TaskExecutors.BLOCKING)
public class PlayersController {

    private final PlayerActions players;
    private final Directory directory;
    private final int maxBodyBytes;

    public PlayersController(PlayerActions players, Directory directory,
                             @Value("${rogatory.gateway.max-body-bytes:65536}") int maxBodyBytes) {
        this.players = players;
        this.directory = directory;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Operation(summary = "A node's inbox", description = "The open cases the node handles (those it may still act on), "
        + "from the case timer's stores, in the node's queue order (escalated to it, urgent, first delivered), "
        + "each with `queuePlace` and `allowedActions`: the statuses the node may report now")
    @ApiResponse(responseCode = "200", description = "a page of the node's open cases, each with allowedActions",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "InboxPage")))
    @ApiResponse(responseCode = "400", description = "a query parameter refused",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "no such node in the directory",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "case timer or directory unavailable",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "not this role's: another node's inbox or actions",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Secured({"TRAINER", "PLAYER"})
    @Get(uri = "/nodes/{node}/inbox", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> inbox(HttpRequest<?> request, @PathVariable String node,
        @Parameter(description = "the case id to continue after (the previous page's next)") @QueryValue @Nullable String after,
        @Parameter(description = "page size, 1 to 1000 (100)") @QueryValue @Nullable String limit) {
        Caller caller = Caller.of(request);
        try {
            caller.requireNode(node, "node");
            if (directory.node(node).isEmpty()) {
                return Problem.of(HttpStatus.NOT_FOUND, "no such node", "node: no node " + node + " in the directory", "node");
            }
            return switch (players.inbox(node, after, limit)) {
                case CaseViewSource.Page page ->
                    HttpResponse.ok(RequestsController.visible(page.json(), caller)).contentType(MediaType.APPLICATION_JSON);
                case CaseViewSource.Refused refused ->
                    Problem.of(HttpStatus.BAD_REQUEST, "invalid query parameter", refused.detail(), refused.field());
            };
        } catch (Caller.Forbidden refused) {
            return Problem.forbidden(refused);
        } catch (IllegalStateException unavailable) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "inbox unavailable", unavailable.getMessage(), null);
        }
    }

    @Operation(summary = "Report a played node's step on a case", description = "The node (played by a person in this "
        + "exercise), the status the step moves the case to (a CaseStatus symbol), a refusal ground with REFUSED or "
        + "CONSULTATION, an optional note; checked against the case state machine, stamped with the exercise's simulated time",
        requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.ALL,
            schema = @Schema(type = "object", description = "fields node, status, refusalGround, detail (docs/api.md)"))))
    @ApiResponse(responseCode = "202", description = "written; the node action (the CaseEvent contract)",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CaseEvent")))
    @ApiResponse(responseCode = "400", description = "a field or the body refused",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "no such case",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "not allowed now: `allowed` lists the statuses the node may report",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "body larger than rogatory.gateway.max-body-bytes",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "broker, case timer or exercise clock unavailable",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "not this role's: another node's inbox or actions",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Secured({"TRAINER", "PLAYER"})
    // Any content type is read as JSON, so that every refusal is a problem, not the framework's 415.
    @Post(uri = "/cases/{caseId}/actions", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> act(HttpRequest<?> request, @PathVariable String caseId, @Body @Nullable String body) {
        String text = body == null ? "" : body;
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBodyBytes) {
            return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body too large",
                "body: " + size + " bytes, more than the " + maxBodyBytes + " accepted", "body");
        }
        try {
            // a player acts for its own node; the form checks the rest
            Caller caller = Caller.of(request);
            JsonFields.peek(text, "node").ifPresent(node -> caller.requireNode(node, "node"));
            Optional<CaseEvent> written = players.act(caseId, text);
            return written.<HttpResponse<String>>map(action -> HttpResponse.<String>status(HttpStatus.ACCEPTED)
                    .header("Location", RequestsController.location(caseId)).contentType(MediaType.APPLICATION_JSON)
                    .body(action.toString()))
                .orElseGet(() -> Problem.of(HttpStatus.NOT_FOUND, "no such case", "caseId: no case " + caseId, "caseId"));
        } catch (RefusedSubmission refusal) {
            return Problem.of(HttpStatus.BAD_REQUEST, "invalid action", refusal.getMessage(), refusal.field());
        } catch (PlayerActionForm.NotAllowedNow conflict) {
            return Problem.notAllowed(conflict.getMessage(), conflict.field(), conflict.allowed());
        } catch (Caller.Forbidden refused) {
            return Problem.forbidden(refused);
        } catch (IllegalStateException unavailable) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "cannot accept actions now", unavailable.getMessage(), null);
        }
    }
}
