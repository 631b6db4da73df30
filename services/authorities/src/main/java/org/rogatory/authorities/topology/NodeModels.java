package org.rogatory.authorities.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.apache.kafka.common.serialization.Deserializer;
import org.rogatory.authorities.domain.Arrival;
import org.rogatory.authorities.domain.Authority;
import org.rogatory.authorities.domain.ECodexTransport;
import org.rogatory.authorities.domain.NodeAction;
import org.rogatory.authorities.domain.NodeBacklog;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.DeliveryEvidence;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.InjectKind;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.QueuePlace;

/**
 * The node models of one partition, in memory: fed the inbox's inputs in simulated-time order,
 * run up to the watermark, and what they do told as CaseEvents. They are deterministic, so
 * replaying the inputs fed before a restart restores them.
 */
final class NodeModels {
    private final NodeFactory factory;
    private final Function<String, DirectoryEntry> directory;
    private final Deserializer<Transmission> transmissions;
    private final Deserializer<Escalation> escalations;
    private final Deserializer<Inject> injects;
    private final Map<String, Authority> nodes = new TreeMap<>();
    private final Map<String, ECodexTransport> transports = new HashMap<>();
    private final Map<String, CaseOrigin> origins = new HashMap<>();

    NodeModels(NodeFactory factory, Function<String, DirectoryEntry> directory, Deserializer<Transmission> transmissions,
               Deserializer<Escalation> escalations, Deserializer<Inject> injects) {
        this.factory = factory;
        this.directory = directory;
        this.transmissions = transmissions;
        this.escalations = escalations;
        this.injects = injects;
    }

    /** The input as the node takes it: an input the node's present has passed counts from that present (never rewrite its past). */
    InboxKey asTaken(InboxKey key) {
        Authority node = nodes.get(key.node());
        return node == null || key.at() >= node.now() ? key : key.at(node.now());
    }

    /** Feeds one input to its node; returns why it was not taken (a duplicate message), if it was not. */
    Optional<String> feed(InboxKey key, byte[] value) {
        Authority node = nodes.computeIfAbsent(key.node(), id -> factory.create(directory.apply(id), key.at()));
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
                Optional<Arrival> arrival = transports.computeIfAbsent(key.node(), factory::transport)
                        .send(t.getMessageId(), t.getChannel(), t.getHeader().getSimulatedTime().toEpochMilli(), key.at(), request);
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
            default -> throw new IllegalStateException("unknown inbox kind " + key.kind());
        }
        return Optional.empty();
    }

    /** Runs every node up to {@code watermark}; what they did, node by node, in order. */
    List<CaseEvent> advanceTo(long watermark) {
        List<CaseEvent> events = new ArrayList<>();
        nodes.forEach((id, node) -> {
            List<NodeAction> actions = node.advanceTo(watermark);
            ECodexTransport transport = transports.get(id);
            for (NodeAction action : transport == null ? actions : transport.advanceTo(watermark, actions)) {
                events.add(event(action));
            }
        });
        return events;
    }

    void backlogs(BiConsumer<String, NodeBacklog> each) {
        nodes.forEach((id, node) -> each.accept(id, node.backlog()));
    }

    int size() {
        return nodes.size();
    }

    private CaseEvent event(NodeAction action) {
        CaseOrigin origin = origins.get(action.caseId());
        EventHeader header = EventHeader.newBuilder()
                .setEventId(action.caseId() + "/" + action.nodeId() + "/" + action.status() + "/" + action.at())
                .setCaseId(action.caseId())
                .setCorrelationId(origin.correlationId)
                .setCausationId(origin.causationId)
                .setSimulatedTime(Instant.ofEpochMilli(action.at()))
                // a withdrawal is the requesting state's decision (rule 10): its node reports it, the case leaves this node
                .setSourceNode(action.status() == CaseStatus.WITHDRAWN ? origin.requestingNode : action.nodeId())
                .setClassification(origin.classification)
                .build();
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
                        Instant.ofEpochMilli(action.at()), action.nodeId(), ECodexTransport.reason(action), origin.messageId))
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
