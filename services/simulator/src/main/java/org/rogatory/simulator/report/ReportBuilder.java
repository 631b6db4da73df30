package org.rogatory.simulator.report;

import org.rogatory.authorities.domain.ECodexTransport;
import org.rogatory.authorities.domain.NodeStatistics;
import org.rogatory.authorities.domain.RoundTrip;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.ClockState;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.EscalationLevel;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.WorkingCalendar;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.exercise.Scenario;
import org.rogatory.simulator.report.ExerciseReport.Breakdown;
import org.rogatory.simulator.report.ExerciseReport.ClockCount;
import org.rogatory.simulator.report.ExerciseReport.InjectLine;
import org.rogatory.simulator.report.ExerciseReport.Latency;
import org.rogatory.simulator.report.ExerciseReport.NodeLine;
import org.rogatory.simulator.report.ExerciseReport.PlayerLine;
import org.rogatory.gateway.PlayerActionForm;
import org.rogatory.simulator.report.ExerciseReport.OutcomeLine;
import org.rogatory.simulator.report.ExerciseReport.Totals;
import org.rogatory.simulator.report.ExerciseReport.TransportLine;
import org.rogatory.timer.domain.CaseChange;
import org.rogatory.timer.domain.DeliveryEvidence;
import org.rogatory.timer.domain.LadderPolicy;
import org.rogatory.timer.domain.LegalClock;
import org.rogatory.timer.topology.CaseTimerTopology;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes the after-action report from a run's log, as of the end of the exercise: the
 * pipeline runs a little past the end so that every clock due by then is decided, and what
 * happened after the end is left out. Pure: same log, same report.
 */
public final class ReportBuilder {

    static final double DAY_MILLIS = 86_400_000d;
    /** Statuses by which a node has finished its part of a case. */
    private static final Set<CaseStatus> SERVICE_END = Set.of(CaseStatus.EXECUTED, CaseStatus.PARTIALLY_EXECUTED,
        CaseStatus.REFUSED, CaseStatus.MORE_INFO_REQUESTED, CaseStatus.CONSULTATION, CaseStatus.WITHDRAWN);

    private final long start;
    private final long end;
    private final RunLog log;
    private final List<CaseEvent> decisions;
    private final List<CaseEvent> nodeActions;
    private final List<Escalation> escalations;
    /** Each case's view as of the end: statuses and clocks after it are not counted. */
    private final Map<String, CaseView> cases = new HashMap<>();
    private final Map<String, CaseEvent> routedByCase = new HashMap<>();
    private final Map<String, Instant> submittedAt = new HashMap<>();
    /** When each node's system retrieved each case (node|case): its officers could start from then. */
    private final Map<String, Long> retrievedAt = new HashMap<>();
    /** Cases transmitted to an executing authority: closed only when the requesting state receives the results. */
    private final Set<String> onRoundTrip;

    public ReportBuilder(RunLog log, Instant start, double simulatedDays) {
        this.log = log;
        this.start = start.toEpochMilli();
        this.end = this.start + Math.round(simulatedDays * DAY_MILLIS);
        this.decisions = log.decisions().stream().filter(e -> before(e.getHeader().getSimulatedTime())).toList();
        // the case's steps; what only records the transport is in each case view's evidence trail
        this.nodeActions = log.nodeActions().stream().filter(e -> before(e.getHeader().getSimulatedTime()))
            .filter(e -> e.getEvidence() == null || DeliveryEvidence.movesCase(e.getEvidence().getType(), e.getStatus())).toList();
        log.nodeActions().stream().filter(e -> e.getEvidence() != null && e.getEvidence().getType() == EvidenceType.RETRIEVED)
            .forEach(e -> retrievedAt.putIfAbsent(e.getNodeId() + "|" + e.getHeader().getCaseId(),
                e.getHeader().getSimulatedTime().toEpochMilli()));
        this.onRoundTrip = nodeActions.stream().filter(e -> e.getReasonCodes().contains(RoundTrip.TRANSMITTED_FOR_EXECUTION))
            .map(e -> e.getHeader().getCaseId()).collect(Collectors.toSet());
        this.escalations = log.escalations().stream().filter(e -> before(e.getHeader().getSimulatedTime())).toList();
        log.requests().forEach(r -> submittedAt.put(r.getHeader().getCaseId(), r.getHeader().getSimulatedTime()));
        log.cases().forEach((id, view) -> asOfEnd(view).ifPresent(v -> cases.put(id, v)));
        for (CaseEvent decision : decisions) {
            if (decision.getStatus() == CaseStatus.ROUTED) {
                routedByCase.putIfAbsent(decision.getHeader().getCaseId(), decision);
            }
        }
    }

