package org.rogatory.authorities.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Deserializer;
import org.rogatory.authorities.domain.Arrival;
import org.rogatory.authorities.domain.Authority;
import org.rogatory.authorities.domain.ECodexTransport;
import org.rogatory.authorities.domain.ExecutionRoute;
import org.rogatory.authorities.domain.NodeAction;
import org.rogatory.authorities.domain.NodeBacklog;
import org.rogatory.authorities.domain.RoundTrip;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.DeliveryEvidence;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.Handover;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.InjectKind;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.CaseChange;
import org.rogatory.timer.domain.QueuePlace;

/**
 * The node models of one partition, in memory: fed the inbox's inputs in simulated-time order,
 * run up to the watermark, and what they do told as CaseEvents. They are deterministic, so
 * replaying the inputs fed before a restart restores them.
 * <p>
 * The round trip's domestic hops ({@link RoundTrip}) leave as {@link Handover} records for the
 * receiving node's inbox, wherever that node runs: each executing authority has one model, whose
 * queue, outages and staff cuts every request sent to it meets. A hop reaches its node no earlier
 * than the watermark of the release that sent it (the conservative lookahead of one step), so that
 * every partition takes it at the same simulated time whichever partition is ahead in wall time.
 * The results go back to the requesting state's node through a return transport kept beside the
 * granting node.
 */
final class NodeModels {
    /** The statuses of the results' way back, whose evidence is about their own message. */
    private static final Set<CaseStatus> RESULTS = EnumSet.of(CaseStatus.EVIDENCE_TRANSMITTED, CaseStatus.EVIDENCE_RECEIVED);

    private final NodeFactory factory;
    private final Function<String, DirectoryEntry> directory;
    private final ChannelOutages channels;
    private final Deserializer<Transmission> transmissions;
    private final Deserializer<Escalation> escalations;
    private final Deserializer<Inject> injects;
    private final Deserializer<Handover> handovers;
    private final Deserializer<CaseEvent> playerSteps;
    private final Map<String, Authority> nodes = new TreeMap<>();
    private final Supplier<? extends Collection<DirectoryEntry>> everyNode;
    private final Map<String, ECodexTransport> transports = new HashMap<>();
    /** The transports carrying results back, by the requesting node they go to. */
    private final Map<String, ECodexTransport> returns = new TreeMap<>();
    private final Map<String, CaseOrigin> origins = new HashMap<>();

    /**
     * @param directory a node's directory entry
     * @param channels  when a message sent while its channel was down leaves the sender's gateway
     * @param everyNode every node of the directory now (to find a state's executing authorities)
     */
    NodeModels(NodeFactory factory, Function<String, DirectoryEntry> directory, ChannelOutages channels,
               Supplier<? extends Collection<DirectoryEntry>> everyNode, Deserializer<Transmission> transmissions,
               Deserializer<Escalation> escalations, Deserializer<Inject> injects, Deserializer<Handover> handovers,
               Deserializer<CaseEvent> playerSteps) {
        this.factory = factory;
        this.directory = directory;
        this.channels = channels;
        this.everyNode = everyNode;
        this.transmissions = transmissions;
        this.escalations = escalations;
        this.injects = injects;
        this.handovers = handovers;
        this.playerSteps = playerSteps;
    }

    /** The input as the node takes it: an input the node's present has passed counts from that present (never rewrite its past). */
    InboxKey asTaken(InboxKey key) {
        Authority node = nodes.get(key.node());
        return node == null || key.at() >= node.now() ? key : key.at(node.now());
    }

