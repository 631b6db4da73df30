package org.rogatory.timer;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.core.annotation.Nullable;

/** {@code GET /cases/{caseId}}: the case view (status, nodes, clocks, escalations), from whichever timer instance holds it. */
@Controller(CaseController.PATH)
@Requires(property = "rogatory.case-timer.enabled", value = "true")
public class CaseController {

    static final String PATH = "/cases";

    private final CaseViews views;

    public CaseController(CaseViews views) {
        this.views = views;
    }

    @Get(uri = "/{caseId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> view(@PathVariable String caseId, @QueryValue @Nullable Boolean local) {
        var found = Boolean.TRUE.equals(local) ? views.local(caseId).map(Object::toString) : views.json(caseId);
        return found.<HttpResponse<String>>map(HttpResponse::ok)
            .orElseGet(() -> HttpResponse.<String>notFound().contentType(MediaType.APPLICATION_JSON)
                .body("{\"status\":404,\"title\":\"no such case\",\"detail\":\"no case " + caseId.replace("\"", "") + "\"}"));
    }
}