    private boolean before(Instant at) {
        return at.toEpochMilli() < end;
    }

    /** The view with only what happened before the end; empty for a case opened after it. */
    private Optional<CaseView> asOfEnd(CaseView view) {
        Map<String, Instant> times = new TreeMap<>();
        // The timer starts a case at routing; the submission time comes from the request itself.
        Optional.ofNullable(submittedAt.get(view.getCaseId())).ifPresent(at -> times.put(CaseStatus.SUBMITTED.name(), at));
        view.getStatusTimes().forEach((status, at) -> {
            if (before(at)) {
                times.put(status, at);
            }
        });
        if (times.isEmpty()) {
            return Optional.empty();
        }
        CaseStatus status = before(view.getUpdatedAt()) ? view.getStatus() : times.entrySet().stream()
            .max(Map.Entry.<String, Instant>comparingByValue()
                .thenComparing(e -> CaseStatus.valueOf(e.getKey()).ordinal()))
            .map(e -> CaseStatus.valueOf(e.getKey())).orElseThrow();
        List<ClockState> clocks = view.getClocks().stream().filter(c -> before(c.getStartedAt()))
            .map(c -> ClockState.newBuilder(c)
                .setMetAt(c.getMetAt() != null && before(c.getMetAt()) ? c.getMetAt() : null)
                .setMissed(c.getMissed() && before(c.getDeadline()))
                .build())
            .toList();
        return Optional.of(CaseView.newBuilder(view).setStatus(status).setStatusTimes(times).setClocks(clocks)
            .setEvidence(view.getEvidence().stream().filter(e -> before(e.getAt())).toList()).build());
    }

    /** Every case as it stood at the end of the exercise (for cases.csv). */
    public java.util.Collection<CaseView> casesAsOfEnd() {
        return java.util.List.copyOf(cases.values());
    }

    /** Where each case of {@link #casesAsOfEnd()} stands at the end, by case id. */
    public Map<String, CaseStanding> standingsAsOfEnd() {
        Map<String, CaseStanding> standings = new HashMap<>();
        cases.values().forEach(v -> standings.put(v.getCaseId(), standing(v.getCaseId(), v.getStatus())));
        return standings;
    }

    public ExerciseReport build(Scenario scenario, ExerciseReport.Run run) {
        Totals totals = totals();
        List<NodeLine> nodes = nodes();
        SortedMap<String, ClockCount> clocks = clocksBy(view -> "all cases", true);
        SortedMap<String, Long> escalationCounts = escalationCounts();
        SortedMap<String, TransportLine> transport = transport();
        Checks checks = checks(scenario, nodes, clocks, escalationCounts, transport);
        return new ExerciseReport(scenario.name(), scenario.seed(), (end - start) / DAY_MILLIS, totals,
            latencyBy(this::channelOf), escalationCounts, clocks, missedNotEscalated(firstLadderStep(scenario)), nodes,
            players(scenario), checks.injects(),
            checks.outcomes(), checks.metrics(), breakdown(), transport, run);
    }

    /**
     * The scenario's expectations checked on the log as of the end: the report's, and, on the log
     * read so far, what a live exercise shows its trainer.
     */
    public Checks checks(Scenario scenario) {
        return checks(scenario, nodes(), clocksBy(view -> "all cases", true), escalationCounts(), transport());
    }

    /** Each inject's and expected outcome's metric against its bounds, and every metric they may name. */
    public record Checks(List<InjectLine> injects, List<OutcomeLine> outcomes, SortedMap<String, Double> metrics) {
    }

