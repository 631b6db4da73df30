package org.rogatory.authorities.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.WorkingCalendar;
import org.rogatory.timer.domain.CaseChange;
import org.rogatory.timer.domain.ConsultationDuty;
import org.rogatory.timer.domain.QueuePlace;

/**
 * One node of the world (central authority, 24/7 point, NCB, ministry...) as a discrete-event
 * simulation in simulated time: c officers work through a priority queue during the node's open
 * hours. Inputs (arrivals, escalations, outages, staff cuts) must be given in simulated-time
 * order, which the caller guarantees by buffering until its watermark passes; {@link #advanceTo}
 * then replays every event up to the watermark. Every random draw comes from
 * {@link CaseRandom} keyed by (seed, case id, step), so the outcome of a case does not depend on
 * which other cases share the node or on thread timing.
 */
public final class Authority {
    private static final long HOUR = 3_600_000L;

    private final String nodeId;
    private final int baseOfficers;
    private final WorkingCalendar calendar;
    private final Set<String> languages;
    private final boolean refusesUntranslated;
    private final NodeBehaviour behaviour;
    private final long seed;
    /** People play the node: the model delivers (transport evidence, held through outages) and leaves the rest to them. */
    private final boolean playedByPeople;
    /** The executing authorities of the node's state, for the requests it grants ({@link RoundTrip}). */
    private final ExecutionRoute executionRoute;

    private long now;
    private int officers;
    private int outages;
    private long sequence;
    private final PriorityQueue<Scheduled> agenda = new PriorityQueue<>();
    private final TreeSet<Handling> queue = new TreeSet<>(Handling.QUEUE_ORDER);
    private final Map<String, Handling> cases = new HashMap<>();
    private final List<Handling> inService = new ArrayList<>();
    private final List<Handling> heldByOutage = new ArrayList<>();
    /** Preservations this node executed and will renew when the requesting state asks (rule 10). */
    private final Map<String, Handling> preserved = new HashMap<>();
    private List<NodeAction> emitted = new ArrayList<>();
    private List<RoundTrip.Handover> handovers = new ArrayList<>();
    /** Bumped by every event scheduled or handled: only these change the backlog, which is computed again only after one. */
    private long changes;
    private long backlogChanges = -1;
    private NodeBacklog backlog;

    private long arrivals;
    private long served;
    private long decided;
    private long waitMillis;
    private long busyMillis;
    private long capacityMillis;

    public Authority(String nodeId, int officers, WorkingCalendar calendar, Set<String> languages,
                     boolean refusesUntranslated, NodeBehaviour behaviour, long seed, long start) {
        this(nodeId, officers, calendar, languages, refusesUntranslated, behaviour, seed, start, false);
    }

    /** @param playedByPeople the model only delivers what reaches the node; its players act on it through the gateway */
    public Authority(String nodeId, int officers, WorkingCalendar calendar, Set<String> languages,
                     boolean refusesUntranslated, NodeBehaviour behaviour, long seed, long start, boolean playedByPeople) {
        this(nodeId, officers, calendar, languages, refusesUntranslated, behaviour, seed, start, playedByPeople,
                ExecutionRoute.NONE);
    }

    /** @param executionRoute where the requests it grants go for execution ({@link RoundTrip}) */
    public Authority(String nodeId, int officers, WorkingCalendar calendar, Set<String> languages, boolean refusesUntranslated,
                     NodeBehaviour behaviour, long seed, long start, boolean playedByPeople, ExecutionRoute executionRoute) {
        if (officers < 1) {
            throw new IllegalArgumentException("a node needs at least one officer, " + nodeId + " has " + officers);
        }
        this.nodeId = nodeId;
        this.baseOfficers = officers;
        this.officers = officers;
        this.calendar = calendar;
        this.languages = Set.copyOf(languages);
        this.refusesUntranslated = refusesUntranslated;
        this.behaviour = behaviour;
        this.seed = seed;
        this.now = start;
        this.playedByPeople = playedByPeople;
        this.executionRoute = executionRoute;
    }

    public long now() {
        return now;
    }

