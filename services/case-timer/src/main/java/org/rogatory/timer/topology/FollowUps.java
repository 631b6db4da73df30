package org.rogatory.timer.topology;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Deserializer;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.timer.domain.CaseDocket;
import org.rogatory.timer.domain.CaseFile;

/**
 * Follow-ups read from the links topic (keyed by the earlier case): applied to the earlier case's
 * file, or parked until that case is opened, and dead letters once every partition has passed
 * their time without it.
 */
final class FollowUps {
    private final CaseFiles files;
    private final ParkedFollowUps parked;
    private final CaseDocket docket;
    private final Deserializer<CaseEvent> events;
    private final String linksTopic;
    private final LinkWatermarks links;
    private final CaseOutputs out;

    FollowUps(CaseFiles files, ParkedFollowUps parked, CaseDocket docket, Deserializer<CaseEvent> events, String linksTopic,
              LinkWatermarks links, CaseOutputs out) {
        this.files = files;
        this.parked = parked;
        this.docket = docket;
        this.events = events;
        this.linksTopic = linksTopic;
        this.links = links;
        this.out = out;
    }

    /** A follow-up of {@code parentId}, read at {@code partition}/{@code offset} of the links topic. */
    void read(String parentId, CaseEvent event, long at, int partition, long offset, byte[] record) {
        CaseFile parent = files.get(parentId);
        if (parent == null) {
            // A follow-up and its earlier case may carry the same timestamp (the router opens both at
            // once), and then either may be read first: keep the notice until the earlier case comes,
            // or until every partition has passed its time without it (expire).
            parked.park(new ParkedFollowUps.Notice(parentId, at, partition, offset, event.getHeader().getCaseId(), record));
            return;
        }
        apply(parent, parentId, event, at);
    }

    /** The earlier case has just been opened: the follow-ups that were waiting for it now count. */
    void opened(String parentId) {
        for (ParkedFollowUps.Notice notice : parked.takeFor(parentId)) {
            apply(files.get(parentId), parentId, events.deserialize(linksTopic, notice.record()), notice.at());
        }
    }

    /** Notices whose earlier case never came, though every partition has passed their time: dead letters. */
    void expire() {
        for (ParkedFollowUps.Notice notice : parked.expireBefore(links.passed())) {
            out.deadLetter(notice.parentId(), DeadLetters.of("case " + notice.caseId() + " follows up unknown case " + notice.parentId(),
                CaseTimerTopology.PROCESSOR, linksTopic, notice.partition(), notice.offset(),
                notice.parentId().getBytes(StandardCharsets.UTF_8), notice.record(), notice.at(), null),
                DeadLetters.Cause.UNKNOWN_REFERENCE, notice.at());
        }
    }

    private void apply(CaseFile parent, String parentId, CaseEvent event, long at) {
        CaseFile updated = docket.recordFollowUp(parent, CaseRecords.notice(parentId, event, at));
        files.save(parentId, parent, updated);
        if (!updated.history().equals(parent.history())) {
            out.view(updated, at);
        }
    }
}
