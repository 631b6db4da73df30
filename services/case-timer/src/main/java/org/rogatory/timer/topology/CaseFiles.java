package org.rogatory.timer.topology;

import org.apache.kafka.streams.state.KeyValueStore;
import org.rogatory.platform.streams.DomainCounters;
import org.rogatory.timer.domain.CaseFile;

/** The case files in their store, with the deadline index and the clock counters kept in step with every change. */
final class CaseFiles {
    private final KeyValueStore<String, CaseFile> store;
    private final DeadlineIndex deadlines;
    private final DomainCounters counters;

    CaseFiles(KeyValueStore<String, CaseFile> store, DeadlineIndex deadlines, DomainCounters counters) {
        this.store = store;
        this.deadlines = deadlines;
        this.counters = counters;
    }

    CaseFile get(String caseId) {
        return store.get(caseId);
    }

    /** Stores {@code after} in place of {@code before} (null for a new case); nothing if they are the same. */
    void save(String caseId, CaseFile before, CaseFile after) {
        if (before == after) {
            return;
        }
        ClockCounts.count(before, after, counters);
        deadlines.track(caseId, before, after);
        store.put(caseId, after);
    }
}
