package org.rogatory.timer.topology;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rogatory.contracts.ClockKind;
import org.rogatory.timer.domain.CaseDocket;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.RunningClock;

/**
 * The next action time (warning point, miss or ladder step) of every running clock, in the deadline store (key = zero-padded due millis | case
 * id | clock, so the keys sort by due time): firing reads only the due range, never every case.
 */
final class DeadlineIndex {
    private static final String NOTHING_BEFORE = "0";

    /** A clock of a case due at {@code dueAt}. */
    record Deadline(long dueAt, String caseId, ClockKind clock) {
        String key() {
            return String.format("%019d|%s|%s", dueAt, caseId, clock.name());
        }

        static Deadline parse(String key) {
            return new Deadline(Long.parseLong(key.substring(0, 19)), key.substring(20, key.lastIndexOf('|')),
                ClockKind.valueOf(key.substring(key.lastIndexOf('|') + 1)));
        }
    }

    private final KeyValueStore<String, String> store;

    DeadlineIndex(KeyValueStore<String, String> store) {
        this.store = store;
    }

    /** A case file changed: its clocks' due times are now those of {@code after}. */
    void track(String caseId, CaseFile before, CaseFile after) {
        if (before != null) {
            for (RunningClock clock : before.clocks()) {
                if (clock.nextActionAt() != CaseDocket.NOTHING_DUE) {
                    store.delete(new Deadline(clock.nextActionAt(), caseId, clock.kind()).key());
                }
            }
        }
        for (RunningClock clock : after.clocks()) {
            if (clock.nextActionAt() != CaseDocket.NOTHING_DUE) {
                store.put(new Deadline(clock.nextActionAt(), caseId, clock.kind()).key(), "");
            }
        }
    }

    /** The deadlines due before {@code time}, earliest first. */
    List<Deadline> dueBefore(long time) {
        List<Deadline> due = new ArrayList<>();
        // '~' sorts after '|': the upper bound of every key due at time - 1
        try (KeyValueIterator<String, String> it = store.range(NOTHING_BEFORE, String.format("%019d~", time - 1))) {
            it.forEachRemaining(kv -> due.add(Deadline.parse(kv.key)));
        }
        return due;
    }

    void remove(Deadline deadline) {
        store.delete(deadline.key());
    }
}
