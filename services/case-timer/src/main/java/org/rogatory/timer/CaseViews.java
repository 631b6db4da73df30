package org.rogatory.timer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.rogatory.contracts.CaseView;
import org.rogatory.platform.service.InteractiveQueries;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.QueuePlace;
import org.rogatory.timer.topology.CaseRecords;
import org.rogatory.timer.topology.CaseTimerTopology;

import java.util.Optional;

/** A case's current view from the timer's store, whichever instance of the timer holds it. */
@Singleton
@Requires(property = "rogatory.case-timer.enabled", value = "true")
public class CaseViews {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final InteractiveQueries queries;

    public CaseViews(InteractiveQueries queries) {
        this.queries = queries;
    }

    /** The case as JSON, from the instance that holds it, or from this one only when {@code localOnly}. */
    public InteractiveQueries.Answer answer(String caseId, boolean localOnly) {
        return queries.answer(CaseTimerStream.NAME, CaseTimerTopology.CASE_FILES_STORE, caseId,
            CaseController.PATH + "/" + InteractiveQueries.segment(caseId), localOnly, CaseViews::json);
    }

    /**
     * One page of the cases {@code search} keeps, over every instance of the timer (or this one's
     * only, when {@code localOnly}): a node's inbox in its queue order ({@link QueuePlace}), each view
     * with its {@code queuePlace}, after the cursor {@code after}; any other list in case id order.
     *
     * @param path the list's HTTP path and query, as the other instances serve it
     */
    public InteractiveQueries.Answer list(CaseSearch search, String after, int limit, String path, boolean localOnly) {
        if (search.inbox() != null) {
            return queries.page(CaseTimerStream.NAME, CaseTimerTopology.CASE_FILES_STORE, path, localOnly, search,
                CaseViews::queued, QUEUE_ORDER, after, limit);
        }
        return queries.page(CaseTimerStream.NAME, CaseTimerTopology.CASE_FILES_STORE, path, localOnly, search,
            CaseViews::json, InteractiveQueries.Order.byKey(CaseFile::caseId, "caseId"), after, limit);
    }

    private static final InteractiveQueries.Order<CaseFile> QUEUE_ORDER = new InteractiveQueries.Order<>(
        file -> file.queuePlace().cursor(),
        item -> new QueuePlace(item.path("queuePlace").path("priority").asInt(), item.path("queuePlace").path("since").asLong(),
            item.path("caseId").asText()).cursor(),
        QueuePlace::compareCursors);

    /** The case view with its place in the handling node's queue: {@code "queuePlace": {"priority": 2, "since": epoch ms}}. */
    private static String queued(CaseFile file) {
        ObjectNode view = (ObjectNode) read(json(file));
        QueuePlace place = file.queuePlace();
        view.putObject("queuePlace").put("priority", place.priority()).put("since", place.since());
        return view.toString();
    }

    /** The case from this instance's store only (empty while it is not queryable). */
    public Optional<CaseView> local(String caseId) {
        return queries.<CaseFile>localValue(CaseTimerStream.NAME, CaseTimerTopology.CASE_FILES_STORE, caseId)
            .map(CaseRecords::view);
    }

    private static String json(CaseFile file) {
        return CaseRecords.view(file).toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a case view that is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
