package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.CrimeArea;
import org.rogatory.contracts.EscalationLevel;
import org.rogatory.contracts.RequestType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the timer keeps about one case: its status, the clocks running on it and how far
 * their ladders went, and what it knows of the cases that follow it up. Persisted per case in a
 * changelogged store, so a restarted timer resumes exactly where it stopped.
 */
public final class CaseFile {

    private String caseId;
    private RequestType requestType;
    private CaseStatus status;
    private Channel channel;
    private String requestingState;
    private String requestedState;
    private String originNode;
    private String handlingNode;
    private CrimeArea crimeArea;
    private Long requestedDeadline;
    private String lastEventId;
    private List<String> linkedCaseIds = new ArrayList<>();
    private Map<String, Long> statusTimes = new LinkedHashMap<>();
    private List<ClockKind> clocksMissed = new ArrayList<>();
    private EscalationLevel highestLevel;
    private boolean urgent;
    /** The highest priority an escalation step addressed to the handling node gave (0: none). */
    private int escalatedPriority;
    private long updatedAt;
    private List<RunningClock> clocks = new ArrayList<>();
    private Map<String, LinkedCase> followUps = new LinkedHashMap<>();
    private List<ClockRecord> history = new ArrayList<>();
    private org.rogatory.contracts.Classification classification;
    private List<DeliveryEvidence> evidence = new ArrayList<>();

    private CaseFile() {
    }

    static CaseFile open(String caseId, RequestType requestType) {
        CaseFile file = new CaseFile();
        file.caseId = caseId;
        file.requestType = requestType;
        return file;
    }

    CaseFile copy() {
        CaseFile c = new CaseFile();
        c.caseId = caseId;
        c.requestType = requestType;
        c.status = status;
        c.channel = channel;
        c.requestingState = requestingState;
        c.requestedState = requestedState;
        c.originNode = originNode;
        c.handlingNode = handlingNode;
        c.crimeArea = crimeArea;
        c.requestedDeadline = requestedDeadline;
        c.lastEventId = lastEventId;
        c.linkedCaseIds = new ArrayList<>(linkedCaseIds);
        c.statusTimes = new LinkedHashMap<>(statusTimes);
        c.clocksMissed = new ArrayList<>(clocksMissed);
        c.highestLevel = highestLevel;
        c.urgent = urgent;
        c.escalatedPriority = escalatedPriority;
        c.updatedAt = updatedAt;
        c.clocks = new ArrayList<>(clocks);
        c.followUps = new LinkedHashMap<>(followUps);
        c.history = new ArrayList<>(history);
        c.classification = classification;
        c.evidence = new ArrayList<>(evidence);
        return c;
    }

    public String caseId() { return caseId; }

    /** The delivery evidence of the case's messages, in time order. */
    public List<DeliveryEvidence> evidence() { return List.copyOf(evidence); }

    /** Keeps the trail in time order: evidence stamped earlier may be published later (a message held by an outage). */
    void recordEvidence(DeliveryEvidence proof) {
        int i = evidence.size();
        while (i > 0 && evidence.get(i - 1).at() > proof.at()) {
            i--;
        }
        evidence.add(i, proof);
    }
    public RequestType requestType() { return requestType; }
    public CaseStatus status() { return status; }
    public Channel channel() { return channel; }
    public String requestingState() { return requestingState; }
    public String requestedState() { return requestedState; }
    public String originNode() { return originNode; }
    public String handlingNode() { return handlingNode; }
    public CrimeArea crimeArea() { return crimeArea; }
    public String lastEventId() { return lastEventId; }
    public List<String> linkedCaseIds() { return List.copyOf(linkedCaseIds); }
    public Map<String, Long> statusTimes() { return Map.copyOf(statusTimes); }
    public List<ClockKind> clocksMissed() { return List.copyOf(clocksMissed); }
    public EscalationLevel highestLevel() { return highestLevel; }
    public long updatedAt() { return updatedAt; }
    public List<RunningClock> clocks() { return List.copyOf(clocks); }
    public List<LinkedCase> followUps() { return List.copyOf(followUps.values()); }
    public List<ClockRecord> history() { return List.copyOf(history); }
    public org.rogatory.contracts.Classification classification() { return classification; }

