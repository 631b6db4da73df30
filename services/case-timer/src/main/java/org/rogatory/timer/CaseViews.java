package org.rogatory.timer;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.rogatory.contracts.CaseView;
import org.rogatory.platform.service.InteractiveQueries;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.topology.CaseRecords;
import org.rogatory.timer.topology.CaseTimerTopology;

import java.util.Optional;

/** A case's current view from the timer's store, whichever instance of the timer holds it. */
@Singleton
@Requires(property = "rogatory.case-timer.enabled", value = "true")
public class CaseViews {

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
     * One page of the cases {@code search} keeps, in case id order after {@code after}, over every
     * instance of the timer (or this one's only, when {@code localOnly}).
     *
     * @param path the list's HTTP path and query, as the other instances serve it
     */
    public InteractiveQueries.Answer list(CaseSearch search, String after, int limit, String path, boolean localOnly) {
        return queries.page(CaseTimerStream.NAME, CaseTimerTopology.CASE_FILES_STORE, path, localOnly, search,
            CaseViews::json, "caseId", after, limit);
    }

    /** The case from this instance's store only (empty while it is not queryable). */
    public Optional<CaseView> local(String caseId) {
        return queries.<CaseFile>localValue(CaseTimerStream.NAME, CaseTimerTopology.CASE_FILES_STORE, caseId)
            .map(CaseRecords::view);
    }

    private static String json(CaseFile file) {
        return CaseRecords.view(file).toString();
    }
}
