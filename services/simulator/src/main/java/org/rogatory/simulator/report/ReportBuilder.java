package org.rogatory.simulator.report;

import org.rogatory.authorities.domain.WorkingCalendar;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.ClockState;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.report.ExerciseReport.Breakdown;
import org.rogatory.simulator.report.ExerciseReport.ClockCount;
import org.rogatory.simulator.report.ExerciseReport.Latency;
import org.rogatory.simulator.report.ExerciseReport.NodeLine;
import org.rogatory.simulator.report.ExerciseReport.Totals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Computes the report's aggregates from a run's log. Pure: same log, same report. */
public final class ReportBuilder {

    static final double DAY_MILLIS = 86_400_000d;
    static final double HOUR_MILLIS = 3_600_000d;
    private static final Set<CaseStatus> EXECUTED = Set.of(CaseStatus.EXECUTED, CaseStatus.PARTIALLY_EXECUTED);
    private static final Set<CaseStatus> CLOSED = Set.of(CaseStatus.EXECUTED, CaseStatus.PARTIALLY_EXECUTED,
        CaseStatus.REFUSED, CaseStatus.LAPSED, CaseStatus.WITHDRAWN);
    /** Statuses by which a node has finished its part of a case. */
    private static final Set<CaseStatus> SERVICE_END = Set.of(CaseStatus.EXECUTED, CaseStatus.PARTIALLY_EXECUTED,
        CaseStatus.REFUSED, CaseStatus.MORE_INFO_REQUESTED, CaseStatus.CONSULTATION, CaseStatus.WITHDRAWN);

    private final RunLog log;
    private final long start;
    private final long end;
    private final Map<String, CooperationRequest> requestByCase;
    private final Map<String, CaseEvent> routedByCase = new HashMap<>();

    public ReportBuilder(RunLog log, Instant start, double simulatedDays) {
        this.log = log;
        this.start = start.toEpochMilli();
        this.end = this.start + Math.round(simulatedDays * DAY_MILLIS);
        this.requestByCase = new HashMap<>();
        log.requests().forEach(r -> requestByCase.put(r.getHeader().getCaseId(), r));
        for (CaseEvent decision : log.decisions()) {
            if (decision.getStatus() == CaseStatus.ROUTED) {
                routedByCase.putIfAbsent(decision.getHeader().getCaseId(), decision);
                if (decision.getRequest() != null) {
                    requestByCase.putIfAbsent(decision.getHeader().getCaseId(), decision.getRequest());
                }
            }
        }
    }

    public ExerciseReport build(String scenario, long seed, double simulatedDays, ExerciseReport.Run run) {
        return new ExerciseReport(scenario, seed, simulatedDays, totals(), latencyBy(this::channelOf),
            escalations(), clocksBy(view -> "all cases", true), nodes(), List.of(), breakdown(), run);
    }

    Totals totals() {
        Set<String> spawned = new HashSet<>();
        for (CaseEvent decision : log.decisions()) {
            if (decision.getSpawnedCaseId() != null) {
                spawned.add(decision.getSpawnedCaseId());
            }
        }
        long deadLettered = log.deadLetters().stream()
            .filter(d -> Topics.REQUESTS_SUBMITTED.equals(d.getSourceTopic()))
            .map(d -> d.getSourcePartition() + "/" + d.getSourceOffset()).distinct().count();
        Set<String> caseIds = new HashSet<>(spawned);
        log.requests().forEach(r -> caseIds.add(r.getHeader().getCaseId()));
        long executed = 0;
        long refused = 0;
        long lapsed = 0;
        long withdrawn = 0;
        for (String caseId : caseIds) {
            CaseStatus status = statusOf(caseId);
            if (status == null) {
                continue; // never opened: a submitted record that was dead-lettered
            }
            switch (status) {
                case EXECUTED, PARTIALLY_EXECUTED -> executed++;
                case REFUSED -> refused++;
                case LAPSED -> lapsed++;
                case WITHDRAWN -> withdrawn++;
                default -> { }
            }
        }
        long submitted = log.submittedRecords() + spawned.size();
        long open = submitted - executed - refused - lapsed - withdrawn - deadLettered;
        return new Totals(submitted, routedByCase.size(), executed, refused, lapsed, withdrawn, open, deadLettered,
            spawned.size());
    }

    /** Final status: the case view if the timer published one, else the router's decision. */
    private CaseStatus statusOf(String caseId) {
        CaseView view = log.cases().get(caseId);
        if (view != null) {
            return view.getStatus();
        }
        return log.decisions().stream().filter(d -> d.getHeader().getCaseId().equals(caseId))
            .map(CaseEvent::getStatus).reduce((a, b) -> b).orElse(null);
    }

    private String channelOf(CaseView view) {
        CaseEvent routed = routedByCase.get(view.getCaseId());
        return routed == null || routed.getChannel() == null ? null : routed.getChannel().name();
    }

    private SortedMap<String, Latency> latencyBy(Function<CaseView, String> key) {
        Map<String, List<CaseView>> groups = log.cases().values().stream()
            .filter(v -> key.apply(v) != null)
            .collect(Collectors.groupingBy(key));
        SortedMap<String, Latency> result = new TreeMap<>();
        groups.forEach((name, views) -> {
            double[] days = views.stream()
                .filter(v -> CLOSED.contains(v.getStatus()))
                .mapToDouble(this::legalLatencyDays).filter(d -> d >= 0).sorted().toArray();
            result.put(name, new Latency(views.size(), days.length, percentile(days, 50), percentile(days, 90),
                percentile(days, 99)));
        });
        return result;
    }

