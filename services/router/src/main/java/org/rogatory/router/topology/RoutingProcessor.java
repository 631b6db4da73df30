package org.rogatory.router.topology;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.platform.streams.DomainCounters;
import org.rogatory.router.domain.RoutingOutcome;
import org.rogatory.router.domain.RoutingPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * Reads a submitted request as raw bytes and decodes it here, so that any failure (not Confluent
 * wire format, unknown schema id, missing field) becomes a dead letter with its origin instead of
 * stopping the stream; then decides with the world as of the record's timestamp.
 */
final class RoutingProcessor implements Processor<byte[], byte[], String, RouterOutput> {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingProcessor.class);

    private final RoutingPolicy policy;
    private final Deserializer<CooperationRequest> requests;
    private final Deserializer<DirectoryEntry> directoryEntries;
    private final Deserializer<TreatyMembership> memberships;
    private ProcessorContext<String, RouterOutput> context;
    private WorldStores world;
    private DomainCounters counters;

    RoutingProcessor(RoutingPolicy policy, Deserializer<CooperationRequest> requests,
                     Deserializer<DirectoryEntry> directoryEntries, Deserializer<TreatyMembership> memberships) {
        this.policy = policy;
        this.requests = requests;
        this.directoryEntries = directoryEntries;
        this.memberships = memberships;
    }

    @Override
    public void init(ProcessorContext<String, RouterOutput> context) {
        this.context = context;
        this.world = WorldStores.open(context, directoryEntries, memberships);
        this.counters = new DomainCounters(context);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        RecordMetadata origin = context.recordMetadata().orElseThrow();
        if (record.value() == null) {
            forward(record, DecisionRecords.rejected(DeadLetters.Cause.EMPTY, "empty value (tombstone) where a CooperationRequest was expected",
                origin.topic(), origin.partition(), origin.offset(), record.key(), null, record.timestamp(), null));
            return;
        }
        CooperationRequest request;
        try {
            request = requests.deserialize(origin.topic(), record.value());
        } catch (RuntimeException e) {
            forward(record, DecisionRecords.rejected(DeadLetters.Cause.UNREADABLE, "undecodable CooperationRequest: " + e.getMessage(),
                origin.topic(), origin.partition(), origin.offset(), record.key(), record.value(), record.timestamp(), e));
            return;
        }
        try {
            RoutingOutcome outcome = policy.decide(request, record.timestamp(), world.asOf(record.timestamp()));
            // the rules dead-letter a request they cannot place (invalid, or no node can receive it)
            Function<String, RouterOutput.Rejected> deadLetter = reason -> DecisionRecords.rejected(DeadLetters.Cause.REJECTED, reason,
                origin.topic(), origin.partition(), origin.offset(), record.key(), record.value(), record.timestamp(), null);
            DecisionRecords.of(outcome, record.timestamp(), deadLetter).forEach(out -> forward(record, out));
        } catch (RuntimeException e) {
            // A defect in a rule must not stop the router or lose the request: it is dead-lettered with the exception.
            LOG.warn("routing failed for {}-{}@{}: {}", origin.topic(), origin.partition(), origin.offset(), e.toString());
            forward(record, DecisionRecords.rejected(DeadLetters.Cause.FAILED, "routing failed: " + e, origin.topic(), origin.partition(),
                origin.offset(), record.key(), record.value(), record.timestamp(), e));
        }
    }

    private void forward(Record<byte[], byte[]> input, RouterOutput output) {
        output.count(counters);
        context.forward(new Record<>(output.key(), output, input.timestamp(), input.headers()));
    }
}
