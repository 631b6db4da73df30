package org.rogatory.authorities.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.EvidenceType;

/**
 * The e-CODEX transport of the messages reaching one node (docs/domain.md#messaging): the
 * sender's gateway relays a message to the receiver's (RELAYED), which delivers it to the node's
 * system (DELIVERED, told by the node: it holds deliveries while it is down), which retrieves it
 * (RETRIEVED, also the node's). Each evidence is due within the policy's timeout of the
 * submission's acceptance; the first one missing becomes negative evidence at that moment
 * (REJECTED, NOT_DELIVERED or NOT_RETRIEVED, as the e-CODEX connector's timeout job does), and a
 * positive evidence after it is recorded as late and moves nothing: it does not revive the
 * message. A message id seen before is a duplicate and is not delivered again (AS4 duplicate
 * elimination). The diplomatic channel carries notes, not e-delivery messages: delays, no timeout.
 * Inputs come in simulated-time order, as for {@link Authority}.
 * <p>
 * The results of a round trip ({@link RoundTrip}) travel back to the requesting state's node
 * ({@link #sendBack}) over the central authorities' e-CODEX; no model of that node runs beside
 * the sender, so the transport gives its delivery and retrieval on the drawn delays too, and the
 * retrieval in time is the requesting state's receipt (EVIDENCE_RECEIVED).
 */
public final class ECodexTransport {
    private static final long MINUTE = 60_000L;
    /** Reason code of a positive evidence that came after the negative one. */
    public static final String LATE = "e-CODEX:LATE";
    /** The evidence a silent step turns into. */
    public static final Set<EvidenceType> NEGATIVE = EnumSet.of(EvidenceType.REJECTED, EvidenceType.NOT_DELIVERED,
            EvidenceType.NOT_RETRIEVED);

    private final String nodeId;
    private final TransportPolicy policy;
    private final long seed;
    private final Set<String> messageIds = new HashSet<>();
    /** Messages whose trail is still open, by case id (a node receives a case once). */
    private final Map<String, Message> open = new TreeMap<>();
    /**
     * When each open message next needs the transport without any action of the node (its relay, a
     * return's delivery and retrieval, its timeout): a step looks only at what is due, not at every
     * message in flight.
     */
    private final NavigableSet<Due> agenda = new TreeSet<>();

    public ECodexTransport(String nodeId, TransportPolicy policy, long seed) {
        this.nodeId = nodeId;
        this.policy = policy;
        this.seed = seed;
    }

    /**
     * A message leaves the sender's gateway at {@code sentAt} (after any outage of its channel).
     * Returns its arrival at the node, with the retrieval delay drawn; empty for a duplicate.
     *
     * @param acceptedAt when the sender's gateway accepted the submission: the timeouts count from it
     */
    public Optional<Arrival> send(String messageId, Channel channel, long acceptedAt, long sentAt, Arrival request) {
        if (!messageIds.add(messageId)) {
            return Optional.empty();
        }
        TransportPolicy.Steps steps = policy.of(channel);
        String caseId = request.caseId();
        long relayedAt = sentAt + draw(caseId, "relay", steps.relay());
        long deliveredAt = relayedAt + draw(caseId, "delivery", steps.delivery());
        long deadline = channel == Channel.DIPLOMATIC ? Long.MAX_VALUE : acceptedAt + policy.timeoutMillis();
        keep(new Message(caseId, relayedAt, deadline, Leg.REQUEST));
        return Optional.of(new Arrival(caseId, request.requestType(), request.language(), deliveredAt, request.priority(),
                draw(caseId, "retrieval", steps.retrieval())));
    }

    /**
     * The results of an executed request leave the requested state's gateway for this node, the
     * requesting state's, at {@code sentAt}; the timeouts count from then. False for a duplicate.
     */
    public boolean sendBack(String messageId, String caseId, long sentAt) {
        if (!messageIds.add(messageId)) {
            return false;
        }
        TransportPolicy.Steps steps = policy.of(Channel.CENTRAL_AUTHORITY);
        long relayedAt = sentAt + draw(caseId, "return-relay", steps.relay());
        Message m = new Message(caseId, relayedAt, sentAt + policy.timeoutMillis(), Leg.RETURN);
        m.deliversAt = relayedAt + draw(caseId, "return-delivery", steps.delivery());
        m.retrievesAt = m.deliversAt + draw(caseId, "return-retrieval", steps.retrieval());
        keep(m);
        return true;
    }

