package org.rogatory.router.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.platform.streams.DomainCounters;
import org.rogatory.router.domain.ConcurrentExtradition;
import org.rogatory.router.domain.ExtraditionClaim;
import org.rogatory.router.domain.RoutingPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule 8 where all routed extraditions for one person meet (input keyed by person): compares the
 * new one with the claims still in the window, opens the arbitration case if another state
 * competes, and records the claim.
 */
final class ArbitrationProcessor implements Processor<String, CooperationRequest, String, RouterOutput> {

    private final RoutingPolicy policy;
    private final Deserializer<DirectoryEntry> directoryEntries;
    private final Deserializer<TreatyMembership> memberships;
    private ProcessorContext<String, RouterOutput> context;
    private KeyValueStore<String, List<ExtraditionClaim>> claims;
    private WorldStores world;
    private DomainCounters counters;

    ArbitrationProcessor(RoutingPolicy policy, Deserializer<DirectoryEntry> directoryEntries, Deserializer<TreatyMembership> memberships) {
        this.policy = policy;
        this.directoryEntries = directoryEntries;
        this.memberships = memberships;
    }

    @Override
    public void init(ProcessorContext<String, RouterOutput> context) {
        this.context = context;
        this.claims = context.getStateStore(RouterTopology.CLAIMS_STORE);
        this.world = WorldStores.open(context, directoryEntries, memberships);
        this.counters = new DomainCounters(context);
    }

    @Override
    public void process(Record<String, CooperationRequest> record) {
        CooperationRequest request = record.value();
        long time = record.timestamp();
        List<ExtraditionClaim> earlier = claims.get(record.key());
        earlier = earlier == null ? List.of() : earlier;
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        policy.arbitrate(request, time, world.asOf(time), earlier).ifPresent(arbitration ->
            DecisionRecords.of(arbitration, time, reason -> DecisionRecords.rejected(DeadLetters.Cause.REJECTED, reason, origin.topic(),
                    origin.partition(), origin.offset(), null, null, time, null))
                .forEach(out -> {
                    out.count(counters);
                    context.forward(new Record<>(out.key(), out, time, record.headers()));
                }));
        List<ExtraditionClaim> kept = new ArrayList<>(ConcurrentExtradition.live(earlier, time, policy.parameters().concurrentExtraditionWindow()));
        kept.add(new ExtraditionClaim(request.getHeader().getCaseId(), request.getRequestingState(), request.getRequestedState(), time));
        claims.put(record.key(), kept);
    }
}
