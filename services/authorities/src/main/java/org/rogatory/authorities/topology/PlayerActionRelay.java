package org.rogatory.authorities.topology;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.platform.streams.DomainCounters;

/**
 * Relays what people playing a node did (coop.player-actions, written by the gateway) to
 * coop.node-actions, the one topic of what nodes do: the case timer and the report read a
 * player's step as any node's. Only the nodes of the exercise's players are relayed; a step for a
 * simulated node would race its model, and is dead-lettered. Whether the step suits the case's
 * state is the case timer's judgement, as for the simulated nodes. A forward for execution
 * ({@code IN_EXECUTION}) also goes to the played node's model, keyed by the node: the model sends the
 * request on to its state's executing authority (the round trip, docs/nodes.md#played-nodes).
 */
final class PlayerActionRelay implements Processor<String, byte[], String, Object> {
    private static final String PROCESSOR = "authorities/player-action-relay";

    private final Deserializer<CaseEvent> events;
    private final Set<String> played;
    private ProcessorContext<String, Object> context;
    private DomainCounters counters;

    PlayerActionRelay(Deserializer<CaseEvent> events, Set<String> played) {
        this.events = events;
        this.played = Set.copyOf(played);
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.counters = new DomainCounters(context);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        if (record.value() == null) {
            deadLetter(DeadLetters.Cause.EMPTY, "empty record where a CaseEvent was expected", record, origin, null);
            return;
        }
        CaseEvent action;
        try {
            action = events.deserialize(origin.topic(), record.value());
        } catch (RuntimeException e) {
            deadLetter(DeadLetters.Cause.UNREADABLE, "unreadable CaseEvent: " + e.getMessage(), record, origin, e);
            return;
        }
        String caseId = action.getHeader().getCaseId();
        if (!caseId.equals(record.key())) {
            deadLetter(DeadLetters.Cause.MISKEYED, "record key '" + record.key() + "' is not the case id '" + caseId + "'",
                    record, origin, null);
        } else if (!played.contains(action.getNodeId())) {
            deadLetter(DeadLetters.Cause.REJECTED, "node '" + action.getNodeId()
                    + "' is not played by a person in this exercise: the simulated nodes act for it", record, origin, null);
        } else {
            counters.count("player-actions", "status", action.getStatus());
            context.forward(new Record<String, Object>(caseId, action, record.timestamp()), AuthoritiesTopology.RELAYED_SINK);
            if (action.getStatus() == CaseStatus.IN_EXECUTION) {
                context.forward(new Record<String, Object>(action.getNodeId(), action, record.timestamp()),
                        AuthoritiesTopology.PLAYER_STEPS_SINK);
            }
        }
    }

    private void deadLetter(DeadLetters.Cause cause, String reason, Record<String, byte[]> record, RecordMetadata origin,
                            Exception error) {
        counters.deadLetter(cause);
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        DeadLetter letter = DeadLetters.of(reason, PROCESSOR, origin.topic(), origin.partition(), origin.offset(), key,
                record.value(), record.timestamp(), error);
        context.forward(new Record<String, Object>(record.key(), letter, record.timestamp()), AuthoritiesTopology.RELAY_DEADLETTER_SINK);
    }
}