    /** Feeds one input to its node; returns why it was not taken (a duplicate message), if it was not. */
    Optional<String> feed(InboxKey key, byte[] value) {
        Authority node = node(key.node(), key.at());
        switch (key.kind()) {
            case Inbox.INJECT -> {
                Inject inject = injects.deserialize(Topics.INJECTS, value);
                long until = Math.max(inject.getEndAt().toEpochMilli(), key.at() + 1);
                if (inject.getKind() == InjectKind.NODE_OUTAGE) {
                    node.outage(key.at(), until);
                } else {
                    node.staffCut(key.at(), until, Integer.parseInt(inject.getParameters().get("officers")));
                }
            }
            case Inbox.TRANSMISSION -> {
                Transmission t = transmissions.deserialize(Topics.CHANNEL_CENTRAL_AUTHORITY, value);
                String caseId = t.getHeader().getCaseId();
                Arrival request = new Arrival(caseId, t.getRequest().getRequestType(), t.getRequest().getLanguage(), key.at(),
                        QueuePlace.initial(t.getRequest().getUrgent()));
                // sent while its channel was down, it leaves when the channel comes back (e-CODEX holds it); the
                // transport knows it from now, so its timeouts give their negative evidence when they run out
                Optional<Arrival> arrival = transports.computeIfAbsent(key.node(), factory::transport)
                        .send(t.getMessageId(), t.getChannel(), t.getHeader().getSimulatedTime().toEpochMilli(),
                                channels.restoredAt(t.getChannel().name(), key.at()), request);
                if (arrival.isEmpty()) {
                    return Optional.of("duplicate message '" + t.getMessageId() + "' (messageId) for case " + caseId
                            + ": already sent to " + key.node() + ", not delivered again (e-CODEX duplicate detection)");
                }
                if (node.receive(arrival.get())) {
                    origins.put(caseId, new CaseOrigin(t.getHeader().getCorrelationId(), t.getHeader().getEventId(),
                            t.getHeader().getClassification(), t.getRequest().getRequestType(), t.getChannel(),
                            t.getRequest().getOriginNode(), t.getMessageId()));
                }
            }
            case Inbox.ESCALATION -> {
                Escalation e = escalations.deserialize(AuthoritiesTopology.ESCALATIONS_BY_NODE_TOPIC, value);
                node.escalate(e.getHeader().getCaseId(), key.at(), QueuePlace.escalated(e.getLevel()));
            }
            case Inbox.HANDOVER -> {
                Handover hop = handovers.deserialize(AuthoritiesTopology.HANDOVERS_BY_NODE_TOPIC, value);
                RoundTrip.Handover taken = new RoundTrip.Handover(hop.getHeader().getCaseId(), hop.getRequestType(),
                        hop.getLanguage(), hop.getPriority(), hop.getFromNode(), hop.getToNode(), key.at(), hop.getForExecution());
                if (hop.getForExecution()) {
                    // the executing authority's events carry the case's origin, which the hop brings from the granting node
                    origins.put(taken.caseId(), new CaseOrigin(hop.getHeader().getCorrelationId(), hop.getHeader().getCausationId(),
                            hop.getHeader().getClassification(), hop.getRequestType(), hop.getChannel(), hop.getRequestingNode(),
                            hop.getMessageId()));
                    node.receiveForExecution(taken);
                } else {
                    node.resultsReturned(taken);
                }
                origins.get(taken.caseId()).last = hop.getPreviousStatus();
            }
            case Inbox.PLAYER_STEP -> {
                CaseEvent step = playerSteps.deserialize(AuthoritiesTopology.PLAYER_STEPS_BY_NODE_TOPIC, value);
                node.forwardedByPlayer(step.getHeader().getCaseId(), key.at());
            }
            default -> throw new IllegalStateException("unknown inbox kind " + key.kind());
        }
        return Optional.empty();
    }

    private Authority node(String nodeId, long start) {
        return nodes.computeIfAbsent(nodeId, id -> {
            DirectoryEntry entry = directory.apply(id);
            return factory.create(entry, start, ExecutionRoute.of(entry.getState(), everyNode));
        });
    }

    /** What the nodes did up to a watermark (the return transports' evidence included), in time order, and the hops they sent. */
    record Released(List<CaseEvent> events, List<Handover> handovers) {
    }

    /** Runs every node up to {@code watermark}. */
    Released advanceTo(long watermark) {
        List<NodeAction> all = new ArrayList<>();
        List<RoundTrip.Handover> sent = new ArrayList<>();
        nodes.forEach((id, node) -> {
            List<NodeAction> done = node.advanceTo(watermark);
            for (NodeAction action : done) {
                if (action.status() == CaseStatus.EVIDENCE_TRANSMITTED && action.evidence() == null) {
                    CaseOrigin origin = origins.get(action.caseId());
                    returns.computeIfAbsent(origin.requestingNode, factory::transport)
                            .sendBack(origin.resultsMessageId(), action.caseId(), action.at());
                }
            }
            ECodexTransport transport = transports.get(id);
            all.addAll(transport == null ? done : transport.advanceTo(watermark, done));
            sent.addAll(node.handovers());
        });
        returns.values().forEach(transport -> all.addAll(transport.advanceTo(watermark, List.of())));
        // in time order (stable: node by node at one instant), so a case's steps at several nodes come in the order they happened
        all.sort(Comparator.comparingLong(NodeAction::at));
        List<CaseEvent> events = new ArrayList<>(all.size());
        all.forEach(action -> events.add(event(action)));
        // after the events: a hop carries the case's last status
        return new Released(events, sent.stream().map(hop -> hop(hop, watermark)).toList());
    }

