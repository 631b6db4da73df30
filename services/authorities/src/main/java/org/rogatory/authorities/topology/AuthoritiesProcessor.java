package org.rogatory.authorities.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rogatory.authorities.domain.Arrival;
import org.rogatory.authorities.domain.Authority;
import org.rogatory.authorities.domain.NodeAction;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.InjectKind;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.platform.streams.DomainCounters;
import org.rogatory.platform.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes of one partition: buffers their inputs until the coop.clock watermark passes them,
 * feeds them to the node models in simulated-time order, and publishes what the nodes do.
 *
 * <p>Inbox store keys: {@code P|node|time|kind|tie} for inputs waiting for the watermark,
 * {@code F|node|time|kind|tie} for inputs already fed (kept to rebuild the models after a
 * restart). Kinds order simultaneous inputs: injects, then transmissions, then escalations;
 * the tie-breaker starts with the case id.
 */
final class AuthoritiesProcessor implements Processor<String, byte[], String, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(AuthoritiesProcessor.class);
    private static final String PROCESSOR = "authorities";
    private static final String PENDING = "P|";
    private static final String FED = "F|";
    private static final String WATERMARK = "watermark";
    private static final char INJECT = '0';
    private static final char TRANSMISSION = '1';
    private static final char ESCALATION = '2';

    private final NodeFactory nodes;
    private final Deserializer<Transmission> transmissions;
    private final Deserializer<Escalation> escalations;
    private final Deserializer<Inject> injects;
    private final Deserializer<DirectoryEntry> entries;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, byte[]> inbox;
    private KeyValueStore<String, Long> watermarks;
    private KeyValueStore<String, Long> channelOutages;
    private KeyValueStore<String, byte[]> directory;
    private final Map<String, Authority> authorities = new TreeMap<>();
    private final Map<String, CaseOrigin> origins = new HashMap<>();
    private long watermark = Long.MIN_VALUE;
    /** Whether the inbox holds an input the watermark has passed: only then (or on a new tick) is it scanned. */
    private boolean inputDue;
    private DomainCounters counters;

    AuthoritiesProcessor(NodeFactory nodes, Deserializer<Transmission> transmissions, Deserializer<Escalation> escalations,
                         Deserializer<Inject> injects, Deserializer<DirectoryEntry> entries) {
        this.nodes = nodes;
        this.transmissions = transmissions;
        this.escalations = escalations;
        this.injects = injects;
        this.entries = entries;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.inbox = context.getStateStore(AuthoritiesTopology.INBOX_STORE);
        this.watermarks = context.getStateStore(AuthoritiesTopology.WATERMARK_STORE);
        this.channelOutages = context.getStateStore(AuthoritiesTopology.CHANNEL_OUTAGES_STORE);
        this.directory = context.getStateStore(AuthoritiesTopology.DIRECTORY_STORE);
        this.counters = new DomainCounters(context);
        Long stored = watermarks.get(WATERMARK);
        if (stored != null) {
            rebuild(stored);
        }
        inputDue = true; // whatever the inbox holds, the first record after a start looks at it
    }

    /** Replays the inputs already fed: the models are deterministic, so this restores their state. */
    private void rebuild(long storedWatermark) {
        List<KeyValue<String, byte[]>> fed = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = inbox.prefixScan(FED, new StringSerializer())) {
            it.forEachRemaining(fed::add);
        }
        fed.forEach(kv -> feed(InboxKey.parse(kv.key), kv.value));
        // what the nodes did before the restart is already published; only the last status is kept
        authorities.values().forEach(node -> node.advanceTo(storedWatermark)
                .forEach(action -> origins.get(action.caseId()).last = action.status()));
        watermark = storedWatermark;
        LOG.info("rebuilt {} nodes from {} inputs up to {}", authorities.size(), fed.size(), Instant.ofEpochMilli(storedWatermark));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        String topic = origin.topic();
        if (topic.equals(Topics.CLOCK)) {
            if (record.timestamp() > watermark) {
                watermark = record.timestamp();
                watermarks.put(WATERMARK, watermark);
                inputDue = true;
            }
        } else if (record.value() == null) {
            deadLetter(DeadLetters.Cause.EMPTY, "empty record", record, origin, null);
        } else {
            try {
                buffer(topic, record, origin);
            } catch (RuntimeException e) {
                deadLetter(DeadLetters.Cause.UNREADABLE, "unreadable record: " + e.getMessage(), record, origin, e);
            }
        }
        if (inputDue) {
            // a scan of the whole inbox per record would cost a step's inputs squared
            release();
        }
    }

    private void buffer(String topic, Record<String, byte[]> record, RecordMetadata origin) {
        if (topic.equals(Topics.INJECTS)) {
            Inject inject = injects.deserialize(topic, record.value());
            if (inject.getKind() == InjectKind.CHANNEL_OUTAGE && inject.getEndAt() != null) {
                // every partition receives channel-wide injects: each keeps the window for its own nodes
                channelOutages.put(inject.getTarget() + "|" + String.format("%020d", inject.getStartAt().toEpochMilli()),
                        inject.getEndAt().toEpochMilli());
                return;
            }
            if (inject.getKind() != InjectKind.NODE_OUTAGE && inject.getKind() != InjectKind.STAFF_CUT
                    && inject.getKind() != InjectKind.CHANNEL_OUTAGE) {
                return; // surge and directory injects are the router's and the simulator's
            }
            if (inject.getEndAt() == null) {
                deadLetter(DeadLetters.Cause.REJECTED, inject.getKind() + " inject without an end", record, origin, null);
            } else if (inject.getKind() == InjectKind.STAFF_CUT && !inject.getParameters().getOrDefault("officers", "").matches("\\d+")) {
                deadLetter(DeadLetters.Cause.REJECTED, "STAFF_CUT inject without a whole number of officers", record, origin, null);
            } else if (knownNode(inject.getTarget(), record, origin)) {
                store(inject.getTarget(), inject.getStartAt().toEpochMilli(), INJECT, inject.getHeader().getEventId(), record.value());
            }
        } else if (topic.equals(AuthoritiesTopology.ESCALATIONS_BY_NODE_TOPIC)) {
            Escalation escalation = escalations.deserialize(topic, record.value());
            if (knownNode(record.key(), record, origin)) {
                store(record.key(), record.timestamp(), ESCALATION,
                        escalation.getHeader().getCaseId() + "|" + escalation.getHeader().getEventId(), record.value());
            }
        } else {
            Transmission transmission = transmissions.deserialize(topic, record.value());
            if (!transmission.getToNode().equals(record.key())) {
                deadLetter(DeadLetters.Cause.MISKEYED, "record key '" + record.key() + "' is not the receiving node '" + transmission.getToNode() + "'",
                        record, origin, null);
            } else if (knownNode(transmission.getToNode(), record, origin)) {
                store(transmission.getToNode(), record.timestamp(), TRANSMISSION,
                        transmission.getHeader().getCaseId() + "|" + transmission.getMessageId(), record.value());
            }
        }
    }

    private boolean knownNode(String nodeId, Record<String, byte[]> record, RecordMetadata origin) {
        if (nodeId == null || directory.get(nodeId) == null) {
            deadLetter(DeadLetters.Cause.UNKNOWN_REFERENCE, "node '" + nodeId + "' is not in the directory", record, origin, null);
            return false;
        }
        return true;
    }

    private void store(String node, long at, char kind, String tie, byte[] value) {
        inbox.put(new InboxKey(node, Math.max(0, at), kind, tie).render(PENDING), value);
        inputDue |= Math.max(0, at) < watermark;
    }

    /** Feeds every input the watermark has passed, in (node, time, kind, case) order, then runs the nodes up to it. */
    private void release() {
        inputDue = false;
        if (watermark == Long.MIN_VALUE) {
            return;
        }
        while (feedDue()) {
            // a message held by a channel outage that is already over is due in the same release
        }
        for (Authority node : authorities.values()) {
            for (NodeAction action : node.advanceTo(watermark)) {
                publish(action);
            }
        }
    }

    /** Feeds the inputs due at the watermark; true if some were held for a channel outage instead. */
    private boolean feedDue() {
        boolean held = false;
        List<KeyValue<String, byte[]>> due = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = inbox.prefixScan(PENDING, new StringSerializer())) {
            it.forEachRemaining(kv -> {
                // strictly: a tick at t says nothing earlier is to come, but more may come at t itself
                if (InboxKey.parse(kv.key).at() < watermark) {
                    due.add(kv);
                }
            });
        }
        for (KeyValue<String, byte[]> kv : due) {
            InboxKey key = InboxKey.parse(kv.key);
            long restored = key.kind() == TRANSMISSION ? channelRestoredAt(kv.value, key.at()) : key.at();
            if (restored > key.at()) {
                // sent while its channel was down: delivered when the channel comes back (e-CODEX holds it)
                inbox.delete(kv.key);
                inbox.put(key.at(restored).render(PENDING), kv.value);
                held |= restored < watermark;
                continue;
            }
            Authority node = authorities.get(key.node());
            // an input the watermark has already passed counts from the node's present: never rewrite its past
            InboxKey effective = node == null || key.at() >= node.now() ? key : key.at(node.now());
            inbox.delete(kv.key);
            inbox.put(effective.render(FED), kv.value);
            feed(effective, kv.value);
        }
        return held;
    }

    /** When the message's channel is up again, if it was down at {@code at} (outages may follow one another). */
    private long channelRestoredAt(byte[] transmission, long at) {
        String channel = transmissions.deserialize(Topics.CHANNEL_CENTRAL_AUTHORITY, transmission).getChannel().name();
        long restored = at;
        boolean moved = true;
        while (moved) {
            moved = false;
            try (KeyValueIterator<String, Long> it = channelOutages.prefixScan(channel + "|", new StringSerializer())) {
                while (it.hasNext()) {
                    KeyValue<String, Long> outage = it.next();
                    long start = Long.parseLong(outage.key.substring(outage.key.indexOf('|') + 1));
                    if (start <= restored && restored < outage.value) {
                        restored = outage.value;
                        moved = true;
                    }
                }
            }
        }
        return restored;
    }

    private void feed(InboxKey key, byte[] value) {
        Authority node = authorities.computeIfAbsent(key.node(), id -> nodes.create(directoryEntry(id), key.at()));
        switch (key.kind()) {
            case INJECT -> {
                Inject inject = injects.deserialize(Topics.INJECTS, value);
                long until = Math.max(inject.getEndAt().toEpochMilli(), key.at() + 1);
                if (inject.getKind() == InjectKind.NODE_OUTAGE) {
                    node.outage(key.at(), until);
                } else {
                    node.staffCut(key.at(), until, Integer.parseInt(inject.getParameters().get("officers")));
                }
            }
            case TRANSMISSION -> {
                Transmission t = transmissions.deserialize(Topics.CHANNEL_CENTRAL_AUTHORITY, value);
                String caseId = t.getHeader().getCaseId();
                if (node.receive(new Arrival(caseId, t.getRequest().getRequestType(), t.getRequest().getLanguage(), key.at(),
                        t.getRequest().getUrgent() ? 1 : 0))) {
                    origins.put(caseId, new CaseOrigin(t.getHeader().getCorrelationId(), t.getHeader().getEventId(),
                            t.getHeader().getClassification(), t.getRequest().getRequestType(), t.getChannel()));
                }
            }
            case ESCALATION -> {
                Escalation e = escalations.deserialize(AuthoritiesTopology.ESCALATIONS_BY_NODE_TOPIC, value);
                // reminder 2, supervisor 3, ...: above urgent requests (1), which are above the rest (0)
                node.escalate(e.getHeader().getCaseId(), key.at(), e.getLevel().ordinal() + 2);
            }
            default -> throw new IllegalStateException("unknown inbox kind " + key.kind());
        }
    }

    private DirectoryEntry directoryEntry(String nodeId) {
        return entries.deserialize(Topics.DIRECTORY, directory.get(nodeId));
    }

    private void publish(NodeAction action) {
        CaseOrigin origin = origins.get(action.caseId());
        EventHeader header = EventHeader.newBuilder()
                .setEventId(action.caseId() + "/" + action.nodeId() + "/" + action.status() + "/" + action.at())
                .setCaseId(action.caseId())
                .setCorrelationId(origin.correlationId())
                .setCausationId(origin.causationId())
                .setSimulatedTime(Instant.ofEpochMilli(action.at()))
                .setSourceNode(action.nodeId())
                .setClassification(origin.classification())
                .build();
        CaseEvent event = CaseEvent.newBuilder()
                .setHeader(header)
                .setStatus(action.status())
                .setPreviousStatus(origin.last)
                .setNodeId(action.nodeId())
                .setChannel(origin.channel())
                .setRequestType(origin.requestType())
                .setReasonCodes(action.reasonCodes())
                .setRefusalGround(action.refusalGround())
                .setDetail(action.detail())
                .build();
        origin.last = action.status();
        counters.count("node-actions", "status", action.status());
        context.forward(new Record<String, Object>(action.caseId(), event, action.at()), AuthoritiesTopology.NODE_ACTIONS_SINK);
    }

    private void deadLetter(DeadLetters.Cause cause, String reason, Record<String, byte[]> record, RecordMetadata origin,
                            Exception error) {
        counters.deadLetter(cause);
        LOG.debug("dead letter from {}-{}@{}: {}", origin.topic(), origin.partition(), origin.offset(), reason);
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetters.of(reason, PROCESSOR, origin.topic(), origin.partition(), origin.offset(),
                key, record.value(), record.timestamp(), error);
        context.forward(new Record<String, Object>(record.key(), letter, record.timestamp()), AuthoritiesTopology.DEADLETTER_SINK);
    }

    /** What the events of a case carry over from the transmission that brought it. */
    private static final class CaseOrigin {
        private final String correlationId;
        private final String causationId;
        private final Classification classification;
        private final RequestType requestType;
        private final Channel channel;
        private CaseStatus last;

        CaseOrigin(String correlationId, String causationId, Classification classification, RequestType requestType,
                   Channel channel) {
            this.correlationId = correlationId;
            this.causationId = causationId;
            this.classification = classification;
            this.requestType = requestType;
            this.channel = channel;
        }

        String correlationId() {
            return correlationId;
        }

        String causationId() {
            return causationId;
        }

        Classification classification() {
            return classification;
        }

        RequestType requestType() {
            return requestType;
        }

        Channel channel() {
            return channel;
        }
    }
}