    /** A request reaches the inbox. Returns false for a case already at this node. */
    public boolean receive(Arrival arrival) {
        requireNotPast(arrival.at());
        if (cases.containsKey(arrival.caseId())) {
            return false;
        }
        Handling h = new Handling(arrival);
        cases.put(h.caseId, h);
        schedule(arrival.at(), Kind.ARRIVAL, h, 0);
        Procedure procedure = behaviour.procedure();
        if (procedure.withdrawal() > 0
                && CaseRandom.of(seed, h.caseId, "withdrawal", 0).nextDouble() < procedure.withdrawal()) {
            schedule(arrival.at() + hours(procedure.withdrawalAfterHours()), Kind.WITHDRAWAL, h, 0);
        }
        return true;
    }

    /**
     * A granted request reaches this node, an executing authority, from the node that transmitted
     * it (a domestic hop, no e-CODEX evidence); it is queued for execution, and its results go back
     * to {@code from} when executed ({@link RoundTrip}).
     */
    public boolean receiveForExecution(RoundTrip.Handover handover) {
        requireNotPast(handover.at());
        if (cases.containsKey(handover.caseId())) {
            return false;
        }
        Handling h = new Handling(new Arrival(handover.caseId(), handover.requestType(), handover.language(), handover.at(),
                handover.priority()));
        h.executing = true;
        h.transmittedBy = handover.from();
        cases.put(h.caseId, h);
        schedule(handover.at(), Kind.ARRIVAL, h, 0);
        return true;
    }

    /**
     * The person playing this node forwarded the request for execution ({@code IN_EXECUTION}, relayed
     * as written): it goes on to the state's executing authority as a simulated node's would, and
     * the results come back here to be transmitted to the requesting state ({@link RoundTrip}). A
     * request that takes no round trip, or a state without an executing authority, leaves the
     * execution to the player.
     */
    public void forwardedByPlayer(String caseId, long at) {
        requireNotPast(at);
        Handling h = cases.get(caseId);
        if (h != null) {
            schedule(at, Kind.FORWARDED_BY_PLAYER, h, 0);
        }
    }

    /** The executing authority's results reach this node, which transmits them back to the requesting state ({@link RoundTrip}). */
    public void resultsReturned(RoundTrip.Handover handover) {
        requireNotPast(handover.at());
        schedule(handover.at(), Kind.RESULTS_RETURNED,
                new Handling(new Arrival(handover.caseId(), handover.requestType(), handover.language(), handover.at())), 0);
    }

    /** The domestic hops of the round trip the node started in the last {@link #advanceTo}, each with its arrival time. */
    public List<RoundTrip.Handover> handovers() {
        return handovers;
    }

    /** An escalation step reaches the node: the case moves up its queue (docs/domain.md#queue-discipline). */
    public void escalate(String caseId, long at, int priority) {
        requireNotPast(at);
        Handling h = cases.get(caseId);
        if (h != null) {
            schedule(at, Kind.ESCALATION, h, priority);
        }
    }

    /** The node is down in [from, until): nothing is delivered or worked on; arrivals wait. */
    public void outage(long from, long until) {
        requireNotPast(from);
        requirePeriod(from, until);
        schedule(from, Kind.NODE_DOWN, null, 0);
        schedule(until, Kind.NODE_UP, null, 0);
    }

    /** Only {@code officers} work in [from, until); reviews under way are finished, not dropped. */
    public void staffCut(long from, long until, int reducedOfficers) {
        requireNotPast(from);
        requirePeriod(from, until);
        if (reducedOfficers < 0) {
            throw new IllegalArgumentException("officers must be >= 0");
        }
        schedule(from, Kind.OFFICERS, null, reducedOfficers);
        schedule(until, Kind.OFFICERS, null, baseOfficers);
    }

