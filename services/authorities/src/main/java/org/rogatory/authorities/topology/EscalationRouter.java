package org.rogatory.authorities.topology;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.Escalation;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.platform.streams.DomainCounters;

/** Re-keys escalations (keyed by case id) by the node they are addressed to, so they reach that node's task. */
final class EscalationRouter implements Processor<String, byte[], String, Object> {
    private static final String PROCESSOR = "authorities/escalation-router";

    private final Deserializer<Escalation> escalations;
    private ProcessorContext<String, Object> context;
    private DomainCounters counters;

    EscalationRouter(Deserializer<Escalation> escalations) {
        this.escalations = escalations;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.counters = new DomainCounters(context);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        try {
            Escalation escalation = escalations.deserialize(origin.topic(), record.value());
            if (escalation == null) {
                throw new IllegalArgumentException("empty record where an Escalation was expected");
            }
            context.forward(new Record<String, Object>(escalation.getTargetNode(), record.value(), record.timestamp()),
                    AuthoritiesTopology.ESCALATIONS_BY_NODE_SINK);
        } catch (RuntimeException e) {
            counters.deadLetter(record.value() == null ? DeadLetters.Cause.EMPTY : DeadLetters.Cause.UNREADABLE);
            byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
            DeadLetter letter = DeadLetters.of("unreadable Escalation: " + e.getMessage(), PROCESSOR, origin.topic(),
                    origin.partition(), origin.offset(), key, record.value(), record.timestamp(), e);
            context.forward(new Record<String, Object>(record.key(), letter, record.timestamp()),
                    AuthoritiesTopology.ROUTER_DEADLETTER_SINK);
        }
    }
}
