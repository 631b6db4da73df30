package org.rogatory.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.micronaut.http.annotation.Header;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/v1}: {@code POST /requests} submits a cooperation request (202, its case id and
 * {@code Location}); {@code GET /cases/{id}} gives a case's view, {@code GET /cases} a page of them.
 * Errors are problem+json.
 */
@Controller(RequestsController.API)
@Requires(property = "rogatory.gateway.enabled", value = "true")
// Blocking calls (the case timer over HTTP, the broker's acknowledgement): off the event loop, which
// may be the one that has to serve the case timer's answer from this very application.
@ExecuteOn(TaskExecutors.BLOCKING)
public class RequestsController {

    static final String API = "/api/v1";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final Intake intake;
    private final CaseViewSource cases;
    private final int maxBodyBytes;

    public RequestsController(Intake intake, CaseViewSource cases, @Value("${rogatory.gateway.max-body-bytes:65536}") int maxBodyBytes) {
        this.intake = intake;
        this.cases = cases;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Operation(summary = "Submit a cooperation request", description = "The CooperationRequest contract's fields a "
        + "requesting state supplies, plus the header's classification (docs/api.md); the gateway assigns the case id and header.",
        requestBody = @RequestBody(required = true, content = @Content(mediaType = MediaType.ALL,
            schema = @Schema(type = "object", description = "fields as in docs/api.md; any other field is refused"))))
    @ApiResponse(responseCode = "202", description = "on the broker; Location: /api/v1/cases/{caseId}",
        headers = @io.swagger.v3.oas.annotations.headers.Header(name = "Location", schema = @Schema(type = "string")),
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Accepted.class)))
    @ApiResponse(responseCode = "400", description = "a field, the body or the Idempotency-Key refused",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "413", description = "body larger than rogatory.gateway.max-body-bytes",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "broker or directory unavailable",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "not this role's (its node, its state, its clearance)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Secured({"TRAINER", "SERVICE"})
    // Any content type is read as JSON, so that every refusal is a problem, not the framework's 415.
    @Post(uri = "/requests", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> submit(HttpRequest<?> request, @Body @Nullable String body,
                                       @Parameter(description = "a retry with the same key names the same case (1 to 200 characters)")
                                       @Header(IDEMPOTENCY_KEY) @Nullable String idempotencyKey) {
        String text = body == null ? "" : body;
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBodyBytes) {
            return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body too large",
                "body: " + size + " bytes, more than the " + maxBodyBytes + " accepted", "body");
        }
        try {
            // a service client submits its own state's requests; the form checks the rest
            JsonFields.peek(text, "requestingState").ifPresent(Caller.of(request)::requireRequestingState);
            String caseId = intake.submit(text, Optional.ofNullable(idempotencyKey));
            return HttpResponse.<String>status(HttpStatus.ACCEPTED).header("Location", location(caseId))
                .contentType(MediaType.APPLICATION_JSON).body(Accepted.json(caseId));
        } catch (RefusedSubmission refusal) {
            return Problem.refused(refusal);
        } catch (Caller.Forbidden refused) {
            return Problem.forbidden(refused);
        } catch (IllegalStateException unavailable) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "cannot accept submissions now", unavailable.getMessage(), null);
        }
    }

    @Operation(summary = "A case's view", description = "The CaseView contract as JSON, from the case timer's store")
    @ApiResponse(responseCode = "200", description = "the case view",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CaseView")))
    @ApiResponse(responseCode = "404", description = "no such case",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "case timer unreachable",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "not this role's (its node, its state, its clearance)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Secured({"TRAINER", "PLAYER", "SERVICE"})
    @Get(uri = "/cases/{caseId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> view(HttpRequest<?> request, @PathVariable String caseId) {
        Caller caller = Caller.of(request);
        try {
            return cases.view(caseId).<HttpResponse<String>>map(view -> caller.sees(JsonFields.tree(view))
                    ? HttpResponse.ok(view).contentType(MediaType.APPLICATION_JSON)
                    : Problem.of(HttpStatus.FORBIDDEN, "not allowed for this role", "caseId: case " + caseId
                        + " is not one a " + caller.role() + (caller.scope() == null ? "" : " of " + caller.scope())
                        + " may see (another node's or state's, or confidential)", "caseId"))
                .orElseGet(() -> Problem.of(HttpStatus.NOT_FOUND, "no such case", "caseId: no case " + caseId, "caseId"));
        } catch (IllegalStateException unavailable) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "case views unavailable", unavailable.getMessage(), null);
        }
    }

    @Operation(summary = "Cases, filtered and paged", description = "Case views from every case timer instance's store, "
        + "in case id order; follow `next` with `after` for the next page")
    @ApiResponse(responseCode = "200", description = "a page of case views",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "CasePage")))
    @ApiResponse(responseCode = "400", description = "a query parameter refused",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "case timer unreachable or not queryable now",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "not this role's (its node, its state, its clearance)",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Secured({"TRAINER", "PLAYER", "SERVICE"})
    @Get(uri = "/cases", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> list(HttpRequest<?> request,
        @Parameter(description = "a node that handles or sent the case") @QueryValue @Nullable String node,
        @Parameter(description = "a state, requesting or requested") @QueryValue @Nullable String state,
        @Parameter(description = "a CaseStatus symbol") @QueryValue @Nullable String status,
        @Parameter(description = "the case id to continue after (the previous page's next)") @QueryValue @Nullable String after,
        @Parameter(description = "page size, 1 to 1000 (100)") @QueryValue @Nullable String limit) {
        Caller caller = Caller.of(request);
        Map<String, String> query = new LinkedHashMap<>();
        try {
            // a player lists its node's cases, a service client its state's
            query.put("node", caller.scopeOf(Caller.NODE, node).orElse(null));
            query.put("state", caller.scopeOf(Caller.STATE, state).orElse(null));
        } catch (Caller.Forbidden refused) {
            return Problem.forbidden(refused);
        }
        query.put("status", status);
        query.put("after", after);
        query.put("limit", limit);
        try {
            return switch (cases.list(query)) {
                case CaseViewSource.Page page -> HttpResponse.ok(visible(page.json(), caller)).contentType(MediaType.APPLICATION_JSON);
                case CaseViewSource.Refused refused ->
                    Problem.of(HttpStatus.BAD_REQUEST, "invalid query parameter", refused.detail(), refused.field());
            };
        } catch (IllegalStateException unavailable) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "case views unavailable", unavailable.getMessage(), null);
        }
    }

    /**
     * A page without the cases the caller may not see (confidential ones, uncleared): a page may
     * hold fewer items than its limit, and {@code next} still continues after the last case read.
     */
    static String visible(String pageJson, Caller caller) {
        if (caller.role() == Role.TRAINER) {
            return pageJson;
        }
        ObjectNode page = (ObjectNode) JsonFields.tree(pageJson);
        JsonNode items = page.remove("items");
        ArrayNode kept = page.putArray("items");
        items.forEach(item -> {
            if (caller.sees(item)) {
                kept.add(item);
            }
        });
        return page.toString();
    }

    static String location(String caseId) {
        return API + "/cases/" + URLEncoder.encode(caseId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