    private Checks checks(Scenario scenario, List<NodeLine> nodes, SortedMap<String, ClockCount> clocks,
                          SortedMap<String, Long> escalationCounts, SortedMap<String, TransportLine> transport) {
        SortedMap<String, Double> metrics = metrics(nodes, clocks, escalationCounts, transport);
        // the MSEL as played: when each inject reached coop.injects, if it did before the end
        Map<String, Instant> fired = new HashMap<>();
        log.injects().forEach((id, at) -> {
            if (before(at)) {
                fired.put(id, at);
            }
        });
        scenario.msel().forEach(i -> metrics.put("injects." + i.id() + ".fired", fired.containsKey(i.id()) ? 1.0 : 0.0));
        List<InjectLine> injects = scenario.msel().stream().map(i -> {
            double observed = metrics.getOrDefault(i.expectation().metric(), 0.0);
            String condition = i.conditional() ? (i.when() != null ? "when " : "unless ") + i.condition().describe() : null;
            return new InjectLine(i.id(), i.at().resolve(scenario.startAt()).toString(), condition,
                Optional.ofNullable(fired.get(i.id())).map(Instant::toString).orElse(null), i.kind().name(), i.target(),
                i.expected().strip(), i.expectation().metric(), i.expectation().atLeast(), i.expectation().atMost(),
                observed, i.expectation().holds(observed));
        }).toList();
        List<OutcomeLine> outcomes = scenario.outcomes().stream().map(o -> {
            double observed = metrics.getOrDefault(o.expectation().metric(), 0.0);
            return new OutcomeLine(o.expected().strip(), o.expectation().metric(), o.expectation().atLeast(),
                o.expectation().atMost(), observed, o.expectation().holds(observed));
        }).toList();
        return new Checks(injects, outcomes, metrics);
    }

    /** Per channel of the first routing, the cases' evidence trails as their views hold them at the end. */
    private SortedMap<String, TransportLine> transport() {
        Map<String, List<CaseView>> byChannel = cases.values().stream().filter(v -> !v.getEvidence().isEmpty())
            .collect(Collectors.groupingBy(this::channelOf));
        SortedMap<String, TransportLine> lines = new TreeMap<>();
        byChannel.forEach((channel, views) -> {
            long positive = 0;
            long negative = 0;
            long late = 0;
            List<Double> delivered = new ArrayList<>();
            List<Double> retrieved = new ArrayList<>();
            for (CaseView view : views) {
                Instant accepted = null;
                boolean failed = false;
                for (org.rogatory.contracts.DeliveryEvidence e : view.getEvidence()) {
                    if (ECodexTransport.NEGATIVE.contains(e.getType())) {
                        negative++;
                        failed = true;
                    } else if (failed) {
                        late++;
                    } else {
                        positive++;
                        if (e.getType() == EvidenceType.SUBMISSION_ACCEPTED) {
                            accepted = e.getAt();
                        } else if (accepted != null && e.getType() == EvidenceType.DELIVERED) {
                            delivered.add(Duration.between(accepted, e.getAt()).toMillis() / 60_000.0);
                        } else if (accepted != null && e.getType() == EvidenceType.RETRIEVED) {
                            retrieved.add(Duration.between(accepted, e.getAt()).toMillis() / 60_000.0);
                        }
                    }
                }
            }
            double[] d = delivered.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double[] r = retrieved.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            lines.put(channel, new TransportLine(views.size(), positive, negative, late, percentile(d, 50), percentile(d, 90),
                percentile(r, 50), percentile(r, 90)));
        });
        return lines;
    }

    Totals totals() {
        Set<String> opened = routerOpenedCases();
        long deadLettered = log.deadLetters().stream()
            .filter(d -> Topics.REQUESTS_SUBMITTED.equals(d.getSourceTopic()))
            .map(d -> d.getSourcePartition() + "/" + d.getSourceOffset()).distinct().count();
        Set<String> caseIds = new HashSet<>(opened);
        log.requests().forEach(r -> caseIds.add(r.getHeader().getCaseId()));
        Map<CaseStanding, Long> standings = new HashMap<>();
        for (String caseId : caseIds) {
            statusOf(caseId).map(s -> standing(caseId, s)).ifPresent(s -> standings.merge(s, 1L, Long::sum));
        }
        long received = standings.getOrDefault(CaseStanding.RECEIVED, 0L);
        long executed = standings.entrySet().stream().filter(s -> s.getKey().executed()).mapToLong(Map.Entry::getValue).sum();
        long refused = standings.getOrDefault(CaseStanding.REFUSED, 0L);
        long lapsed = standings.getOrDefault(CaseStanding.LAPSED, 0L);
        long withdrawn = standings.getOrDefault(CaseStanding.WITHDRAWN, 0L);
        long submitted = log.submittedRecords() + opened.size();
        long open = submitted - executed - refused - lapsed - withdrawn - deadLettered;
        return new Totals(submitted, routedByCase.size(), executed, refused, lapsed, withdrawn, open, deadLettered,
            opened.size(), received);
    }

