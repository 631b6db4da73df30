package org.rogatory.timer.topology;

import org.rogatory.platform.streams.DomainCounters;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.ClockRecord;

import java.util.List;

/**
 * Counts, per clock, what one change of a case file did to its clocks: started, met, missed. The
 * case history keeps one record per clock start, appended and then only updated in place, so
 * the records of the two versions pair up by position.
 */
final class ClockCounts {

    private ClockCounts() {
    }

    static void count(CaseFile before, CaseFile after, DomainCounters counters) {
        List<ClockRecord> was = before == null ? List.of() : before.history();
        List<ClockRecord> now = after.history();
        for (int i = 0; i < now.size(); i++) {
            ClockRecord clock = now.get(i);
            ClockRecord earlier = i < was.size() ? was.get(i) : null;
            if (earlier == null) {
                counters.count("clocks-started", "clock", clock.kind());
            }
            if (clock.metAt() != null && (earlier == null || earlier.metAt() == null)) {
                counters.count("clocks-met", "clock", clock.kind());
            }
            if (clock.missed() && (earlier == null || !earlier.missed())) {
                counters.count("clocks-missed", "clock", clock.kind());
            }
        }
    }
}
