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

    @Post(uri = "/requests", consumes = MediaType.ALL, produces = {MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
    public HttpResponse<String> submit(@Body @Nullable String body, @Header(IDEMPOTENCY_KEY) @Nullable String idempotencyKey) {
        String text = body == null ? "" : body;
        int size = text.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxBodyBytes) {
            return Problem.of(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "body too large",
                "body: " + size + " bytes, more than the " + maxBodyBytes + " accepted", "body");
        }
        try {
            String caseId = intake.submit(text, Optional.ofNullable(idempotencyKey));
            return HttpResponse.<String>status(HttpStatus.ACCEPTED).header("Location", location(caseId))
                .contentType(MediaType.APPLICATION_JSON).body("{\"caseId\":\"" + caseId + "\"}");
        } catch (RefusedSubmission refusal) {
            return Problem.refused(refusal);
        } catch (IllegalStateException unavailable) {
            return Problem.of(HttpStatus.SERVICE_UNAVAILABLE, "cannot accept submissions now", unavailable.getMessage(), null);
        }
    }

    @Get(uri = "/cases/{caseId}", produces = {MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
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
