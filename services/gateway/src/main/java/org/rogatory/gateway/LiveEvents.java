package org.rogatory.gateway;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.sse.Event;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockWarning;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.serde.KafkaAvroDeserializer;
import org.rogatory.platform.topics.Topics;
import reactor.core.publisher.Flux;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.FluxSink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Live events for clients (docs/api.md): every change of a case as the case timer publishes it
 * ({@code coop.cases}, event {@code case}), every escalation ({@code coop.escalations}, event
 * {@code escalation}), every clock warning ({@code coop.clock-warnings}, event {@code clock-warning}),
 * every routed transmission ({@code coop.channel.*}, event {@code transmission}) and every e-CODEX
 * delivery evidence the authorities record ({@code coop.node-actions}, event {@code evidence}; their
 * other node actions are not events), filtered, read committed. Each stream has its own consumer,
 * assigned to every partition without a group (nothing to rebalance, nothing committed): where it
 * stands travels with the events as their ids ({@link EventPosition}).
 */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class LiveEvents {

    private static final Logger LOG = LoggerFactory.getLogger(LiveEvents.class);

    /** Every topic a stream reads: its position names every partition of each. */
    static final List<String> TOPICS = topics();
    /** The first event of every stream: where it starts, so a client can resume from there. */
    static final String OPENED = "opened";
    static final String CASE = "case";
    static final String TRANSMISSION = "transmission";
    static final String EVIDENCE = "evidence";
    static final String ESCALATION = "escalation";
    static final String CLOCK_WARNING = "clock-warning";
    /** The events a client may ask for ({@code kinds}), by their SSE names. */
    static final List<String> KINDS = List.of(CASE, TRANSMISSION, EVIDENCE, ESCALATION, CLOCK_WARNING);

    private final Map<String, Object> consumerConfig;
    private final Function<String, Optional<String>> stateOf;

    public LiveEvents(@Value("${kafka.bootstrap.servers}") String bootstrapServers,
                      @Value("${kafka.schema.registry.url}") String registryUrl, Directory directory) {
        this.consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
            // router, authorities and case timer write in exactly-once transactions: only what they committed is an event
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl, "specific.avro.reader", true);
        this.stateOf = directory::stateOf;
    }

    private static List<String> topics() {
        List<String> topics = new ArrayList<>(List.of(Topics.CASES, Topics.ESCALATIONS, Topics.CLOCK_WARNINGS, Topics.NODE_ACTIONS));
        Arrays.stream(Channel.values()).filter(channel -> channel != Channel.UNKNOWN).map(Topics::forChannel).forEach(topics::add);
        return List.copyOf(topics);
    }

    /** The event a record is, by its contract: its SSE name; empty for a record that is no event (a node action without evidence). */
    static Optional<String> kind(Object value) {
        return switch (value) {
            case CaseView view -> Optional.of(CASE);
            case Transmission transmission -> Optional.of(TRANSMISSION);
            case CaseEvent action when action.getEvidence() != null -> Optional.of(EVIDENCE);
            case Escalation escalation -> Optional.of(ESCALATION);
            case ClockWarning warning -> Optional.of(CLOCK_WARNING);
            default -> Optional.empty();
        };
    }

    /**
     * Which events a client follows (any of case, node and state may be left out), and what its role
     * lets it see. A case view and a transmission name their states; an escalation, a clock warning
     * and an evidence name one node only (the node addressed, the node that must act, the node
     * holding the message), whose state the directory gives.
     */
    record Filter(String caseId, String node, String state, Caller caller, Set<String> kinds) {

        /** Every kind of event. */
        Filter(String caseId, String node, String state, Caller caller) {
            this(caseId, node, state, caller, Set.copyOf(KINDS));
        }

        boolean wants(String kind) {
            return kinds.contains(kind);
        }

        boolean keeps(Object value, Function<String, Optional<String>> stateOf) {
            return switch (value) {
                case CaseView view -> keeps(view.getCaseId(), view.getHandlingNode(), view.getRequestingState(),
                    view.getRequestedState(), view.getClassification() == null ? null : view.getClassification().name());
                case Transmission transmission -> keeps(transmission.getHeader().getCaseId(), transmission.getToNode(),
                    transmission.getRequest().getRequestingState(), transmission.getRequest().getRequestedState(),
                    transmission.getHeader().getClassification().name());
                case Escalation escalation -> keepsAt(escalation.getHeader().getCaseId(), escalation.getTargetNode(),
                    escalation.getHeader().getClassification().name(), stateOf);
                case ClockWarning warning -> keepsAt(warning.getHeader().getCaseId(), warning.getActingNode(),
                    warning.getHeader().getClassification().name(), stateOf);
                case CaseEvent evidence -> keepsAt(evidence.getHeader().getCaseId(),
                    evidence.getNodeId(), evidence.getHeader().getClassification().name(), stateOf);
                default -> false;
            };
        }

        /** An event about one node: its state is the directory's. */
        private boolean keepsAt(String eventCaseId, String eventNode, String classification,
                                Function<String, Optional<String>> stateOf) {
            String nodeState = stateOf.apply(eventNode).orElse(null);
            return keeps(eventCaseId, eventNode, nodeState, nodeState, classification);
        }

        private boolean keeps(String eventCaseId, String eventNode, String requestingState, String requestedState,
                              String classification) {
            return (caseId == null || caseId.equals(eventCaseId))
                && (node == null || node.equals(eventNode))
                && (state == null || state.equals(requestingState) || state.equals(requestedState))
                && caller.sees(eventNode, requestingState, requestedState, classification);
        }
    }

    /**
     * The events from {@code resume} on, or from now when empty; the stream ends when the client goes.
     * The first event, {@value #OPENED}, carries the starting position as its id.
     */
    public Flux<Event<String>> follow(Filter filter, Optional<EventPosition> resume) {
        return Flux.create(sink -> {
            KafkaAvroDeserializer values = new KafkaAvroDeserializer();
            values.configure(consumerConfig, false);
            KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(), values);
            sink.onDispose(consumer::wakeup);
            Thread.ofVirtual().name("live-events").start(() -> pump(consumer, sink, filter, resume));
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    private void pump(KafkaConsumer<String, Object> consumer, FluxSink<Event<String>> sink, Filter filter,
                      Optional<EventPosition> resume) {
        try (consumer) {
            List<TopicPartition> partitions = TOPICS.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))).toList();
            consumer.assign(partitions);
            if (resume.isEmpty()) {
                consumer.seekToEnd(partitions);
            } else {
                // a partition the position does not name (added since) is read from its start
                for (TopicPartition partition : partitions) {
                    Long next = resume.get().next().get(partition);
                    if (next == null) {
                        consumer.seekToBeginning(List.of(partition));
                    } else {
                        consumer.seek(partition, next);
                    }
                }
            }
            Map<TopicPartition, Long> position = new HashMap<>();
            partitions.forEach(partition -> position.put(partition, consumer.position(partition)));
            sink.next(Event.of("{}").name(OPENED).id(new EventPosition(position).render()));
            while (!sink.isCancelled()) {
                ConsumerRecords<String, Object> records;
                try {
                    records = consumer.poll(Duration.ofMillis(500));
                } catch (RecordDeserializationException unreadable) {
                    // not an event any client could read (the writers dead-letter their own input, not their output)
                    LOG.warn("live events skip {}-{}@{}: {}", unreadable.topicPartition().topic(),
                        unreadable.topicPartition().partition(), unreadable.offset(), unreadable.getMessage());
                    consumer.seek(unreadable.topicPartition(), unreadable.offset() + 1);
                    continue;
                }
                for (ConsumerRecord<String, Object> record : records) {
                    position.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
                    Optional<String> kind = record.value() == null ? Optional.empty() : kind(record.value());
                    if (kind.isPresent() && filter.wants(kind.get()) && filter.keeps(record.value(), stateOf)) {
                        sink.next(Event.of(record.value().toString()).name(kind.get()).id(new EventPosition(position).render()));
                    }
                }
            }
        } catch (WakeupException gone) {
            // the client went away
        } catch (RuntimeException e) {
            sink.error(e);
        }
    }
}
