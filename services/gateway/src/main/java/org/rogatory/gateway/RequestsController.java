package org.rogatory.gateway;

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

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@code /api/v1}: {@code POST /requests} submits a cooperation request (202, its case id and
 * {@code Location}); {@code GET /cases/{id}} gives a case's view. Errors are problem+json.
 */
@Controller(RequestsController.API)
@Requires(property = "rogatory.gateway.enabled", value = "true")
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
    // Any content type is read as JSON, so that every refusal is a problem, not the framework's 415.
    @Post(uri = "/requests", consumes = MediaType.ALL, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> submit(@Body @Nullable String body,
                                       @Parameter(description = "a retry with the same key names the same case (1 to 200 characters)")
                                       @Header(IDEMPOTENCY_KEY) @Nullable String idempotencyKey) {
        String text = body == null ? "" : body;
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBodyBytes) {
            return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body too large",
                "body: " + size + " bytes, more than the " + maxBodyBytes + " accepted", "body");
        }
        try {
            String caseId = intake.submit(text, Optional.ofNullable(idempotencyKey));
            return HttpResponse.<String>status(HttpStatus.ACCEPTED).header("Location", location(caseId))
                .contentType(MediaType.APPLICATION_JSON).body(Accepted.json(caseId));
        } catch (RefusedSubmission refusal) {
            return Problem.refused(refusal);
        } catch (IllegalStateException unavailable) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "cannot accept submissions now", unavailable.getMessage(), null);
        }
    }

    @Operation(summary = "A case's view", description = "The CaseView contract as JSON, from the case timer's store")
    @ApiResponse(responseCode = "200", description = "the case view",
        content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "404", description = "no such case",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "503", description = "case timer unreachable",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Get(uri = "/cases/{caseId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> view(@PathVariable String caseId) {
        try {
            return cases.view(caseId).<HttpResponse<String>>map(view -> HttpResponse.ok(view).contentType(MediaType.APPLICATION_JSON))
                .orElseGet(() -> Problem.of(HttpStatus.NOT_FOUND, "no such case", "caseId: no case " + caseId, "caseId"));
        } catch (IllegalStateException unavailable) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "case views unavailable", unavailable.getMessage(), null);
        }
    }

    static String location(String caseId) {
        return API + "/cases/" + URLEncoder.encode(caseId, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