    /** Replays every event up to {@code watermark} and returns what the node did, in order. */
    public List<NodeAction> advanceTo(long watermark) {
        emitted = new ArrayList<>();
        handovers = new ArrayList<>();
        while (true) {
            Handling completing = nextCompletion();
            long completionAt = completing == null ? Long.MAX_VALUE : completionAt(completing);
            Scheduled next = agenda.peek();
            long eventAt = next == null ? Long.MAX_VALUE : next.at;
            long openingAt = canStartWhenOpen() ? calendar.nextOpening(now) : Long.MAX_VALUE;
            long at = Math.min(completionAt, Math.min(eventAt, openingAt));
            if (at > watermark) {
                break;
            }
            progressTo(at);
            changes++;
            if (completing != null && completionAt == at) {
                complete(completing);
            } else if (eventAt == at) {
                handle(agenda.poll());
            }
            dispatch();
        }
        progressTo(watermark);
        return emitted;
    }

    /** The officer's case that finishes first (ties by case id); null while the node is down or idle. */
    private Handling nextCompletion() {
        Handling completing = null;
        long completionAt = Long.MAX_VALUE;
        if (outages == 0) {
            for (Handling h : inService) {
                long t = completionAt(h);
                if (t < completionAt || (t == completionAt && h.caseId.compareTo(completing.caseId) < 0)) {
                    completionAt = t;
                    completing = h;
                }
            }
        }
        return completing;
    }

    private long completionAt(Handling h) {
        return calendar.addOpenMillis(now, h.remainingWork);
    }

    public NodeStatistics statistics() {
        return new NodeStatistics(now, arrivals, served, decided, waitMillis, busyMillis, capacityMillis);
    }

    /** The requests at the node and its staffing now (as of {@link #now()}). */
    public NodeBacklog backlog() {
        if (backlogChanges != changes) {
            backlog = countBacklog();
            backlogChanges = changes;
        }
        return backlog;
    }

    private NodeBacklog countBacklog() {
        Map<RequestType, Integer> byType = new EnumMap<>(RequestType.class);
        queue.forEach(h -> byType.merge(h.requestType, 1, Integer::sum));
        OptionalLong oldest = queue.stream().mapToLong(h -> h.queuedAt).min();
        Map<Kind, Integer> away = new EnumMap<>(Kind.class);
        for (Scheduled event : agenda) {
            // the kind first: a look-up of the case for every entry of a long agenda was the authorities' top cost under load
            if ((event.kind == Kind.TRANSLATED || event.kind == Kind.INFO_SUPPLIED || event.kind == Kind.CONSULTATION_ENDS)
                    && cases.get(event.handling.caseId) == event.handling) {
                away.merge(event.kind, 1, Integer::sum);
            }
        }
        return new NodeBacklog(queue.size(), oldest, byType, inService.size(), heldByOutage.size(),
                away.getOrDefault(Kind.TRANSLATED, 0), away.getOrDefault(Kind.INFO_SUPPLIED, 0),
                away.getOrDefault(Kind.CONSULTATION_ENDS, 0), officers, baseOfficers, outages > 0);
    }

    private boolean canStartWhenOpen() {
        return outages == 0 && !queue.isEmpty() && inService.size() < officers && !calendar.isOpen(now);
    }

    /** Officer-time accounting between events: nothing changes but the work done. */
    private void progressTo(long at) {
        if (at <= now) {
            return;
        }
        long open = outages > 0 ? 0 : calendar.openMillisBetween(now, at);
        busyMillis += inService.size() * open;
        capacityMillis += Math.max(officers, inService.size()) * open;
        for (Handling h : inService) {
            h.remainingWork = Math.max(0, h.remainingWork - open);
        }
        now = at;
    }

    private void handle(Scheduled event) {
        Handling h = event.handling;
        if (h != null && event.kind != Kind.RENEWAL_ASKED && event.kind != Kind.RESULTS_RETURNED && cases.get(h.caseId) != h) {
            return; // decided or withdrawn: nothing later happens on the case here (rule 10)
        }
        switch (event.kind) {
            case ARRIVAL -> {
                arrivals++;
                if (outages > 0) {
                    heldByOutage.add(h);
                } else {
                    deliver(h);
                }
            }
            case RETRIEVED -> retrieve(h);
            case TRANSLATED, INFO_SUPPLIED -> enqueue(h);
            case CONSULTATION_ENDS -> endConsultation(h, event.value == 1);
            case CONDITIONS_ANSWERED -> answerConditions(h);
            case WITHDRAWAL -> withdraw(h, "withdrawn by the requesting state: no longer needed",
                    Procedure.WITHDRAWN_BY_REQUESTING_STATE);
            case RENEWAL_ASKED -> renew(h);
            case FORWARDED_BY_PLAYER -> executorOf(h).ifPresent(executor -> sendForExecution(h, executor));
            case RESULTS_RETURNED -> emit(h, CaseStatus.EVIDENCE_TRANSMITTED, null,
                    "results transmitted back to the requesting state", RoundTrip.EVIDENCE_TRANSMITTED);
            case ESCALATION -> raisePriority(h, event.value);
            case NODE_DOWN -> outages++;
            case NODE_UP -> {
                outages--;
                if (outages == 0) {
                    heldByOutage.forEach(this::deliver);
                    heldByOutage.clear();
                }
            }
            case OFFICERS -> officers = event.value;
        }
    }

