package org.rogatory.router.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rogatory.contracts.CaseEvent;

/**
 * Rule 5: keeps the ROUTED event of an informal exchange whose answer calls for a formal MLA
 * request (input keyed by case id, on the partition of its node actions), until
 * {@link FollowUpProcessor} reads that answer or the case's end without one.
 */
final class AwaitingAnswerProcessor implements Processor<String, CaseEvent, Void, Void> {

    private KeyValueStore<String, CaseEvent> awaiting;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.awaiting = context.getStateStore(RouterTopology.AWAITING_ANSWER_STORE);
    }

    @Override
    public void process(Record<String, CaseEvent> record) {
        awaiting.put(record.key(), record.value());
    }
}