    /** Cases the router opened itself: formal follow-ups of informal exchanges, arbitrations. */
    private Set<String> routerOpenedCases() {
        Set<String> submitted = log.requests().stream().map(r -> r.getHeader().getCaseId()).collect(Collectors.toSet());
        return decisions.stream().map(d -> d.getHeader().getCaseId()).filter(id -> !submitted.contains(id))
            .collect(Collectors.toSet());
    }

    /** Status at the end: the timer's case view, else the router's last decision (a refusal at intake). */
    private Optional<CaseStatus> statusOf(String caseId) {
        CaseView view = cases.get(caseId);
        if (view != null) {
            return Optional.of(view.getStatus());
        }
        return decisions.stream().filter(d -> d.getHeader().getCaseId().equals(caseId))
            .map(CaseEvent::getStatus).reduce((a, b) -> b);
    }

    private String channelOf(CaseView view) {
        CaseEvent routed = routedByCase.get(view.getCaseId());
        return routed == null || routed.getChannel() == null ? null : routed.getChannel().name();
    }

    private SortedMap<String, Latency> latencyBy(Function<CaseView, String> key) {
        Map<String, List<CaseView>> groups = cases.values().stream()
            .filter(v -> key.apply(v) != null)
            .collect(Collectors.groupingBy(key));
        SortedMap<String, Latency> result = new TreeMap<>();
        groups.forEach((name, views) -> {
            double[] days = views.stream()
                .filter(v -> standing(v.getCaseId(), v.getStatus()).closed())
                .mapToDouble(this::legalLatencyDays).filter(d -> d >= 0).sorted().toArray();
            result.put(name, new Latency(views.size(), days.length, percentile(days, 50), percentile(days, 90),
                percentile(days, 99)));
        });
        return result;
    }

    private CaseStanding standing(String caseId, CaseStatus status) {
        return CaseStanding.of(status, onRoundTrip.contains(caseId));
    }

    /**
     * Simulated days from submission (or routing, for cases the router opened) to the closing
     * status: for a round-trip case, the requesting state's receipt of the results.
     */
    private double legalLatencyDays(CaseView view) {
        Instant opened = view.getStatusTimes().getOrDefault(CaseStatus.SUBMITTED.name(),
            view.getStatusTimes().get(CaseStatus.ROUTED.name()));
        Instant closed = view.getStatusTimes().get(view.getStatus().name());
        if (opened == null || closed == null) {
            return -1;
        }
        return (closed.toEpochMilli() - opened.toEpochMilli()) / DAY_MILLIS;
    }