    /** The node has it (e-CODEX DELIVERED); its system retrieves it after the transport's drawn delay. */
    private void deliver(Handling h) {
        if (h.transmittedBy != null) {
            // a domestic hop: no e-CODEX evidence, no translation (the central authority had it)
            emit(h, CaseStatus.IN_EXECUTION, null, "received from " + h.transmittedBy + " for execution",
                    CaseChange.RECEIVED_FOR_EXECUTION);
            h.queuedAt = h.arrivedAt;
            enqueue(h);
            return;
        }
        record(h, EvidenceType.DELIVERED, CaseStatus.DELIVERED,
                h.arrivedAt == now ? "delivered" : "delivered after the node came back up", "e-CODEX:DELIVERED");
        if (h.retrievalMillis > 0) {
            schedule(now + h.retrievalMillis, Kind.RETRIEVED, h, 0);
        } else {
            retrieve(h);
        }
    }

    /** e-CODEX RETRIEVED (the node's system has it, before any officer), then translation when the language is not accepted (rule 6). */
    private void retrieve(Handling h) {
        record(h, EvidenceType.RETRIEVED, CaseStatus.DELIVERED, "retrieved by the node's system", "e-CODEX:RETRIEVED");
        if (playedByPeople) {
            return; // translation, review and the answer are the players' steps
        }
        if (acceptsLanguage(h) || refusesUntranslated) {
            h.queuedAt = h.arrivedAt;
            enqueue(h);
        } else {
            emit(h, CaseStatus.TRANSLATING, null, "request in '" + h.language + "' is being translated",
                    "UNTOC-18.14:LANGUAGE");
            schedule(now + Math.round(behaviour.translationHours() * HOUR), Kind.TRANSLATED, h, 0);
        }
    }

    private void enqueue(Handling h) {
        if (h.queuedAt < 0) {
            h.queuedAt = now;
        }
        queue.add(h);
    }

    private void raisePriority(Handling h, int priority) {
        if (priority <= h.priority) {
            return;
        }
        boolean queued = queue.remove(h);
        h.priority = priority;
        if (queued) {
            queue.add(h);
        }
    }

    private void dispatch() {
        while (outages == 0 && inService.size() < officers && !queue.isEmpty() && calendar.isOpen(now)) {
            Handling h = queue.pollFirst();
            waitMillis += now - h.queuedAt;
            served++;
            h.queuedAt = -1;
            SplittableRandom random = CaseRandom.of(seed, h.caseId, "service", h.round);
            h.remainingWork = Math.round(behaviour.serviceTime(h.requestType).sampleHours(random) * HOUR);
            inService.add(h);
            if (h.round == 0 && h.transmittedBy == null) {
                emit(h, CaseStatus.ACKNOWLEDGED, null, "receipt acknowledged", "NODE:ACKNOWLEDGED");
            }
            if (h.executing) {
                emit(h, CaseStatus.IN_EXECUTION, null, "an officer starts the execution", CaseChange.EXECUTION_STARTED);
            } else {
                emit(h, CaseStatus.UNDER_REVIEW, null, "an officer reviews the request", "NODE:REVIEW");
            }
        }
    }

