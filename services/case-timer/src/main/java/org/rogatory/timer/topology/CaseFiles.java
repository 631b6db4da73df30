package org.rogatory.timer.topology;

import org.apache.kafka.streams.state.KeyValueStore;
import org.rogatory.platform.streams.DomainCounters;
import org.rogatory.timer.domain.CaseFile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The case files in their store, with the deadline index and the clock counters kept in step with
 * every change. The files read or written last are also kept as objects: a case's steps and clocks
 * come close together, and reading a file's JSON took more of the timer's thread than the domain's
 * rules did (docs/engine.md). The domain never changes a file it is given (it copies),
 * so an object kept here is always what the store holds; the processor builds a new one on every
 * init, so a task restored from its changelog starts with none.
 */
final class CaseFiles {
    /** More than a partition's cases in the whole baseline (about 5 200); older ones are read from the store again. */
    static final int KEPT = 8_192;

    private final KeyValueStore<String, CaseFile> store;
    private final DeadlineIndex deadlines;
    private final DomainCounters counters;
    private final Map<String, CaseFile> recent = new LinkedHashMap<>(KEPT * 4 / 3, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CaseFile> eldest) {
            return size() > KEPT;
        }
    };

    CaseFiles(KeyValueStore<String, CaseFile> store, DeadlineIndex deadlines, DomainCounters counters) {
        this.store = store;
        this.deadlines = deadlines;
        this.counters = counters;
    }

    CaseFile get(String caseId) {
        CaseFile file = recent.get(caseId);
        if (file == null) {
            file = store.get(caseId);
            if (file != null) {
                recent.put(caseId, file);
            }
        }
        return file;
    }

    /** Stores {@code after} in place of {@code before} (null for a new case); nothing if they are the same. */
    void save(String caseId, CaseFile before, CaseFile after) {
        if (before == after) {
            return;
        }
        ClockCounts.count(before, after, counters);
        deadlines.track(caseId, before, after);
        store.put(caseId, after);
        recent.put(caseId, after);
    }
}
