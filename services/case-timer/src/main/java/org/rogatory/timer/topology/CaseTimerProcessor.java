package org.rogatory.timer.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.platform.streams.DomainCounters;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.CaseChange;
import org.rogatory.timer.domain.CaseDocket;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.LadderPolicy;
import org.rogatory.timer.domain.LegalClock;
import org.rogatory.timer.domain.LinkNotice;
import org.rogatory.timer.domain.RunningClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One processor per partition for every case on it: applies router decisions and node actions
 * to the case files, passes follow-up steps to the cases they link to, and fires clocks when
 * stream time (record timestamps and coop.clock ticks) passes their due time.
 *
 * <p>Due times live in a deadline index (key = zero-padded due millis | case id | clock), so
 * firing reads only the due range, never every case. Clocks are decided on the coop.clock ticks
 * only (the watermark, minus the grace), never on the time of other inputs: a router decision
 * stamped a day ahead of the watermark does not decide clocks before the node actions they wait
 * for. A late step settles its clock instead of racing its decision (CaseDocket), and each
 * escalation is stamped with the watermark that decided it, so the authorities, which read the
 * same tick, feed it to the node at the next tick whichever of the two read the tick first.
 */
final class CaseTimerProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(CaseTimerProcessor.class);
    private static final String PROCESSOR = "case-timer";
    private static final String NOTHING_BEFORE = "0";

    private final ClockPolicy clocks;
    private final LadderPolicy ladder;
    private final Deserializer<CaseEvent> events;
    private final Deserializer<DirectoryEntry> entries;
    private final String linksTopic;
    private final int partitions;
    /** Allowed lateness: clocks are decided this far behind stream time (0 outside lockstep runs). */
    private final long watermarkGrace;
    /** Stream time each partition has announced on the links topic (re-learned after a restart). */
    private final Map<Integer, Long> watermarks = new HashMap<>();
    /** The latest tick of coop.clock on this partition: clocks are decided up to it, minus the grace. */
    private long watermark = Long.MIN_VALUE;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, CaseFile> files;
    private KeyValueStore<String, String> deadlines;
    private KeyValueStore<String, byte[]> parked;
    private CaseDocket docket;
    private DomainCounters counters;

    CaseTimerProcessor(ClockPolicy clocks, LadderPolicy ladder, Deserializer<CaseEvent> events,
                       Deserializer<DirectoryEntry> entries, String linksTopic, int partitions, long watermarkGrace) {
        this.clocks = clocks;
        this.ladder = ladder;
        this.events = events;
        this.entries = entries;
        this.linksTopic = linksTopic;
        this.partitions = partitions;
        this.watermarkGrace = watermarkGrace;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.files = context.getStateStore(CaseTimerTopology.CASE_FILES_STORE);
        this.deadlines = context.getStateStore(CaseTimerTopology.DEADLINES_STORE);
        this.parked = context.getStateStore(CaseTimerTopology.PARKED_FOLLOW_UPS_STORE);
        this.docket = new CaseDocket(clocks, ladder,
            new DirectoryRegister(context.getStateStore(CaseTimerTopology.DIRECTORY_STORE), entries));
        this.counters = new DomainCounters(context);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        String topic = origin.topic();
        boolean tick = topic.equals(Topics.CLOCK);
        if (tick) {
            watermark = Math.max(watermark, record.timestamp());
        } else if (topic.equals(linksTopic) && Watermark.is(record.key())) {
            watermarks.merge(Watermark.partition(record.key()), record.timestamp(), Math::max);
            expireParked();
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
        // Only the watermarks (the tick, and the other partitions' marks for clocks waiting on
        // their cases) move the decisions; a case step never does.
        if (watermark == Long.MIN_VALUE || !(tick || topic.equals(linksTopic) && Watermark.is(record.key()))) {
            return;
        }
        long decidedUpTo = watermark - watermarkGrace;
        fireDue(decidedUpTo);
        if (tick && decidedUpTo > 0) {
            // Everything this partition sent to the links topic up to what it has decided precedes
            // this mark there. Only ticks send marks: marks sent on marks would never stop.
            context.forward(new Record<String, Object>(Watermark.of(context.taskId().partition()), null, decidedUpTo),
                CaseTimerTopology.LINKS_SINK);
        }
    }

    /** The time every partition has decided up to: a follow-up stamped earlier has reached its case. */
    private long linkWatermark() {
        if (watermarks.size() < partitions) {
            return Long.MIN_VALUE;
        }
        return watermarks.values().stream().mapToLong(Long::longValue).min().orElse(Long.MIN_VALUE);
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
        switch (docket.record(current, CaseRecords.change(event, source, record.timestamp()))) {
            case CaseDocket.Rejected rejected -> deadLetter(DeadLetters.Cause.REJECTED, rejected.reason(), record, origin, null);
            case CaseDocket.Accepted accepted -> {
                save(caseId, current, accepted.file());
                publish(accepted.file(), record.timestamp());
                if (current == null) {
                    applyParked(caseId);
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
        String parentId = record.key();
        CaseFile parent = parentId == null ? null : files.get(parentId);
        if (parentId == null) {
            deadLetter(DeadLetters.Cause.MISKEYED, "case " + event.getHeader().getCaseId() + " follows up no case (links record without key)",
                record, origin, null);
            return;
        }
        if (parent == null) {
            // A follow-up and its earlier case may carry the same timestamp (the router opens both at
            // once), and then either may be read first: keep the notice until the earlier case comes,
            // or until every partition has passed its time without it (expireParked).
            parked.put(String.join("|", parentId, "%020d".formatted(record.timestamp()),
                String.valueOf(origin.partition()), String.valueOf(origin.offset()), event.getHeader().getCaseId()),
                record.value());
            return;
        }
        applyFollowUp(parent, parentId, event, record.timestamp());
    }

    /** The earlier case has just been opened: the follow-ups that were waiting for it now count. */
    private void applyParked(String parentId) {
        List<KeyValue<String, byte[]>> waiting = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = parked.prefixScan(parentId + "|", new StringSerializer())) {
            it.forEachRemaining(waiting::add);
        }
        for (KeyValue<String, byte[]> notice : waiting) {
            parked.delete(notice.key);
            CaseEvent event = events.deserialize(linksTopic, notice.value);
            applyFollowUp(files.get(parentId), parentId, event, ParkedKey.time(notice.key));
        }
    }

    /** Notices whose earlier case never came, though every partition has passed their time: dead letters. */
    private void expireParked() {
        long passed = linkWatermark();
        List<KeyValue<String, byte[]>> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = parked.all()) {
            it.forEachRemaining(kv -> {
                if (ParkedKey.time(kv.key) < passed) {
                    expired.add(kv);
                }
            });
        }
        for (KeyValue<String, byte[]> notice : expired) {
            parked.delete(notice.key);
            String[] key = notice.key.split("\\|");
            DeadLetter letter = DeadLetters.of("case " + key[4] + " follows up unknown case " + key[0], PROCESSOR,
                linksTopic, Integer.parseInt(key[2]), Long.parseLong(key[3]), key[0].getBytes(StandardCharsets.UTF_8),
                notice.value, ParkedKey.time(notice.key), null);
            counters.deadLetter(DeadLetters.Cause.UNKNOWN_REFERENCE);
            context.forward(new Record<String, Object>(key[0], letter, ParkedKey.time(notice.key)),
                CaseTimerTopology.DEADLETTER_SINK);
        }
    }

    /** Keys of parked follow-ups: {@code parent|time|partition|offset|case}. */
    private static final class ParkedKey {
        private ParkedKey() {
        }

        static long time(String key) {
            return Long.parseLong(key.split("\\|")[1]);
        }
    }

    private void applyFollowUp(CaseFile parent, String parentId, CaseEvent event, long at) {
        CaseFile updated = docket.recordFollowUp(parent, CaseRecords.notice(parentId, event, at));
        save(parentId, parent, updated);
        if (!updated.history().equals(parent.history())) {
            publish(updated, at);
        }
    }

    /** Fires every clock whose due time the watermark (less the grace) has passed. */
    private void fireDue(long now) {
        if (now <= 0) {
            return;
        }
        List<String> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = deadlines.range(NOTHING_BEFORE, DeadlineKey.upTo(now - 1))) {
            it.forEachRemaining(kv -> due.add(kv.key));
        }
        long linked = Math.min(now, linkWatermark());
        for (String key : due) {
            ClockKind kind = DeadlineKey.clock(key);
            // A clock waiting on another case fires only when every partition has passed its due
            // time: until then a follow-up in time may still be on its way through the links topic.
            long time = LegalClock.of(kind).waitsOnAnotherCase() ? linked : now;
            if (DeadlineKey.dueAt(key) >= time) {
                continue;
            }
            deadlines.delete(key);
            String caseId = DeadlineKey.caseId(key);
            CaseFile file = files.get(caseId);
            if (file == null) {
                continue;
            }
            CaseDocket.Firing firing = docket.fire(file, kind, time);
            save(caseId, file, firing.file());
            firing.steps().forEach(step -> {
                counters.count("escalations", "level", step.level());
                // Sent when decided: the watermark that let the timer decide `time` (the header keeps when it fell due).
                context.forward(new Record<String, Object>(caseId, CaseRecords.escalation(firing.file(), step),
                    time + watermarkGrace), CaseTimerTopology.ESCALATIONS_SINK);
            });
            if (!firing.steps().isEmpty() || firing.lapse().isPresent()) {
                firing.lapse().ifPresent(reason -> LOG.debug("case {} lapsed: {}", caseId, reason));
                publish(firing.file(), firing.file().updatedAt());
            }
        }
    }

    private void save(String caseId, CaseFile before, CaseFile after) {
        if (before == after) {
            return;
        }
        ClockCounts.count(before, after, counters);
        if (before != null) {
            for (RunningClock clock : before.clocks()) {
                if (clock.nextDueAt() != CaseDocket.NOTHING_DUE) {
                    deadlines.delete(DeadlineKey.of(clock.nextDueAt(), caseId, clock.kind()));
                }
            }
        }
        for (RunningClock clock : after.clocks()) {
            if (clock.nextDueAt() != CaseDocket.NOTHING_DUE) {
                deadlines.put(DeadlineKey.of(clock.nextDueAt(), caseId, clock.kind()), "");
            }
        }
        files.put(caseId, after);
    }

    private void publish(CaseFile file, long timestamp) {
        context.forward(new Record<String, Object>(file.caseId(), CaseRecords.view(file), timestamp),
            CaseTimerTopology.CASES_SINK);
    }

    private void deadLetter(DeadLetters.Cause cause, String reason, Record<String, byte[]> record, RecordMetadata origin,
                            Exception error) {
        counters.deadLetter(cause);
        LOG.debug("dead letter from {}-{}@{}: {}", origin.topic(), origin.partition(), origin.offset(), reason);
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetters.of(reason, PROCESSOR, origin.topic(), origin.partition(), origin.offset(),
            key, record.value(), record.timestamp(), error);
        context.forward(new Record<String, Object>(record.key(), letter, record.timestamp()), CaseTimerTopology.DEADLETTER_SINK);
    }

    /**
     * A partition's progress, multicast to every partition of the links topic after each tick
     * (key {@code \u0000watermark:<partition>}, no value, timestamp = the time it has decided up to).
     */
    static final class Watermark {
        private static final String PREFIX = "\u0000watermark:";

        private Watermark() {
        }

        static String of(int partition) {
            return PREFIX + partition;
        }

        static boolean is(String key) {
            return key != null && key.startsWith(PREFIX);
        }

        static int partition(String key) {
            return Integer.parseInt(key.substring(PREFIX.length()));
        }
    }

    /** Keys of the deadline index: they sort by due time because the millis are zero-padded. */
    static final class DeadlineKey {
        private DeadlineKey() {
        }

        static String of(long dueAt, String caseId, ClockKind clock) {
            return String.format("%019d|%s|%s", dueAt, caseId, clock.name());
        }

        /** Upper bound of every key due at or before {@code dueAt} ('~' sorts after '|'). */
        static String upTo(long dueAt) {
            return String.format("%019d~", dueAt);
        }

        static long dueAt(String key) {
            return Long.parseLong(key.substring(0, 19));
        }

        static String caseId(String key) {
            return key.substring(20, key.lastIndexOf('|'));
        }

        static ClockKind clock(String key) {
            return ClockKind.valueOf(key.substring(key.lastIndexOf('|') + 1));
        }
    }
}