    /** End of a review: the outcome is drawn from the node's behaviour, per case and round. */
    private void complete(Handling h) {
        inService.remove(h);
        SplittableRandom random = CaseRandom.of(seed, h.caseId, "outcome", h.round);
        double u = random.nextDouble();
        h.round++;
        if (refusesUntranslated && h.transmittedBy == null && !acceptsLanguage(h)) {
            refuseOrConsult(h, RefusalGround.UNTRANSLATED);
            return;
        }
        if (h.consulted || h.executing) {
            finish(h, u < behaviour.partial() ? CaseStatus.PARTIALLY_EXECUTED : CaseStatus.EXECUTED);
            return;
        }
        double moreInfo = behaviour.moreInfo();
        double refuse = moreInfo + behaviour.refuse();
        double consult = refuse + behaviour.consult();
        double partial = consult + behaviour.partial();
        if (u < moreInfo) {
            // UNTOC art. 18(16): the requested state may ask for additional information
            emit(h, CaseStatus.MORE_INFO_REQUESTED, null, "additional information requested", "UNTOC-18.16:MORE-INFO");
            schedule(now + Math.round(behaviour.moreInfoReplyHours() * HOUR), Kind.INFO_SUPPLIED, h, 0);
        } else if (u < refuse) {
            refuseOrConsult(h, behaviour.drawGround(random));
        } else if (u < consult) {
            consult(h, behaviour.drawGround(random), false);
        } else {
            finish(h, u < partial ? CaseStatus.PARTIALLY_EXECUTED : CaseStatus.EXECUTED);
        }
    }

    /**
     * A refusal, after consultation where the request's type calls for it ({@link ConsultationDuty}):
     * always for MLA (UNTOC art. 18(26)), for extradition with the node's probability (art. 16(16),
     * "where appropriate", drawn per case so the choice does not depend on other cases), never else.
     */
    private void refuseOrConsult(Handling h, RefusalGround ground) {
        boolean consults = switch (ConsultationDuty.of(h.requestType)) {
            case REQUIRED -> true;
            case WHERE_APPROPRIATE -> CaseRandom.of(seed, h.caseId, "consult-before-refusal", h.round).nextDouble()
                    < behaviour.consultBeforeRefusingExtradition();
            case NONE -> false;
        };
        if (consults) {
            consult(h, ground, true);
        } else {
            h.ground = ground;
            refuse(h);
        }
    }

    /** UNTOC art. 18(26): consult the requesting state before refusing or postponing. */
    private void consult(Handling h, RefusalGround ground, boolean endsInRefusal) {
        h.ground = ground;
        emit(h, CaseStatus.CONSULTATION, ground, "consultation on " + ground, "UNTOC-18.26:CONSULTATION");
        schedule(now + Math.round(behaviour.consultationHours() * HOUR), Kind.CONSULTATION_ENDS, h, endsInRefusal ? 1 : 0);
    }

    /**
     * Only a request whose texts provide for consultation (MLA and confiscation, UNTOC 18(26) and
     * 13(3); extradition, its assurances) may be granted subject to conditions; another's
     * consultation (an arbitration's, a police request's) ends in execution.
     */
    private void endConsultation(Handling h, boolean refused) {
        if (refused) {
            refuse(h);
        } else if (ConsultationDuty.of(h.requestType) != ConsultationDuty.NONE
                && CaseRandom.of(seed, h.caseId, "conditions", h.round).nextDouble() < behaviour.procedure().conditions()) {
            grantSubjectToConditions(h);
        } else {
            h.consulted = true;
            enqueue(h);
        }
    }

    /**
     * UNTOC art. 18(26): the consultation ends in assistance granted subject to conditions (in
     * extradition, assurances: res. 12/1 annex II (j)); the requesting state answers after its reply delay.
     */
    private void grantSubjectToConditions(Handling h) {
        emit(h, CaseStatus.GRANTED_SUBJECT_TO_CONDITIONS, null, h.requestType == RequestType.EXTRADITION
                ? "extradition granted subject to assurances" : "granted subject to conditions",
                Procedure.conditionsGranted(h.requestType));
        schedule(now + hours(behaviour.procedure().conditionsReplyHours()), Kind.CONDITIONS_ANSWERED, h, 0);
    }

