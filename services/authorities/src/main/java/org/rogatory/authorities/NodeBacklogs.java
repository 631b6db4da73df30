package org.rogatory.authorities;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.rogatory.authorities.topology.AuthoritiesTopology;
import org.rogatory.authorities.topology.BacklogView;
import org.rogatory.platform.service.InteractiveQueries;

import java.util.function.Function;

/** A node's backlog from the authorities' backlog store, whichever instance of the authorities holds the node. */
@Singleton
@Requires(property = "rogatory.authorities.enabled", value = "true")
public class NodeBacklogs {

    private final InteractiveQueries queries;

    public NodeBacklogs(InteractiveQueries queries) {
        this.queries = queries;
    }

    /**
     * The node's backlog as JSON, from the instance that holds it: a node of the directory that no
     * input has reached yet has an empty backlog; a node outside the directory has none. With
     * {@code localOnly}, what this instance holds only (how one instance asks another).
     */
    public InteractiveQueries.Answer answer(String nodeId, boolean localOnly) {
        InteractiveQueries.Answer answer = queries.answer(AuthoritiesStream.NAME, BacklogView.STORE, nodeId,
            NodeController.PATH + "/" + InteractiveQueries.segment(nodeId) + NodeController.BACKLOG, localOnly,
            Function.<String>identity());
        // the instance asked first fills in the directory's nodes that have no backlog yet
        if (!localOnly && answer instanceof InteractiveQueries.Missing
                && queries.inGlobalStore(AuthoritiesStream.NAME, AuthoritiesTopology.DIRECTORY_STORE, nodeId)) {
            return new InteractiveQueries.Found(BacklogView.untouched(nodeId));
        }
        return answer;
    }
}