    /**
     * What the transport records up to {@code watermark}, given what the node did up to it (its
     * DELIVERED and RETRIEVED evidence among its actions): every action, with late positive
     * evidence turned into a record that moves nothing, plus RELAYED and negative evidence, in time order.
     */
    public List<NodeAction> advanceTo(long watermark, List<NodeAction> nodeActions) {
        Set<String> due = new TreeSet<>();
        while (!agenda.isEmpty() && agenda.first().at() <= watermark) {
            due.add(agenda.pollFirst().caseId());
        }
        List<NodeAction> out = new ArrayList<>();
        List<NodeAction> actions = new ArrayList<>(nodeActions);
        for (String caseId : due) {
            Message m = open.get(caseId);
            if (m.leg == Leg.RETURN && m.deliveredAt == null && m.deliversAt <= watermark) {
                actions.add(evidence(m.caseId, m.deliversAt, CaseStatus.EVIDENCE_TRANSMITTED, EvidenceType.DELIVERED,
                        "results delivered to " + nodeId + "'s system"));
            }
            if (m.leg == Leg.RETURN && m.retrievedAt == null && m.retrievesAt <= watermark) {
                actions.add(evidence(m.caseId, m.retrievesAt, CaseStatus.EVIDENCE_RECEIVED, EvidenceType.RETRIEVED,
                        "results received by " + nodeId));
            }
        }
        // the messages this step can change: those due and those the node acted on, in case id order
        Set<String> touched = new TreeSet<>(due);
        for (NodeAction action : actions) {
            Message m = action.evidence() == null ? null : open.get(action.caseId());
            if (m == null) {
                out.add(action);
                continue;
            }
            if (action.evidence() == EvidenceType.DELIVERED) {
                m.deliveredAt = action.at();
            } else if (action.evidence() == EvidenceType.RETRIEVED) {
                m.retrievedAt = action.at();
            }
            touched.add(m.caseId);
            out.add(action.at() > m.deadline ? late(action, m.leg) : action);
        }
        for (String caseId : touched) {
            Message m = open.get(caseId);
            if (!m.relayReported && m.relayedAt <= watermark) {
                m.relayReported = true;
                NodeAction relayed = evidence(m.caseId, m.relayedAt, m.leg.sent, EvidenceType.RELAYED,
                        "relayed to " + nodeId + "'s gateway");
                out.add(m.relayedAt > m.deadline ? late(relayed, m.leg) : relayed);
            }
            if (!m.judged && m.deadline <= watermark) {
                m.judged = true;
                negative(m).ifPresent(out::add);
            }
            unschedule(m);
            if (m.retrievedAt != null && (m.judged || m.retrievedAt <= m.deadline)) {
                open.remove(caseId);
            } else {
                schedule(m);
            }
        }
        out.sort(Comparator.comparingLong(NodeAction::at));
        return out;
    }

    private void keep(Message message) {
        Message replaced = open.put(message.caseId, message);
        if (replaced != null) {
            unschedule(replaced);
        }
        schedule(message);
    }

    /** The message's next step that needs no action of the node: the earliest of those still to come. */
    private void schedule(Message m) {
        long at = Long.MAX_VALUE;
        if (!m.relayReported) {
            at = m.relayedAt;
        }
        if (m.leg == Leg.RETURN && m.deliveredAt == null) {
            at = Math.min(at, m.deliversAt);
        }
        if (m.leg == Leg.RETURN && m.retrievedAt == null) {
            at = Math.min(at, m.retrievesAt);
        }
        if (!m.judged) {
            at = Math.min(at, m.deadline); // none on the diplomatic channel: Long.MAX_VALUE
        }
        if (at != Long.MAX_VALUE) {
            m.next = new Due(at, m.caseId);
            agenda.add(m.next);
        }
    }

