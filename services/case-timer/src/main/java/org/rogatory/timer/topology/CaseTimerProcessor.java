package org.rogatory.timer.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.ClockWarning;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.platform.streams.DomainCounters;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.CaseChange;
import org.rogatory.timer.domain.CaseDocket;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.LadderPolicy;
import org.rogatory.timer.domain.LinkNotice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * One processor per partition for every case on it: applies router decisions and node actions
 * to the {@link CaseFiles}, passes {@link FollowUps} to the cases they link to, and has the
 * {@link ClockScheduler} fire clocks when the watermark passes their due time. Clocks are decided
 * on the coop.clock ticks only (less the grace), never on the time of other inputs: a router
 * decision stamped a day ahead of the watermark does not decide clocks before the node actions
 * they wait for. A late step settles its clock instead of racing its decision ({@link CaseDocket}).
 */
final class CaseTimerProcessor implements Processor<String, byte[], String, Object>, CaseOutputs {

    private static final Logger LOG = LoggerFactory.getLogger(CaseTimerProcessor.class);

    private final ClockPolicy clocks;
    private final LadderPolicy ladder;
    private final Deserializer<CaseEvent> events;
    private final Deserializer<DirectoryEntry> entries;
    private final String linksTopic;
    /** Allowed lateness: clocks are decided this far behind the watermark (0 outside lockstep runs). */
    private final long watermarkGrace;
    private final LinkWatermarks links;
    /** The latest coop.clock tick on this partition: clocks are decided up to it, less the grace. */
    private long watermark = Long.MIN_VALUE;

    private ProcessorContext<String, Object> context;
    private CaseFiles files;
    private CaseDocket docket;
    private FollowUps followUps;
    private ClockScheduler scheduler;
    private DomainCounters counters;

    CaseTimerProcessor(ClockPolicy clocks, LadderPolicy ladder, Deserializer<CaseEvent> events,
                       Deserializer<DirectoryEntry> entries, String linksTopic, int partitions, long watermarkGrace) {
        this.clocks = clocks;
        this.ladder = ladder;
        this.events = events;
        this.entries = entries;
        this.linksTopic = linksTopic;
        this.watermarkGrace = watermarkGrace;
        this.links = new LinkWatermarks(partitions);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.counters = new DomainCounters(context);
        DeadlineIndex deadlines = new DeadlineIndex(context.getStateStore(CaseTimerTopology.DEADLINES_STORE));
        this.files = new CaseFiles(context.getStateStore(CaseTimerTopology.CASE_FILES_STORE), deadlines, counters);
        this.docket = new CaseDocket(clocks, ladder,
            new DirectoryRegister(context.getStateStore(CaseTimerTopology.DIRECTORY_STORE), entries));
        this.followUps = new FollowUps(files, new ParkedFollowUps(context.getStateStore(CaseTimerTopology.PARKED_FOLLOW_UPS_STORE)),
            docket, events, linksTopic, links, this);
        this.scheduler = new ClockScheduler(deadlines, files, docket, links, counters, this, watermarkGrace);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        String topic = origin.topic();
        boolean tick = topic.equals(Topics.CLOCK);
        boolean mark = topic.equals(linksTopic) && LinkWatermarks.isMark(record.key());
        if (tick) {
            watermark = Math.max(watermark, record.timestamp());
        } else if (mark) {
            links.record(record.key(), record.timestamp());
            followUps.expire();
        } else {
            CaseEvent event = readable(record, origin);
            if (event != null) {
                if (topic.equals(linksTopic)) {
                    onFollowUp(record, origin, event);
                } else {
                    onStep(record, origin, event,
                        topic.equals(Topics.CASE_EVENTS) ? CaseChange.Source.ROUTER : CaseChange.Source.NODE);
                }
            }
        }
        // Only watermarks (the tick, and the other partitions' marks for clocks waiting on their
        // cases) move the decisions; a case step never does.
        if (watermark == Long.MIN_VALUE || !(tick || mark)) {
            return;
        }
        long decidedUpTo = watermark - watermarkGrace;
        scheduler.fireDue(decidedUpTo);
        if (tick && decidedUpTo > 0) {
            // Everything this partition sent to the links topic up to what it has decided precedes
            // this mark there. Only ticks send marks: marks sent on marks would never stop.
            context.forward(new Record<String, Object>(LinkWatermarks.mark(context.taskId().partition()), null, decidedUpTo),
                CaseTimerTopology.LINKS_SINK);
        }
    }