    /** The requesting state accepts the conditions, and the node executes; or it does not, and withdraws the request. */
    private void answerConditions(Handling h) {
        if (CaseRandom.of(seed, h.caseId, "conditions-accepted", h.round).nextDouble() < behaviour.procedure().acceptConditions()) {
            Optional<String> executor = executorOf(h);
            if (executor.isPresent()) {
                transmitForExecution(h, executor.get(), "the requesting state accepts the conditions; ",
                        Procedure.CONDITIONS_ACCEPTED, RoundTrip.TRANSMITTED_FOR_EXECUTION);
                return;
            }
            emit(h, CaseStatus.IN_EXECUTION, null, "the requesting state accepts the conditions", Procedure.CONDITIONS_ACCEPTED);
            h.executing = true;
            enqueue(h);
        } else {
            withdraw(h, "the requesting state does not accept the conditions", Procedure.CONDITIONS_NOT_ACCEPTED);
        }
    }

    /** The requesting state's decision (rule 10): the case leaves the node, and nothing is executed on it. */
    private void withdraw(Handling h, String detail, String reason) {
        queue.remove(h);
        inService.remove(h);
        heldByOutage.remove(h);
        cases.remove(h.caseId);
        emit(h, CaseStatus.WITHDRAWN, null, detail, reason);
    }

    /** Cybercrime Convention art. 42: the node renews the preservation the requesting state asks it to, a fresh period. */
    private void renew(Handling h) {
        h.renewals++;
        emit(h, CaseStatus.EXECUTED, null, "preservation renewed at the requesting state's request", Procedure.renewal());
        keepPreserved(h);
    }

    /** While renewals remain, the requesting state asks for the next one the renewal lead before the period ends. */
    private void keepPreserved(Handling h) {
        Procedure procedure = behaviour.procedure();
        if (h.renewals < procedure.preservationRenewals()) {
            preserved.put(h.caseId, h);
            schedule(now + hours(procedure.preservationPeriodHours() - procedure.renewalLeadHours()), Kind.RENEWAL_ASKED, h, 0);
        } else {
            preserved.remove(h.caseId);
        }
    }

    private void refuse(Handling h) {
        // UNTOC art. 18(21) grounds; 18(23) reasons given for any refusal
        emit(h, CaseStatus.REFUSED, h.ground, "refused on " + h.ground, "UNTOC-18.21:REFUSED", "UNTOC-18.23:REASONS");
        decided++;
        cases.remove(h.caseId);
    }

    private void finish(Handling h, CaseStatus outcome) {
        Optional<String> executor = executorOf(h);
        if (executor.isPresent()) {
            transmitForExecution(h, executor.get(), "", RoundTrip.TRANSMITTED_FOR_EXECUTION);
            return;
        }
        emit(h, outcome, null, outcome == CaseStatus.EXECUTED ? "executed" : "partially executed",
                "UNTOC-18.17:EXECUTED-UNDER-DOMESTIC-LAW");
        decided++;
        cases.remove(h.caseId);
        if (h.transmittedBy != null) {
            // the results go back to the node that transmitted the request, a domestic hop of drawn length
            handovers.add(new RoundTrip.Handover(h.caseId, h.requestType, h.language, h.priority, nodeId, h.transmittedBy,
                    now + hop(h, "return-from-execution", behaviour.procedure().returnFromExecutionHours()), false));
        }
        if (outcome == CaseStatus.EXECUTED && h.requestType == RequestType.PRESERVATION) {
            keepPreserved(h);
        }
    }

    /** The executing authority a request this node grants goes to, if it takes the round trip and the state has one. */
    private Optional<String> executorOf(Handling h) {
        return h.transmittedBy == null && RoundTrip.takes(h.requestType) ? executionRoute.executorOf(h.requestType)
                : Optional.empty();
    }

    /** The granted request leaves for its executing authority, a domestic hop of drawn length (UNTOC art. 18(13)). */
    private void transmitForExecution(Handling h, String executor, String why, String... reasons) {
        emit(h, CaseStatus.IN_EXECUTION, null, why + "transmitted to " + executor + " for execution", reasons);
        decided++;
        sendForExecution(h, executor);
    }