    /** Simulated days from submission to the case's closing status. */
    private double legalLatencyDays(CaseView view) {
        Instant submitted = view.getStatusTimes().getOrDefault(CaseStatus.SUBMITTED.name(),
            view.getStatusTimes().get(CaseStatus.ROUTED.name()));
        Instant closed = view.getStatusTimes().get(view.getStatus().name());
        if (submitted == null || closed == null) {
            return -1;
        }
        return (closed.toEpochMilli() - submitted.toEpochMilli()) / DAY_MILLIS;
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

    private SortedMap<String, Long> escalations() {
        return log.escalations().stream().collect(Collectors.groupingBy(e -> e.getLevel().name(), TreeMap::new,
            Collectors.counting()));
    }

    /** Per clock kind when {@code byKind}; else per group of cases, all clocks together. */
    private SortedMap<String, ClockCount> clocksBy(Function<CaseView, String> group, boolean byKind) {
        SortedMap<String, ClockCount> result = new TreeMap<>();
        for (CaseView view : log.cases().values()) {
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
        Map<String, List<CaseEvent>> byNode = log.nodeActions().stream()
            .collect(Collectors.groupingBy(CaseEvent::getNodeId));
        List<NodeLine> lines = new ArrayList<>();
        for (DirectoryEntry node : new TreeMap<>(log.directory()).values()) {
            List<CaseEvent> actions = byNode.getOrDefault(node.getNodeId(), List.of());
            lines.add(nodeLine(node, actions));
        }
        return lines;
    }

    private NodeLine nodeLine(DirectoryEntry node, List<CaseEvent> actions) {
        Map<String, Long> delivered = new HashMap<>();
        Map<String, Long> started = new HashMap<>();
        long busy = 0;
        double waitHours = 0;
        long served = 0;
        WorkingCalendar calendar = calendarOf(node);
        for (CaseEvent action : actions) {
            String caseId = action.getHeader().getCaseId();
            long at = action.getHeader().getSimulatedTime().toEpochMilli();
            if (action.getStatus() == CaseStatus.DELIVERED) {
                delivered.putIfAbsent(caseId, at);
            } else if (action.getStatus() == CaseStatus.UNDER_REVIEW && delivered.containsKey(caseId)
                    && !started.containsKey(caseId)) {
                started.put(caseId, at);
                waitHours += (at - delivered.get(caseId)) / HOUR_MILLIS;
                served++;
            } else if (SERVICE_END.contains(action.getStatus()) && started.containsKey(caseId)) {
                busy += calendar.openMillisBetween(Math.max(start, started.remove(caseId)), Math.min(end, at));
            }
        }
        double capacity = (double) node.getOfficers() * calendar.openMillisBetween(start, end);
        return new NodeLine(node.getNodeId(), node.getRole().name(), node.getOfficers(), delivered.size(), served,
            served == 0 ? 0 : round(waitHours / served), capacity == 0 ? 0 : round(busy / capacity));
    }

    static WorkingCalendar calendarOf(DirectoryEntry node) {
        if (node.getHours().getRoundTheClock()) {
            return WorkingCalendar.roundTheClock();
        }
        Set<LocalDate> holidays = node.getHolidays().stream().map(LocalDate::parse).collect(Collectors.toSet());
        return WorkingCalendar.officeHours(ZoneId.of(node.getTimeZone()), node.getHours().getOpenHour(),
            node.getHours().getCloseHour(), holidays);
    }

    private Breakdown breakdown() {
        return new Breakdown(
            latencyBy(v -> v.getRequestType().name()),
            clocksBy(this::channelOf, false),
            clocksBy(v -> v.getCrimeArea().name(), false),
            backlogByNodePerDay(),
            escalationsByLevelPerDay());
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
        for (CaseEvent action : log.nodeActions()) {
            String node = action.getNodeId();
            String caseId = action.getHeader().getCaseId();
            int day = dayOf(action.getHeader().getSimulatedTime().toEpochMilli());
            Set<String> nodeOpen = open.computeIfAbsent(node, n -> new HashSet<>());
            if (action.getStatus() == CaseStatus.DELIVERED && nodeOpen.add(caseId)) {
                change.computeIfAbsent(node, n -> new long[days()])[day]++;
            } else if (SERVICE_END.contains(action.getStatus()) && nodeOpen.remove(caseId)) {
                change.computeIfAbsent(node, n -> new long[days()])[day]--;
            }
        }
        return cumulative(change);
    }

    private SortedMap<String, List<Long>> escalationsByLevelPerDay() {
        SortedMap<String, long[]> perDay = new TreeMap<>();
        for (Escalation escalation : log.escalations()) {
            perDay.computeIfAbsent(escalation.getLevel().name(), l -> new long[days()])
                [dayOf(escalation.getHeader().getSimulatedTime().toEpochMilli())]++;
        }
        SortedMap<String, List<Long>> result = new TreeMap<>();
        perDay.forEach((level, counts) -> result.put(level, asList(counts)));
        return result;
    }

    private static SortedMap<String, List<Long>> cumulative(SortedMap<String, long[]> changes) {
        SortedMap<String, List<Long>> result = new TreeMap<>();
        changes.forEach((key, delta) -> {
            long[] level = new long[delta.length];
            long running = 0;
            for (int i = 0; i < delta.length; i++) {
                running += delta[i];
                level[i] = running;
            }
            result.put(key, asList(level));
        });
        return result;
    }

    private static List<Long> asList(long[] values) {
        List<Long> list = new ArrayList<>(values.length);
        for (long v : values) {
            list.add(v);
        }
        return list;
    }
}
