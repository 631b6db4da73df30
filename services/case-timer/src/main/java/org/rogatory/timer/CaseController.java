package org.rogatory.timer;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import org.rogatory.platform.service.InteractiveQueries;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code GET /cases/{caseId}}: the case view (status, nodes, clocks, escalations), from whichever
 * timer instance holds it; 404 for a case no instance knows, 503 while the timer's streams are not running.
 * {@code GET /cases?node=&state=&status=&inbox=&after=&limit=}: a page of case views over every instance,
 * in case id order ({@code {"items": [...], "next": caseId or null}}), a node's inbox in its queue order
 * ({@code next} a queue place, {@link CaseViews#list}); 400 naming a wrong parameter.
 */
@Controller(CaseController.PATH)
@Requires(property = "rogatory.case-timer.enabled", value = "true")
public class CaseController {

    static final String PATH = "/cases";

    private final CaseViews views;

    public CaseController(CaseViews views) {
        this.views = views;
    }

    @Get(uri = "/", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> list(@QueryValue @Nullable String node, @QueryValue @Nullable String state,
                                     @QueryValue @Nullable String status, @QueryValue @Nullable String inbox,
                                     @QueryValue @Nullable String after,
                                     @QueryValue @Nullable String limit,
                                     @QueryValue(InteractiveQueries.LOCAL) @Nullable Boolean local) {
        CaseSearch search;
        int size;
        String from;
        try {
            search = CaseSearch.of(node, state, status, inbox);
            size = CaseSearch.limit(limit);
            from = search.after(after);
        } catch (CaseSearch.InvalidParameter refused) {
            return InteractiveQueries.problem(HttpStatus.BAD_REQUEST, "invalid " + refused.name(), refused.getMessage(),
                refused.name());
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("node", node);
        query.put("state", state);
        query.put("status", status);
        query.put("inbox", inbox);
        query.put("after", after);
        query.put("limit", String.valueOf(size));
        String path = PATH + "?" + query.entrySet().stream().filter(e -> e.getValue() != null)
            .map(e -> e.getKey() + "=" + InteractiveQueries.segment(e.getValue())).collect(Collectors.joining("&"));
        return views.list(search, from, size, path, Boolean.TRUE.equals(local)).response("no such case", "no case");
    }

    @Get(uri = "/{caseId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> view(@PathVariable String caseId, @QueryValue(InteractiveQueries.LOCAL) @Nullable Boolean local) {
        return views.answer(caseId, Boolean.TRUE.equals(local)).response("no such case", "no case " + caseId);
    }
}