    private void unschedule(Message m) {
        if (m.next != null) {
            agenda.remove(m.next);
            m.next = null;
        }
    }

    /** The first evidence missing at the deadline, as its negative counterpart; none when all came in time. */
    private Optional<NodeAction> negative(Message m) {
        long t = m.deadline;
        if (m.relayedAt > t) {
            return Optional.of(evidence(m.caseId, t, m.leg.sent, EvidenceType.REJECTED, "not relayed within the timeout"));
        }
        if (m.deliveredAt == null || m.deliveredAt > t) {
            return Optional.of(evidence(m.caseId, t, m.leg.sent, EvidenceType.NOT_DELIVERED, "not delivered within the timeout"));
        }
        if (m.retrievedAt == null || m.retrievedAt > t) {
            return Optional.of(evidence(m.caseId, t, m.leg.delivered, EvidenceType.NOT_RETRIEVED, "not retrieved within the timeout"));
        }
        return Optional.empty();
    }

    /** A positive evidence after the negative one: recorded, but the case stays where the transport left it. */
    private NodeAction late(NodeAction action, Leg leg) {
        CaseStatus unchanged = action.evidence() == EvidenceType.DELIVERED || leg == Leg.RETURN ? leg.sent : action.status();
        return new NodeAction(action.caseId(), nodeId, unchanged, action.at(), null,
                List.of("e-CODEX:" + action.evidence(), LATE), lateDetail(action.evidence()), action.evidence());
    }

    /** Why, for a negative or late evidence (the evidence's own reason); null for one in time. */
    public static String reason(NodeAction action) {
        return NEGATIVE.contains(action.evidence()) || action.reasonCodes().contains(LATE) ? action.detail() : null;
    }

    private static String lateDetail(EvidenceType type) {
        return type + " after the timeout's negative evidence: recorded, does not revive the message";
    }

    private NodeAction evidence(String caseId, long at, CaseStatus status, EvidenceType type, String detail) {
        return new NodeAction(caseId, nodeId, status, at, null, List.of("e-CODEX:" + type), detail, type);
    }

    /** One step's delay from the channel's distribution, drawn per case and step; at least the policy's shortest step, so the steps never coincide. */
    private long draw(String caseId, String step, ServiceTimeDistribution delay) {
        SplittableRandom random = CaseRandom.of(seed, caseId, "transport-" + step);
        return Math.max(policy.shortestStepMillis(), Math.round(delay.sampleHours(random) * 60 * MINUTE));
    }

    /** Which way a message goes: the statuses its evidence repeats until it is delivered, and once it is. */
    private enum Leg {
        /** The request to the requested node: its own model delivers and retrieves it. */
        REQUEST(CaseStatus.ROUTED, CaseStatus.DELIVERED),
        /** The results back to the requesting state: the transport delivers them, their retrieval closes the case. */
        RETURN(CaseStatus.EVIDENCE_TRANSMITTED, CaseStatus.EVIDENCE_TRANSMITTED);

        final CaseStatus sent;
        final CaseStatus delivered;

        Leg(CaseStatus sent, CaseStatus delivered) {
            this.sent = sent;
            this.delivered = delivered;
        }
    }

    private record Due(long at, String caseId) implements Comparable<Due> {
        private static final Comparator<Due> ORDER = Comparator.comparingLong(Due::at).thenComparing(Due::caseId);

        @Override
        public int compareTo(Due o) {
            return ORDER.compare(this, o);
        }
    }

    private static final class Message {
        final String caseId;
        final long relayedAt;
        final long deadline;
        final Leg leg;
        /** A return's delivery and retrieval, drawn when it is sent (a request's come from its node's model). */
        long deliversAt;
        long retrievesAt;
        Long deliveredAt;
        Long retrievedAt;
        boolean relayReported;
        boolean judged;
        Due next;

        Message(String caseId, long relayedAt, long deadline, Leg leg) {
            this.caseId = caseId;
            this.relayedAt = relayedAt;
            this.deadline = deadline;
            this.leg = leg;
        }
    }
}
