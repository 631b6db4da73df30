package org.rogatory.timer.topology;

import org.rogatory.contracts.ClockKind;
import org.rogatory.platform.streams.DomainCounters;
import org.rogatory.timer.domain.CaseDocket;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.LegalClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the clocks whose due time the watermark (less the grace) has passed, from the deadline
 * index: each firing may send a warning, escalation steps and the case's new view. Each is stamped with
 * the watermark that decided it, not with when it fell due, so the authorities, which read the
 * same tick, feed it to the node at the next tick whichever of the two read the tick first (the
 * escalation keeps its due time in its own fields).
 */
final class ClockScheduler {
    private static final Logger LOG = LoggerFactory.getLogger(ClockScheduler.class);

    private final DeadlineIndex deadlines;
    private final CaseFiles files;
    private final CaseDocket docket;
    private final LinkWatermarks links;
    private final DomainCounters counters;
    private final CaseOutputs out;
    /** Allowed lateness: clocks are decided this far behind the watermark (0 outside lockstep runs). */
    private final long grace;

    ClockScheduler(DeadlineIndex deadlines, CaseFiles files, CaseDocket docket, LinkWatermarks links, DomainCounters counters,
                   CaseOutputs out, long grace) {
        this.deadlines = deadlines;
        this.files = files;
        this.docket = docket;
        this.links = links;
        this.counters = counters;
        this.out = out;
        this.grace = grace;
    }

    /** Fires every clock due before {@code now}. */
    void fireDue(long now) {
        if (now <= 0) {
            return;
        }
        long linked = Math.min(now, links.passed());
        for (DeadlineIndex.Deadline deadline : deadlines.dueBefore(now)) {
            ClockKind kind = deadline.clock();
            // A clock waiting on another case fires only when every partition has passed its due
            // time: until then a follow-up in time may still be on its way through the links topic.
            long time = LegalClock.of(kind).waitsOnAnotherCase() ? linked : now;
            if (deadline.dueAt() >= time) {
                continue;
            }
            deadlines.remove(deadline);
            String caseId = deadline.caseId();
            CaseFile file = files.get(caseId);
            if (file == null) {
                continue;
            }
            CaseDocket.Firing firing = docket.fire(file, kind, time);
            files.save(caseId, file, firing.file());
            firing.warning().ifPresent(warning -> {
                counters.count("clock-warnings", "clock", warning.clock());
                out.warning(caseId, CaseRecords.warning(firing.file(), warning), time + grace);
            });
            firing.steps().forEach(step -> {
                counters.count("escalations", "level", step.level());
                out.escalation(caseId, CaseRecords.escalation(firing.file(), step), time + grace);
            });
            if (!firing.steps().isEmpty() || firing.lapse().isPresent()) {
                firing.lapse().ifPresent(reason -> LOG.debug("case {} lapsed: {}", caseId, reason));
                out.view(firing.file(), firing.file().updatedAt());
            }
        }
    }
}
