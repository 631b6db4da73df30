package org.rogatory.authorities;

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
 * {@code GET /nodes/{nodeId}/backlog}: the requests a simulated node holds (waiting, in service,
 * held, away) and its staffing, from whichever authorities instance holds the node; 404 for a node
 * outside the directory, 503 while the authorities' streams are not running.
 */
@Controller(NodeController.PATH)
@Requires(property = "rogatory.authorities.enabled", value = "true")
public class NodeController {

    static final String PATH = "/nodes";
    static final String BACKLOG = "/backlog";

    private final NodeBacklogs backlogs;

    public NodeController(NodeBacklogs backlogs) {
        this.backlogs = backlogs;
    }

    @Get(uri = "/{nodeId}" + BACKLOG, produces = MediaType.APPLICATION_JSON)
    public HttpResponse<String> backlog(@PathVariable String nodeId, @QueryValue(InteractiveQueries.LOCAL) @Nullable Boolean local) {
        return backlogs.answer(nodeId, Boolean.TRUE.equals(local))
            .response("no such node", "node " + nodeId + " is not in the directory");
    }
}
