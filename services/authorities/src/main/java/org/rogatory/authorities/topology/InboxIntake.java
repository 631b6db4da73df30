package org.rogatory.authorities.topology;

import java.util.Optional;
import java.util.function.Predicate;

import org.apache.kafka.common.serialization.Deserializer;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.Handover;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.InjectKind;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.platform.topics.Topics;

/**
 * Checks each input for the nodes and puts it in the inbox (or, for a channel outage, among the
 * channel outages); says why when it cannot. An unreadable record throws. A node people play
 * takes its inputs too: its model delivers them (the transport's evidence) and sends what its
 * player forwards for execution on to the executing authority; the player does the rest.
 */
final class InboxIntake {

    /** Why an input was not taken. */
    record Rejection(DeadLetters.Cause cause, String reason) {
    }

    private final Inbox inbox;
    private final ChannelOutages channelOutages;
    private final Predicate<String> inDirectory;
    private final Deserializer<Transmission> transmissions;
    private final Deserializer<Escalation> escalations;
    private final Deserializer<Inject> injects;
    private final Deserializer<Handover> handovers;
    private final Deserializer<CaseEvent> playerSteps;

    InboxIntake(Inbox inbox, ChannelOutages channelOutages, Predicate<String> inDirectory,
                Deserializer<Transmission> transmissions, Deserializer<Escalation> escalations, Deserializer<Inject> injects,
                Deserializer<Handover> handovers, Deserializer<CaseEvent> playerSteps) {
        this.inbox = inbox;
        this.channelOutages = channelOutages;
        this.inDirectory = inDirectory;
        this.transmissions = transmissions;
        this.escalations = escalations;
        this.injects = injects;
        this.handovers = handovers;
        this.playerSteps = playerSteps;
    }

    /** Takes a record of a channel topic, coop.injects, or the escalations-, handovers- or player-steps-by-node topic. */
    Optional<Rejection> take(String topic, String key, long timestamp, byte[] value) {
        if (topic.equals(Topics.INJECTS)) {
            return inject(injects.deserialize(topic, value), value);
        }
        if (topic.equals(AuthoritiesTopology.ESCALATIONS_BY_NODE_TOPIC)) {
            Escalation escalation = escalations.deserialize(topic, value);
            return hold(key, timestamp, Inbox.ESCALATION,
                    escalation.getHeader().getCaseId() + "|" + escalation.getHeader().getEventId(), value);
        }
        if (topic.equals(AuthoritiesTopology.HANDOVERS_BY_NODE_TOPIC)) {
            Handover hop = handovers.deserialize(topic, value);
            if (!hop.getToNode().equals(key)) {
                return miskeyed(key, hop.getToNode());
            }
            return hold(key, timestamp, Inbox.HANDOVER, hop.getHeader().getCaseId() + "|" + hop.getHeader().getEventId(), value);
        }
        if (topic.equals(AuthoritiesTopology.PLAYER_STEPS_BY_NODE_TOPIC)) {
            CaseEvent step = playerSteps.deserialize(topic, value);
            if (!step.getNodeId().equals(key)) {
                return miskeyed(key, step.getNodeId());
            }
            return hold(key, timestamp, Inbox.PLAYER_STEP, step.getHeader().getCaseId() + "|" + step.getHeader().getEventId(), value);
        }
        Transmission transmission = transmissions.deserialize(topic, value);
        if (!transmission.getToNode().equals(key)) {
            return miskeyed(key, transmission.getToNode());
        }
        return hold(transmission.getToNode(), timestamp, Inbox.TRANSMISSION,
                transmission.getHeader().getCaseId() + "|" + transmission.getMessageId(), value);
    }

    private static Optional<Rejection> miskeyed(String key, String receivingNode) {
        return Optional.of(new Rejection(DeadLetters.Cause.MISKEYED,
                "record key '" + key + "' is not the receiving node '" + receivingNode + "'"));
    }

    private Optional<Rejection> inject(Inject inject, byte[] value) {
        if (inject.getKind() == InjectKind.CHANNEL_OUTAGE && inject.getEndAt() != null) {
            channelOutages.record(inject.getTarget(), inject.getStartAt().toEpochMilli(), inject.getEndAt().toEpochMilli());
            return Optional.empty();
        }
        if (inject.getKind() != InjectKind.NODE_OUTAGE && inject.getKind() != InjectKind.STAFF_CUT
                && inject.getKind() != InjectKind.CHANNEL_OUTAGE) {
            return Optional.empty(); // surge and directory injects are the router's and the simulator's
        }
        if (inject.getEndAt() == null) {
            return Optional.of(new Rejection(DeadLetters.Cause.REJECTED, inject.getKind() + " inject without an end"));
        }
        if (inject.getKind() == InjectKind.STAFF_CUT && !inject.getParameters().getOrDefault("officers", "").matches("\\d+")) {
            return Optional.of(new Rejection(DeadLetters.Cause.REJECTED, "STAFF_CUT inject without a whole number of officers"));
        }
        return hold(inject.getTarget(), inject.getStartAt().toEpochMilli(), Inbox.INJECT, inject.getHeader().getEventId(), value);
    }

    private Optional<Rejection> hold(String node, long at, char kind, String tie, byte[] value) {
        if (node == null || !inDirectory.test(node)) {
            return Optional.of(new Rejection(DeadLetters.Cause.UNKNOWN_REFERENCE, "node '" + node + "' is not in the directory"));
        }
        inbox.hold(node, at, kind, tie, value);
        return Optional.empty();
    }
}