    /** Nearest-rank percentile, rounded to 3 decimals; 0 for no data. */
    static double percentile(double[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return round(sorted[Math.max(0, rank - 1)]);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private SortedMap<String, Long> escalationCounts() {
        return escalations.stream().collect(Collectors.groupingBy(e -> e.getLevel().name(), TreeMap::new,
            Collectors.counting()));
    }

    /** Reasons in {@link ExerciseReport#missedNotEscalated()}. */
    public static final String LAPSED_INSTEAD = "lapse instead of a ladder (legal effect)";
    public static final String MOVED_ON_FIRST = "case moved on (late step or closed) before the first ladder step fell due";
    public static final String DUE_AFTER_END = "first ladder step falls due after the end";

    /** How long after a missed deadline of each clock the first ladder step falls due in this scenario. */
    private static Function<ClockKind, Duration> firstLadderStep(Scenario scenario) {
        LadderPolicy ladders = scenario.caseTimer(Duration.ZERO, CaseTimerTopology.StoreKind.IN_MEMORY).ladderPolicy();
        return clock -> ladders.delay(clock, EscalationLevel.REMINDER);
    }

    /**
     * Why each clock missed by the end has no escalation. The timer climbs every ladder step that
     * falls due before the case moves on, even when it hears of the late step first, so these
     * are the only reasons.
     */
    private SortedMap<String, SortedMap<String, Long>> missedNotEscalated(Function<ClockKind, Duration> firstStep) {
        Set<String> escalated = escalations.stream()
            .map(e -> e.getHeader().getCaseId() + "|" + e.getClock() + "|" + e.getDeadline()).collect(Collectors.toSet());
        SortedMap<String, SortedMap<String, Long>> result = new TreeMap<>();
        for (CaseView view : cases.values()) {
            for (ClockState clock : view.getClocks()) {
                if (!clock.getMissed() || escalated.contains(view.getCaseId() + "|" + clock.getClock() + "|" + clock.getDeadline())) {
                    continue;
                }
                String reason = LegalClock.of(clock.getClock()).lapseReason().isPresent() ? LAPSED_INSTEAD
                    : before(clock.getDeadline().plus(firstStep.apply(clock.getClock()))) ? MOVED_ON_FIRST : DUE_AFTER_END;
                result.computeIfAbsent(clock.getClock().name(), c -> new TreeMap<>()).merge(reason, 1L, Long::sum);
            }
        }
        return result;
    }

    /** Per clock kind when {@code byKind}; else per group of cases, all clocks together. */
    private SortedMap<String, ClockCount> clocksBy(Function<CaseView, String> group, boolean byKind) {
        SortedMap<String, ClockCount> result = new TreeMap<>();
        for (CaseView view : cases.values()) {
            String name = group.apply(view);
            if (name == null) {
                continue;
            }
            for (ClockState clock : view.getClocks()) {
                result.merge(byKind ? clock.getClock().name() : name, count(clock), ReportBuilder::add);
            }
        }
        return result;
    }

    private static ClockCount count(ClockState clock) {
        return new ClockCount(1, clock.getMetAt() != null ? 1 : 0, clock.getMissed() ? 1 : 0);
    }

    private static ClockCount add(ClockCount a, ClockCount b) {
        return new ClockCount(a.started() + b.started(), a.met() + b.met(), a.missed() + b.missed());
    }

    private List<NodeLine> nodes() {
        Map<String, List<CaseEvent>> byNode = nodeActions.stream().collect(Collectors.groupingBy(CaseEvent::getNodeId));
        List<NodeLine> lines = new ArrayList<>();
        for (DirectoryEntry node : new TreeMap<>(log.directory()).values()) {
            lines.add(nodeLine(node, byNode.getOrDefault(node.getNodeId(), List.of())));
        }
        return lines;
    }

    /** Each played node: response times from a case's routing to the node to the player's first action on it. */
    private List<PlayerLine> players(Scenario scenario) {
        List<PlayerLine> lines = new ArrayList<>();
        for (Scenario.Player player : scenario.players()) {
            Map<String, Long> routedAt = new HashMap<>();
            decisions.stream().filter(d -> d.getStatus() == CaseStatus.ROUTED && player.node().equals(d.getNodeId()))
                .forEach(d -> routedAt.putIfAbsent(d.getHeader().getCaseId(), d.getHeader().getSimulatedTime().toEpochMilli()));
            Map<String, Long> firstAction = new HashMap<>();
            // the player's own steps, not the transport's delivery evidence at the node
            List<CaseEvent> actions = nodeActions.stream().filter(a -> player.node().equals(a.getNodeId())
                && a.getReasonCodes().contains(PlayerActionForm.PLAYED_BY_PERSON)).toList();
            actions.forEach(a -> firstAction.merge(a.getHeader().getCaseId(), a.getHeader().getSimulatedTime().toEpochMilli(),
                Math::min));
            double[] hours = routedAt.entrySet().stream().filter(e -> firstAction.containsKey(e.getKey()))
                .mapToDouble(e -> (firstAction.get(e.getKey()) - e.getValue()) / 3_600_000.0).sorted().toArray();
            lines.add(new PlayerLine(player.node(), player.name(), routedAt.size(), hours.length,
                routedAt.size() - hours.length, actions.size(), percentile(hours, 50),
                hours.length == 0 ? 0 : round(hours[hours.length - 1])));
        }
        return lines;
    }

    /**
     * Arrivals are deliveries to the node, and at an executing authority the requests it received
     * for execution; waiting runs from delivery (or that receipt) to the first start of work, a
     * review or an execution; utilisation is the node model's ({@link NodeStatistics#utilisation}):
     * officer time spent working over officer time available in the node's open hours (the
     * simulated nodes work only then). Read from the log, the time available counts the
     * directory's officers over the whole run: outages and staff cuts are not subtracted.
     */
    private NodeLine nodeLine(DirectoryEntry node, List<CaseEvent> actions) {
        Map<String, Long> delivered = new HashMap<>();
        Set<String> started = new HashSet<>();
        Map<String, Long> reviewing = new HashMap<>();
        long busy = 0;
        long waitMillis = 0;
        long served = 0;
        long decided = 0;
        // the world loader has checked every zone and holiday of the directory the report reads
        WorkingCalendar calendar = WorkingCalendar.of(node, problem -> {
            throw new IllegalStateException("node " + node.getNodeId() + ": " + problem);
        });
        for (CaseEvent action : actions) {
            String caseId = action.getHeader().getCaseId();
            long at = action.getHeader().getSimulatedTime().toEpochMilli();
            if (arrives(action)) {
                delivered.putIfAbsent(caseId, at);
            } else if (startsWork(action) && !reviewing.containsKey(caseId)) {
                reviewing.put(caseId, at);
                if (delivered.containsKey(caseId) && started.add(caseId)) {
                    // the queue starts when the node's system has retrieved it (e-CODEX), not at delivery
                    waitMillis += at - retrievedAt.getOrDefault(node.getNodeId() + "|" + caseId, delivered.get(caseId));
                    served++;
                }
            } else if (endsWork(action) && reviewing.containsKey(caseId)) {
                busy += calendar.openMillisBetween(Math.max(start, reviewing.remove(caseId)), Math.min(end, at));
                decided++;
            }
        }
        NodeStatistics statistics = new NodeStatistics(end, delivered.size(), served, decided, waitMillis, busy,
            node.getOfficers() * calendar.openMillisBetween(start, end));
        return new NodeLine(node.getNodeId(), node.getRole().name(), node.getOfficers(), delivered.size(), served,
            decided, round(statistics.meanWaitHours()), round(statistics.utilisation()));
    }

    /** A request reaches the node: its e-CODEX delivery, or at an executing authority the receipt of a request handed over. */
    private static boolean arrives(CaseEvent action) {
        return action.getStatus() == CaseStatus.DELIVERED || action.getReasonCodes().contains(CaseChange.RECEIVED_FOR_EXECUTION);
    }

    /** An officer takes the case up: a review, or an execution (at an executing authority, or after conditions were accepted). */
    private static boolean startsWork(CaseEvent action) {
        return action.getStatus() == CaseStatus.UNDER_REVIEW || action.getReasonCodes().contains(CaseChange.EXECUTION_STARTED);
    }

    /** The officer's work on the case ends: a decision, or the granted request transmitted for execution (the round trip). */
    private static boolean endsWork(CaseEvent action) {
        return SERVICE_END.contains(action.getStatus()) || action.getReasonCodes().contains(RoundTrip.TRANSMITTED_FOR_EXECUTION);
    }

    /** The metrics a scenario's expectations name (docs/report.md, "Metrics"). */
    private SortedMap<String, Double> metrics(List<NodeLine> nodes, SortedMap<String, ClockCount> clocks,
                                              SortedMap<String, Long> escalationCounts,
                                              SortedMap<String, TransportLine> transport) {
        SortedMap<String, Double> m = new TreeMap<>();
        clocks.forEach((clock, c) -> {
            m.put("clocks." + clock + ".met", (double) c.met());
            m.put("clocks." + clock + ".missed", (double) c.missed());
        });
        m.put("cases.total", (double) cases.size());
        for (CaseView view : cases.values()) {
            view.getStatusTimes().keySet().forEach(status -> m.merge("cases." + status, 1.0, Double::sum));
        }
        Map<String, CooperationRequest> requests = new HashMap<>();
        log.requests().forEach(r -> requests.put(r.getHeader().getCaseId(), r));
        decisions.stream().filter(d -> d.getRequest() != null)
            .forEach(d -> requests.putIfAbsent(d.getHeader().getCaseId(), d.getRequest()));
        requests.values().forEach(r -> m.merge("requests." + r.getRequestType().name(), 1.0, Double::sum));
        escalationCounts.forEach((level, n) -> m.put("escalations." + level, (double) n));
        java.util.stream.Stream.concat(decisions.stream(), nodeActions.stream())
            .filter(e -> e.getStatus() == CaseStatus.REFUSED && e.getRefusalGround() != null)
            .collect(Collectors.toMap(e -> e.getHeader().getCaseId(), e -> e.getRefusalGround().name(), (a, b) -> a))
            .values().forEach(ground -> m.merge("refusals." + ground, 1.0, Double::sum));
        // Cases whose routing decision cites a rule: a trainer checks that a rule was applied (e.g. a review passed).
        decisions.stream().flatMap(d -> d.getReasonCodes().stream().map(code -> code + "|" + d.getHeader().getCaseId()))
            .distinct().forEach(codeAndCase -> m.merge("reasons." + codeAndCase.substring(0, codeAndCase.lastIndexOf('|')),
                1.0, Double::sum));
        routedByCase.values().stream().filter(d -> d.getChannel() != null)
            .forEach(d -> m.merge("channels." + d.getChannel().name() + ".transmissions", 1.0, Double::sum));
        for (NodeLine node : nodes) {
            m.put("nodes." + node.node() + ".arrivals", (double) node.arrivals());
            m.put("nodes." + node.node() + ".decided", (double) node.decided());
            m.put("nodes." + node.node() + ".meanWaitHours", node.meanWaitHours());
            m.put("nodes." + node.node() + ".utilisation", node.utilization());
        }
        Set<String> opened = routerOpenedCases();
        m.put("followUps.spawned", (double) opened.stream().map(requests::get)
            .filter(r -> r != null && r.getRequestType() == RequestType.MLA).count());
        m.put("arbitrations.opened", (double) opened.stream().map(requests::get)
            .filter(r -> r != null && r.getRequestType() == RequestType.EXTRADITION_ARBITRATION).count());
        transport.forEach((channel, line) -> {
            m.put("evidence." + channel + ".positive", (double) line.positive());
            m.put("evidence." + channel + ".negative", (double) line.negative());
            m.put("evidence." + channel + ".late", (double) line.late());
        });
        m.put("deadletters", (double) log.deadLetters().size());
        for (ProcedureMetric metric : ProcedureMetric.values()) {
            m.put(metric.metric(), (double) nodeActions.stream()
                .filter(e -> e.getReasonCodes().contains(metric.reasonCode())).count());
        }
        return m;
    }

    private Breakdown breakdown() {
        return new Breakdown(
            latencyBy(v -> v.getRequestType().name()),
            clocksBy(this::channelOf, false),
            clocksBy(v -> v.getCrimeArea().name(), false),
            backlogByNodePerDay(),
            escalationsByLevelPerDay(),
            log.deadLetters().stream().collect(Collectors.groupingBy(d -> d.getProcessor() + ": " + d.getReason(),
                TreeMap::new, Collectors.counting())));
    }

    private int days() {
        return (int) Math.ceil((end - start) / DAY_MILLIS);
    }

    private int dayOf(long at) {
        return (int) Math.min(days() - 1, Math.max(0, (at - start) / (long) DAY_MILLIS));
    }

    /** Cases delivered to a node and not yet finished by it, at the end of each simulated day. */
    private SortedMap<String, List<Long>> backlogByNodePerDay() {
        SortedMap<String, long[]> change = new TreeMap<>();
        Map<String, Set<String>> open = new HashMap<>();
        for (CaseEvent action : nodeActions) {
            String node = action.getNodeId();
            String caseId = action.getHeader().getCaseId();
            int day = dayOf(action.getHeader().getSimulatedTime().toEpochMilli());
            Set<String> nodeOpen = open.computeIfAbsent(node, n -> new HashSet<>());
            if (arrives(action) && nodeOpen.add(caseId)) {
                change.computeIfAbsent(node, n -> new long[days()])[day]++;
            } else if (endsWork(action) && nodeOpen.remove(caseId)) {
                change.computeIfAbsent(node, n -> new long[days()])[day]--;
            }
        }
        SortedMap<String, List<Long>> result = new TreeMap<>();
        change.forEach((node, delta) -> {
            List<Long> level = new ArrayList<>(delta.length);
            long running = 0;
            for (long d : delta) {
                running += d;
                level.add(running);
            }
            result.put(node, level);
        });
        return result;
    }

    private SortedMap<String, List<Long>> escalationsByLevelPerDay() {
        SortedMap<String, List<Long>> result = new TreeMap<>();
        for (Escalation escalation : escalations.stream()
                .sorted(Comparator.comparing(e -> e.getHeader().getSimulatedTime())).toList()) {
            List<Long> perDay = result.computeIfAbsent(escalation.getLevel().name(),
                l -> new ArrayList<>(java.util.Collections.nCopies(days(), 0L)));
            int day = dayOf(escalation.getHeader().getSimulatedTime().toEpochMilli());
            perDay.set(day, perDay.get(day) + 1);
        }
        return result;
    }
}