    /** The case leaves this node for {@code executor}, a domestic hop of drawn length. */
    private void sendForExecution(Handling h, String executor) {
        cases.remove(h.caseId);
        handovers.add(new RoundTrip.Handover(h.caseId, h.requestType, h.language, h.priority, nodeId, executor,
                now + hop(h, "forward-for-execution", behaviour.procedure().forwardForExecutionHours()), true));
    }

    /** A domestic hop's length, exponential with the given mean, drawn per case; at least a minute, so the steps never coincide. */
    private long hop(Handling h, String step, double meanHours) {
        double hours = meanHours == 0 ? 0 : new ServiceTimeDistribution.Exponential(meanHours).sampleHours(CaseRandom.of(seed, h.caseId, step, 0));
        return Math.max(60_000L, hours(hours));
    }

    private boolean acceptsLanguage(Handling h) {
        return languages.contains(h.language);
    }

    private void emit(Handling h, CaseStatus status, RefusalGround ground, String detail, String... reasons) {
        emitted.add(new NodeAction(h.caseId, nodeId, status, now, ground, List.of(reasons), detail));
    }

    private static long hours(double hours) {
        return Math.round(hours * HOUR);
    }

    /** A delivery evidence the node gives (the transport judges whether it came in time). */
    private void record(Handling h, EvidenceType evidence, CaseStatus status, String detail, String reason) {
        emitted.add(new NodeAction(h.caseId, nodeId, status, now, null, List.of(reason), detail, evidence));
    }

    private void schedule(long at, Kind kind, Handling h, int value) {
        changes++;
        agenda.add(new Scheduled(at, kind, h, value, sequence++));
    }

    private void requireNotPast(long at) {
        if (at < now) {
            throw new IllegalArgumentException("node " + nodeId + " is at " + now + ", cannot accept an input at " + at
                    + ": feed inputs in simulated-time order (buffer until the watermark passes)");
        }
    }

    private static void requirePeriod(long from, long until) {
        if (until <= from) {
            throw new IllegalArgumentException("period must end after it starts");
        }
    }

    /** Event kinds in the order they are handled when they fall on the same instant. */
    private enum Kind {
        NODE_UP, OFFICERS, NODE_DOWN, CONSULTATION_ENDS, CONDITIONS_ANSWERED, INFO_SUPPLIED, TRANSLATED, RETRIEVED, ARRIVAL,
        ESCALATION, WITHDRAWAL, RENEWAL_ASKED, RESULTS_RETURNED, FORWARDED_BY_PLAYER
    }

    private record Scheduled(long at, Kind kind, Handling handling, int value, long sequence) implements Comparable<Scheduled> {
        @Override
        public int compareTo(Scheduled o) {
            int c = Long.compare(at, o.at);
            if (c == 0) {
                c = kind.compareTo(o.kind);
            }
            if (c == 0 && handling != null && o.handling != null) {
                c = handling.caseId.compareTo(o.handling.caseId);
            }
            return c != 0 ? c : Long.compare(sequence, o.sequence);
        }
    }

    /** A case while it is at this node. */
    private static final class Handling {
        /** The queue discipline a played node's inbox follows too: one definition, {@link QueuePlace}. */
        static final Comparator<Handling> QUEUE_ORDER = Comparator.comparing(Handling::place);

        final String caseId;
        final RequestType requestType;
        final String language;
        final long arrivedAt;
        final long retrievalMillis;
        int priority;
        int round;
        boolean consulted;
        /** The requesting state accepted the conditions: the next service executes. */
        boolean executing;
        int renewals;
        long queuedAt = -1;
        long remainingWork;
        RefusalGround ground;
        /** The node that transmitted the request here for execution; null for a request that came by a channel. */
        String transmittedBy;

        QueuePlace place() {
            return new QueuePlace(priority, queuedAt, caseId);
        }

        Handling(Arrival arrival) {
            this.caseId = arrival.caseId();
            this.requestType = arrival.requestType();
            this.language = arrival.language();
            this.arrivedAt = arrival.at();
            this.retrievalMillis = arrival.retrievalMillis();
            this.priority = arrival.priority();
        }
    }
}
