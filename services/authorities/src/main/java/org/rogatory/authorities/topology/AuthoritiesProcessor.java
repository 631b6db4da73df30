package org.rogatory.authorities.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.Handover;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.platform.streams.DomainCounters;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.DeliveryEvidence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nodes of one partition: takes their inputs into the {@link Inbox} ({@link InboxIntake}),
 * and when the coop.clock {@link ClockWatermark} passes them, feeds them to the {@link NodeModels}
 * in simulated-time order (a message sent while its channel was down waits for the channel:
 * {@link ChannelOutages}), publishes what the nodes do and the round trip's hops they send, and
 * records their {@link BacklogView}.
 */
final class AuthoritiesProcessor implements Processor<String, byte[], String, Object> {
    private static final Logger LOG = LoggerFactory.getLogger(AuthoritiesProcessor.class);
    private static final String PROCESSOR = "authorities";

    private final NodeFactory factory;
    private final Deserializer<Transmission> transmissions;
    private final Deserializer<Escalation> escalations;
    private final Deserializer<Inject> injects;
    private final Deserializer<DirectoryEntry> entries;
    private final Deserializer<Handover> handovers;
    private final Deserializer<CaseEvent> playerSteps;

    private ProcessorContext<String, Object> context;
    private ClockWatermark watermark;
    private Inbox inbox;
    private ChannelOutages channelOutages;
    private InboxIntake intake;
    private NodeModels nodes;
    private BacklogView backlogs;
    private DomainCounters counters;
    /** The watermark the nodes were last run to (after a restart: none yet, so the backlogs are written again). */
    private long released = Long.MIN_VALUE;

    AuthoritiesProcessor(NodeFactory factory, Deserializer<Transmission> transmissions,
                         Deserializer<Escalation> escalations, Deserializer<Inject> injects, Deserializer<DirectoryEntry> entries,
                         Deserializer<Handover> handovers, Deserializer<CaseEvent> playerSteps) {
        this.factory = factory;
        this.transmissions = transmissions;
        this.escalations = escalations;
        this.injects = injects;
        this.entries = entries;
        this.handovers = handovers;
        this.playerSteps = playerSteps;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        KeyValueStore<String, byte[]> directory = context.getStateStore(AuthoritiesTopology.DIRECTORY_STORE);
        this.watermark = new ClockWatermark(context.getStateStore(AuthoritiesTopology.WATERMARK_STORE));
        this.inbox = new Inbox(context.getStateStore(AuthoritiesTopology.INBOX_STORE));
        this.channelOutages = new ChannelOutages(context.getStateStore(AuthoritiesTopology.CHANNEL_OUTAGES_STORE));
        this.intake = new InboxIntake(inbox, channelOutages, node -> directory.get(node) != null, transmissions,
                escalations, injects, handovers, playerSteps);
        this.nodes = new NodeModels(factory, node -> entries.deserialize(Topics.DIRECTORY, directory.get(node)),
                channelOutages,
                () -> everyNode(directory), transmissions, escalations, injects, handovers, playerSteps);
        this.backlogs = new BacklogView(context.getStateStore(BacklogView.STORE));
        this.counters = new DomainCounters(context);
        watermark.current().ifPresent(this::rebuild);
    }

    private List<DirectoryEntry> everyNode(KeyValueStore<String, byte[]> directory) {
        List<DirectoryEntry> all = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = directory.all()) {
            it.forEachRemaining(kv -> all.add(entries.deserialize(Topics.DIRECTORY, kv.value)));
        }
        return all;
    }

    /** Replays the inputs already fed: the models are deterministic, so this restores their state. */
    private void rebuild(long storedWatermark) {
        List<KeyValue<InboxKey, byte[]>> fed = inbox.fed();
        fed.forEach(input -> nodes.feed(input.key, input.value));
        // what the nodes did and sent before the restart is already published
        nodes.advanceTo(storedWatermark);
        LOG.info("rebuilt {} nodes from {} inputs up to {}", nodes.size(), fed.size(), Instant.ofEpochMilli(storedWatermark));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        if (origin.topic().equals(Topics.CLOCK)) {
            watermark.tick(record.timestamp());
        } else if (record.value() == null) {
            deadLetter(DeadLetters.Cause.EMPTY, "empty record", record, origin, null);
        } else {
            try {
                intake.take(origin.topic(), record.key(), record.timestamp(), record.value())
                        .ifPresent(rejection -> deadLetter(rejection.cause(), rejection.reason(), record, origin, null));
            } catch (RuntimeException e) {
                deadLetter(DeadLetters.Cause.UNREADABLE, "unreadable record: " + e.getMessage(), record, origin, e);
            }
        }
        watermark.current().ifPresent(upTo -> {
            // only a new tick, a start, or an input already due can give the nodes something to do
            if (upTo != released || inbox.heldDue(upTo)) {
                release(upTo);
            }
        });
    }

    /** Feeds every input before the watermark, in (node, time, kind, case) order, then runs the nodes up to it. */
    private void release(long upTo) {
        boolean fedAny = feedDue(upTo);
        NodeModels.Released done = nodes.advanceTo(upTo);
        for (CaseEvent event : done.events()) {
            if (event.getEvidence() != null) {
                counters.count("delivery-evidence", "type", event.getEvidence().getType());
            }
            if (DeliveryEvidence.movesCase(event.getEvidence() == null ? null : event.getEvidence().getType(), event.getStatus())) {
                counters.count("node-actions", "status", event.getStatus());
            }
            context.forward(new Record<String, Object>(event.getHeader().getCaseId(), event,
                    event.getHeader().getSimulatedTime().toEpochMilli()), AuthoritiesTopology.NODE_ACTIONS_SINK);
        }
        for (Handover hop : done.handovers()) {
            context.forward(new Record<String, Object>(hop.getToNode(), hop, hop.getHeader().getSimulatedTime().toEpochMilli()),
                    AuthoritiesTopology.HANDOVERS_BY_NODE_SINK);
        }
        if (fedAny || upTo != released) {
            nodes.backlogs((node, backlog) -> backlogs.update(node, backlog, upTo));
        }
        released = upTo;
    }

    /** Whether any input was due. */
    private boolean feedDue(long upTo) {
        boolean fed = false;
        for (KeyValue<InboxKey, byte[]> input : inbox.due(upTo)) {
            InboxKey key = input.key;
            InboxKey taken = nodes.asTaken(key);
            inbox.fed(key, taken, input.value);
            nodes.feed(taken, input.value).ifPresent(duplicate -> deadLetterFed(duplicate, key, input.value));
            fed = true;
        }
        return fed;
    }

    /** An input refused when fed: its record's offset is gone, the inbox key says where and when it was. */
    private void deadLetterFed(String reason, InboxKey key, byte[] value) {
        counters.deadLetter(DeadLetters.Cause.REJECTED);
        String topic = Topics.forChannel(channel(value));
        DeadLetter letter = DeadLetters.of(reason, PROCESSOR, topic, context.taskId().partition(), -1,
                key.node().getBytes(StandardCharsets.UTF_8), value, key.at(), null);
        context.forward(new Record<String, Object>(key.node(), letter, key.at()), AuthoritiesTopology.DEADLETTER_SINK);
    }

    private Channel channel(byte[] transmission) {
        return transmissions.deserialize(Topics.CHANNEL_CENTRAL_AUTHORITY, transmission).getChannel();
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
}