    private CaseEvent readable(Record<String, byte[]> record, RecordMetadata origin) {
        if (record.value() == null) {
            deadLetter(DeadLetters.Cause.EMPTY, "empty record where a CaseEvent was expected", record, origin, null);
            return null;
        }
        try {
            return events.deserialize(origin.topic(), record.value());
        } catch (RuntimeException e) {
            deadLetter(DeadLetters.Cause.UNREADABLE, "unreadable CaseEvent: " + e.getMessage(), record, origin, e);
            return null;
        }
    }

    private void onStep(Record<String, byte[]> record, RecordMetadata origin, CaseEvent event, CaseChange.Source source) {
        String caseId = event.getHeader().getCaseId();
        if (record.key() != null && !record.key().equals(caseId)) {
            deadLetter(DeadLetters.Cause.MISKEYED, "record key '" + record.key() + "' is not the case id '" + caseId + "'", record, origin, null);
            return;
        }
        CaseFile current = files.get(caseId);
        switch (docket.record(current, CaseRecords.change(event, source, record.timestamp()), CaseRecords.evidence(event))) {
            case CaseDocket.Rejected rejected -> deadLetter(DeadLetters.Cause.REJECTED, rejected.reason(), record, origin, null);
            case CaseDocket.Accepted accepted -> {
                files.save(caseId, current, accepted.file());
                view(accepted.file(), record.timestamp());
                if (current == null) {
                    followUps.opened(caseId);
                }
                // The follow-up's own record, re-keyed by the earlier case: it lands on that case's
                // partition of the link topic, which this same processor reads.
                for (LinkNotice notice : accepted.notices()) {
                    context.forward(new Record<String, Object>(notice.parentCaseId(), record.value(), record.timestamp()),
                        CaseTimerTopology.LINKS_SINK);
                }
            }
        }
    }

    private void onFollowUp(Record<String, byte[]> record, RecordMetadata origin, CaseEvent event) {
        if (record.key() == null) {
            deadLetter(DeadLetters.Cause.MISKEYED, "case " + event.getHeader().getCaseId() + " follows up no case (links record without key)",
                record, origin, null);
            return;
        }
        followUps.read(record.key(), event, record.timestamp(), origin.partition(), origin.offset(), record.value());
    }

    @Override
    public void view(CaseFile file, long at) {
        context.forward(new Record<String, Object>(file.caseId(), CaseRecords.view(file), at), CaseTimerTopology.CASES_SINK);
    }

    @Override
    public void escalation(String caseId, Escalation escalation, long at) {
        context.forward(new Record<String, Object>(caseId, escalation, at), CaseTimerTopology.ESCALATIONS_SINK);
    }

    @Override
    public void warning(String caseId, ClockWarning warning, long at) {
        context.forward(new Record<String, Object>(caseId, warning, at), CaseTimerTopology.CLOCK_WARNINGS_SINK);
    }

    @Override
    public void deadLetter(String key, DeadLetter letter, DeadLetters.Cause cause, long at) {
        counters.deadLetter(cause);
        context.forward(new Record<String, Object>(key, letter, at), CaseTimerTopology.DEADLETTER_SINK);
    }

    private void deadLetter(DeadLetters.Cause cause, String reason, Record<String, byte[]> record, RecordMetadata origin,
                            Exception error) {
        LOG.debug("dead letter from {}-{}@{}: {}", origin.topic(), origin.partition(), origin.offset(), reason);
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        deadLetter(record.key(), DeadLetters.of(reason, CaseTimerTopology.PROCESSOR, origin.topic(), origin.partition(),
            origin.offset(), key, record.value(), record.timestamp(), error), cause, record.timestamp());
    }
}
