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

    /** The case from this instance's store only (empty while it is not queryable). */
    public Optional<CaseView> local(String caseId) {
        return queries.<CaseFile>localValue(CaseTimerStream.NAME, CaseTimerTopology.CASE_FILES_STORE, caseId)
            .map(CaseRecords::view);
    }

    private static String json(CaseFile file) {
        return CaseRecords.view(file).toString();
    }
}