    /**
     * Where the case stands in its handling node's queue: as urgent as the request, raised by the
     * escalation steps addressed to that node, since it was delivered there (routed, until delivered).
     */
    public QueuePlace queuePlace() {
        Long since = statusTimes.getOrDefault(CaseStatus.DELIVERED.name(), statusTimes.get(CaseStatus.ROUTED.name()));
        return new QueuePlace(Math.max(QueuePlace.initial(urgent), escalatedPriority), since == null ? updatedAt : since, caseId);
    }

    public Optional<RunningClock> clock(ClockKind kind) {
        return clocks.stream().filter(c -> c.kind() == kind).findFirst();
    }

    /** The deadline the requesting state asked for (UNTOC art. 18(24)), if it did. */
    public Optional<Instant> requestedDeadline() {
        return Optional.ofNullable(requestedDeadline).map(Instant::ofEpochMilli);
    }

    public boolean hasReached(CaseStatus s) {
        return statusTimes.containsKey(s.name());
    }

    void moveTo(CaseStatus next, long at) {
        status = next;
        statusTimes.putIfAbsent(next.name(), at);
        updatedAt = Math.max(updatedAt, at);
    }

    void route(CaseChange change) {
        channel = change.channel();
        if (!Objects.equals(handlingNode, change.nodeId())) {
            escalatedPriority = 0; // another node's queue: the escalations addressed to the last one do not carry over
        }
        handlingNode = change.nodeId();
        CaseChange.RequestFacts r = change.request();
        if (r != null) {
            requestingState = r.requestingState();
            requestedState = r.requestedState();
            originNode = r.originNode();
            crimeArea = r.crimeArea();
            urgent = r.urgent();
            requestedDeadline = r.requestedDeadline() == null ? null : r.requestedDeadline().toEpochMilli();
            linkedCaseIds = new ArrayList<>(r.linkedCaseIds());
        }
    }

    void lastEvent(String eventId, org.rogatory.contracts.Classification eventClassification) {
        lastEventId = eventId;
        if (eventClassification != null) {
            classification = eventClassification;
        }
    }

    void touch(long at) {
        updatedAt = Math.max(updatedAt, at);
    }

    void begin(RunningClock clock) {
        put(clock);
        history.add(new ClockRecord(clock.kind(), clock.startedAt(), clock.deadline(), null, false));
    }

    /** Records a clock met on its last start (when not already missed). */
    void met(ClockKind kind, long at) {
        int i = lastRecord(kind);
        if (i >= 0 && !history.get(i).missed() && history.get(i).metAt() == null) {
            history.set(i, history.get(i).metAt(at));
        }
    }

    private int lastRecord(ClockKind kind) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).kind() == kind) {
                return i;
            }
        }
        return -1;
    }

    void put(RunningClock clock) {
        clocks.removeIf(c -> c.kind() == clock.kind());
        clocks.add(clock);
    }

    void stop(ClockKind kind) {
        clocks.removeIf(c -> c.kind() == kind);
    }

    void stopAll() {
        clocks.clear();
    }

    void missed(ClockKind kind) {
        int i = lastRecord(kind);
        if (i >= 0) {
            history.set(i, history.get(i).markedMissed());
        }
        if (!clocksMissed.contains(kind)) {
            clocksMissed.add(kind);
        }
    }

    void escalatedTo(EscalationLevel level, String target) {
        if (target.equals(handlingNode)) {
            escalatedPriority = Math.max(escalatedPriority, QueuePlace.escalated(level));
        }
        if (highestLevel == null || Ladder.STEPS.indexOf(level) > Ladder.STEPS.indexOf(highestLevel)) {
            highestLevel = level;
        }
    }

    void followedUpBy(LinkNotice notice) {
        LinkedCase known = followUps.getOrDefault(notice.caseId(),
            new LinkedCase(notice.caseId(), notice.requestType(), null, null, null));
        followUps.put(notice.caseId(), known.with(notice));
    }
}