    /** A hop as its record, arriving no earlier than {@code watermark}: the receiving node may already have run that far. */
    private Handover hop(RoundTrip.Handover hop, long watermark) {
        CaseOrigin origin = origins.get(hop.caseId());
        long at = Math.max(hop.at(), watermark);
        return Handover.newBuilder()
                .setHeader(origin.header(hop.caseId() + "/" + hop.from() + "/" + (hop.forExecution() ? "for-execution" : "results")
                        + "/" + at, hop.caseId(), at, hop.from()))
                .setFromNode(hop.from())
                .setToNode(hop.to())
                .setForExecution(hop.forExecution())
                .setRequestType(hop.requestType())
                .setLanguage(hop.language())
                .setPriority(hop.priority())
                .setChannel(origin.channel)
                .setRequestingNode(origin.requestingNode)
                .setMessageId(origin.messageId)
                .setPreviousStatus(origin.last)
                .build();
    }

    void backlogs(BiConsumer<String, NodeBacklog> each) {
        nodes.forEach((id, node) -> each.accept(id, node.backlog()));
    }

    int size() {
        return nodes.size();
    }

    private CaseEvent event(NodeAction action) {
        CaseOrigin origin = origins.get(action.caseId());
        // a withdrawal is the requesting state's decision (rule 10): its node reports it, the case leaves this node
        // one step of one node at one instant; the executing authority's receipt and start keep the
        // status, and may fall on one instant: their reason code tells them apart
        String step = action.status() + action.reasonCodes().stream().filter(CaseChange.EXECUTION_STEPS::contains)
                .map(code -> "+" + code).findFirst().orElse("");
        EventHeader header = origin.header(action.caseId() + "/" + action.nodeId() + "/" + step + "/" + action.at(),
                action.caseId(), action.at(), action.status() == CaseStatus.WITHDRAWN ? origin.requestingNode : action.nodeId());
        CaseEvent event = CaseEvent.newBuilder()
                .setHeader(header)
                .setStatus(action.status())
                .setPreviousStatus(origin.last)
                .setNodeId(action.nodeId())
                .setChannel(origin.channel)
                .setRequestType(origin.requestType)
                .setReasonCodes(action.reasonCodes())
                .setRefusalGround(action.refusalGround())
                .setDetail(action.detail())
                .setEvidence(action.evidence() == null ? null : new DeliveryEvidence(action.evidence(),
                        Instant.ofEpochMilli(action.at()), action.nodeId(), ECodexTransport.reason(action),
                        RESULTS.contains(action.status()) ? origin.resultsMessageId() : origin.messageId))
                .build();
        if (action.movesCase()) {
            origin.last = action.status();
        }
        return event;
    }

    /** What the events of a case carry over from the transmission that brought it. */
    private static final class CaseOrigin {
        private final String correlationId;
        private final String causationId;
        private final Classification classification;
        private final RequestType requestType;
        private final Channel channel;
        private final String requestingNode;
        private final String messageId;
        private CaseStatus last;

        /** The envelope of an event about the case, which keeps the request's correlation, causation and classification. */
        EventHeader header(String eventId, String caseId, long at, String sourceNode) {
            return EventHeader.newBuilder()
                    .setEventId(eventId)
                    .setCaseId(caseId)
                    .setCorrelationId(correlationId)
                    .setCausationId(causationId)
                    .setSimulatedTime(Instant.ofEpochMilli(at))
                    .setSourceNode(sourceNode)
                    .setClassification(classification)
                    .build();
        }

        /** The message that carries the results back (the round trip): the request's id, suffixed. */
        String resultsMessageId() {
            return messageId + "/results";
        }

        CaseOrigin(String correlationId, String causationId, Classification classification, RequestType requestType,
                   Channel channel, String requestingNode, String messageId) {
            this.messageId = messageId;
            this.correlationId = correlationId;
            this.causationId = causationId;
            this.classification = classification;
            this.requestType = requestType;
            this.channel = channel;
            this.requestingNode = requestingNode;
        }
    }
}
