package org.rogatory.router.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.platform.streams.DomainCounters;
import org.rogatory.router.domain.InformalToFormal;
import org.rogatory.router.domain.RoutingOutcome;
import org.rogatory.router.domain.RoutingPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule 5 on the nodes' actions (coop.node-actions, keyed by case id): when an informal exchange
 * kept by {@link AwaitingAnswerProcessor} is answered, routes its formal MLA follow-up, stamped
 * with the answer's time plus the drafting delay (a record in the simulated future: the nodes take
 * it only once the clock passes it); when it ends unanswered, forgets it. The follow-up depends
 * only on the answer's timestamp and the world as of it, not on when the answer is read.
 */
final class FollowUpProcessor implements Processor<String, byte[], String, RouterOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(FollowUpProcessor.class);

    private final RoutingPolicy policy;
    private final Deserializer<CaseEvent> events;
    private final Deserializer<DirectoryEntry> directoryEntries;
    private final Deserializer<TreatyMembership> memberships;
    private ProcessorContext<String, RouterOutput> context;
    private KeyValueStore<String, CaseEvent> awaiting;
    private WorldStores world;
    private DomainCounters counters;

    FollowUpProcessor(RoutingPolicy policy, Deserializer<CaseEvent> events, Deserializer<DirectoryEntry> directoryEntries,
                      Deserializer<TreatyMembership> memberships) {
        this.policy = policy;
        this.events = events;
        this.directoryEntries = directoryEntries;
        this.memberships = memberships;
    }

    @Override
    public void init(ProcessorContext<String, RouterOutput> context) {
        this.context = context;
        this.awaiting = context.getStateStore(RouterTopology.AWAITING_ANSWER_STORE);
        this.world = WorldStores.open(context, directoryEntries, memberships);
        this.counters = new DomainCounters(context);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        CaseEvent action;
        try {
            action = record.value() == null ? null : events.deserialize(origin.topic(), record.value());
        } catch (RuntimeException e) {
            action = null;
        }
        // An unreadable node action is the case timer's to dead-letter (it reads every one); here it answers nothing.
        String caseId = action == null ? null : action.getHeader().getCaseId();
        CaseEvent routed = caseId == null ? null : awaiting.get(caseId);
        if (routed == null) {
            return;
        }
        CooperationRequest informal = routed.getRequest();
        long answeredAt = record.timestamp();
        try {
            VersionedWorldView asOfAnswer = world.asOf(answeredAt);
            switch (InformalToFormal.step(informal, action.getStatus(), action.getNodeId(), asOfAnswer)) {
                case ANSWERED -> {
                    awaiting.delete(caseId);
                    RoutingOutcome followUp = policy.followUp(informal, answeredAt, asOfAnswer);
                    long sentAt = followUp.request().getHeader().getSimulatedTime().toEpochMilli();
                    DecisionRecords.of(followUp, sentAt,
                            reason -> DecisionRecords.rejected(DeadLetters.Cause.REJECTED, reason, origin.topic(), origin.partition(),
                                origin.offset(), null, record.value(), sentAt, null))
                        .forEach(out -> forward(out, sentAt, record));
                }
                case CLOSED -> awaiting.delete(caseId);
                case PENDING -> { }
            }
        } catch (RuntimeException e) {
            // A defect in a rule must not stop the router or lose the follow-up silently: dead-lettered with the exception.
            LOG.warn("follow-up failed for {}-{}@{}: {}", origin.topic(), origin.partition(), origin.offset(), e.toString());
            forward(DecisionRecords.rejected(DeadLetters.Cause.FAILED, "formal follow-up failed: " + e, origin.topic(), origin.partition(),
                origin.offset(), null, record.value(), answeredAt, e), answeredAt, record);
        }
    }

    private void forward(RouterOutput output, long time, Record<String, byte[]> input) {
        output.count(counters);
        context.forward(new Record<>(output.key(), output, time, input.headers()));
    }
}
