package org.rogatory.timer;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import org.rogatory.platform.service.InteractiveQueries;

/**
 * {@code GET /cases/{caseId}}: the case view (status, nodes, clocks, escalations), from whichever
 * timer instance holds it; 404 for a case no instance knows, 503 while the timer's streams are not running.
 */
@Controller(CaseController.PATH)
@Requires(property = "rogatory.case-timer.enabled", value = "true")
public class CaseController {

    static final String PATH = "/cases";

    private final CaseViews views;

    public CaseController(CaseViews views) {
        this.views = views;
    }

    @Get(uri = "/{caseId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> view(@PathVariable String caseId, @QueryValue(InteractiveQueries.LOCAL) @Nullable Boolean local) {
        return views.answer(caseId, Boolean.TRUE.equals(local)).response("no such case", "no case " + caseId);
    }
}
