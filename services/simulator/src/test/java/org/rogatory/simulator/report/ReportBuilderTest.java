package org.rogatory.simulator.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.authorities.domain.RoundTrip;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.ClockState;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.CrimeArea;
import org.rogatory.contracts.ConductCategory;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.OfficeHours;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.CaseChange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportBuilderTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final String NODE = "KES-NCB";
    private static final String EXEC = "KES-EXEC";

    private final List<CooperationRequest> requests = new ArrayList<>();
    private final List<CaseEvent> decisions = new ArrayList<>();
    private final List<CaseEvent> actions = new ArrayList<>();
    private final Map<String, CaseView> cases = new HashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final Map<String, Instant> injects = new HashMap<>();

    @Test
    @DisplayName("totals count each case once by its status at the end, router-opened cases included; the unreadable record is dead-lettered")
    void totalsAddUp() {
        closedCase("C-1", CaseStatus.EXECUTED, 2);
        closedCase("C-2", CaseStatus.REFUSED, 3);
        closedCase("C-3", CaseStatus.LAPSED, 4);
        openCase("C-4");
        routerOpened("ARB-C-1", RequestType.EXTRADITION_ARBITRATION);
        deadLetters.add(deadLetter(7));

        ExerciseReport.Totals t = report(10).totals();

        assertEquals(6, t.submitted(), "4 readable records, 1 unreadable, 1 case the router opened");
        assertEquals(1, t.executed());
        assertEquals(1, t.refused());
        assertEquals(1, t.lapsed());
        assertEquals(1, t.deadLettered());
        assertEquals(1, t.spawned());
        assertEquals(0, t.withdrawn());
        assertEquals(2, t.open(), "C-4 and ARB-C-1 are still routed at the end");
    }

    @Test
    @DisplayName("a round-trip case closes on the requesting state's receipt: executed by its executing authority it is still open, "
        + "and its legal latency runs to the receipt")
    void roundTripClosesOnReceipt() {
        roundTrip("C-1", CaseStatus.EVIDENCE_RECEIVED, 8);
        roundTrip("C-2", CaseStatus.EXECUTED, 6);

        ExerciseReport report = report(10);

        assertEquals(1, report.totals().executed(), "C-1, received");
        assertEquals(1, report.totals().received());
        assertEquals(1, report.totals().open(), "C-2: its results are on their way back");
        ExerciseReport.Latency latency = report.channels().get("I247");
        assertEquals(1, latency.closed());
        assertEquals(8.0, latency.p50Days(), "to the receipt on day 8, not the execution on day 6");
    }

    @Test
    @DisplayName("where each case stands at the end, for counting cases.csv's rows: executed by its executing authority it is open, "
        + "received it is executed, executed by its own node it is closed")
    void standingsAsOfEnd() {
        roundTrip("C-1", CaseStatus.EVIDENCE_RECEIVED, 8);
        roundTrip("C-2", CaseStatus.EXECUTED, 6);
        closedCase("C-3", CaseStatus.EXECUTED, 2);
        openCase("C-4");

        assertEquals(Map.of("C-1", CaseStanding.RECEIVED, "C-2", CaseStanding.OPEN, "C-3", CaseStanding.EXECUTED,
            "C-4", CaseStanding.OPEN), new ReportBuilder(log(), START, 10).standingsAsOfEnd());
    }

    @Test
    @DisplayName("the report stands at the end of the exercise: what the drain past the end did is left out")
    void asOfTheEnd() {
        closedCase("C-1", CaseStatus.EXECUTED, 12); // executed on day 12, after a 10-day exercise
        CaseView view = cases.get("C-1");
        cases.put("C-1", CaseView.newBuilder(view).setClocks(List.of(
            clock(ClockKind.EXECUTION, 0, 11, null, true), clock(ClockKind.CA_ACKNOWLEDGEMENT, 0, 1, 0.5, false))).build());

        ExerciseReport report = report(10);

        assertEquals(0, report.totals().executed());
        assertEquals(1, report.totals().open());
        assertEquals(new ExerciseReport.ClockCount(1, 0, 0), report.clocks().get("EXECUTION"), "deadline after the end: running");
        assertEquals(new ExerciseReport.ClockCount(1, 1, 0), report.clocks().get("CA_ACKNOWLEDGEMENT"));
    }

    @Test
    @DisplayName("legal latency percentiles are nearest-rank over closed cases, in simulated days")
    void latencyPercentiles() {
        for (int i = 1; i <= 10; i++) {
            closedCase("C-" + i, CaseStatus.EXECUTED, i);
        }
        ExerciseReport.Latency latency = report(20).channels().get("I247");
        assertEquals(10, latency.cases());
        assertEquals(10, latency.closed());
        assertEquals(5.0, latency.p50Days());
        assertEquals(9.0, latency.p90Days());
        assertEquals(10.0, latency.p99Days());
    }

    @Test
    @DisplayName("node lines: arrivals are deliveries, waiting runs from delivery to review, utilisation is review time over officer time")
    void nodeStatistics() {
        openCase("C-1");
        action("C-1", CaseStatus.DELIVERED, Duration.ZERO);
        action("C-1", CaseStatus.UNDER_REVIEW, Duration.ofHours(2));
        action("C-1", CaseStatus.EXECUTED, Duration.ofHours(2 + 24));
        ExerciseReport.NodeLine line = nodeLine(report(10), NODE);
        assertEquals(1, line.arrivals());
        assertEquals(1, line.decided());
        assertEquals(2.0, line.meanWaitHours());
        assertEquals(0.05, line.utilization(), "24 h busy of 2 officers x 240 h");
    }

    @Test
    @DisplayName("rule 11: an executing authority's arrivals are the requests it received before the end, its wait runs "
        + "to the start of execution, its officer time from that start to the execution")
    void executingAuthorityLine() {
        roundTrip("C-1", CaseStatus.EXECUTED, 6);
        execution("C-1", CaseChange.RECEIVED_FOR_EXECUTION, Duration.ofDays(3));
        execution("C-1", CaseChange.EXECUTION_STARTED, Duration.ofDays(3).plusHours(12));
        actions.add(event("C-1", CaseStatus.EXECUTED, Duration.ofDays(6)).setNodeId(EXEC).setRequestType(RequestType.MLA).build());
        execution("C-2", CaseChange.RECEIVED_FOR_EXECUTION, Duration.ofDays(4));
        execution("C-3", CaseChange.RECEIVED_FOR_EXECUTION, Duration.ofDays(11)); // after the end of a 10-day exercise

        ExerciseReport report = report(10);

        ExerciseReport.NodeLine line = nodeLine(report, EXEC);
        assertEquals(List.of(2L, 1L, 1L), List.of(line.arrivals(), line.served(), line.decided()));
        assertEquals(12.0, line.meanWaitHours());
        assertEquals(0.125, line.utilization(), "60 h executing of 2 officers x 240 h");
        assertEquals(2.0, report.metrics().get("nodes." + EXEC + ".arrivals"));
        assertEquals(List.of(0L, 0L, 0L, 1L, 2L, 2L, 1L, 1L, 1L, 1L), report.breakdown().backlogByNodePerDay().get(EXEC),
            "C-1 from day 3 to its execution on day 6, C-2 from day 4");
        assertEquals(0, nodeLine(report, NODE).arrivals(), "the granting node's transmissions are not its arrivals");
    }

    @Test
    @DisplayName("rule 11: the granting node's review ends when it transmits the request for execution, not at the execution")
    void transmissionForExecutionEndsTheReview() {
        openCase("C-1");
        action("C-1", CaseStatus.DELIVERED, Duration.ZERO);
        action("C-1", CaseStatus.UNDER_REVIEW, Duration.ofHours(2));
        actions.add(event("C-1", CaseStatus.IN_EXECUTION, Duration.ofHours(2 + 24))
            .setReasonCodes(List.of(RoundTrip.TRANSMITTED_FOR_EXECUTION)).build());
        ExerciseReport report = report(10);
        ExerciseReport.NodeLine line = nodeLine(report, NODE);
        assertEquals(List.of(1L, 1L, 1L), List.of(line.arrivals(), line.served(), line.decided()));
        assertEquals(0.05, line.utilization(), "24 h reviewing of 2 officers x 240 h");
        assertEquals(List.of(1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), report.breakdown().backlogByNodePerDay().get(NODE));
    }

    @Test
    @DisplayName("expectations are checked on the metrics trainers name in scenario files")
    void expectationsOnMetrics() throws Exception {
        closedCase("C-1", CaseStatus.REFUSED, 2);
        decisions.add(event("C-1", CaseStatus.REFUSED, Duration.ofDays(1)).setRefusalGround(RefusalGround.UNTRANSLATED)
            .setReasonCodes(List.of("UNTOC-18.14:UNTRANSLATED-REFUSED")).build());
        LoadedScenario scenario = ScenarioLoader.load("inline.yaml", """
            name: check
            description: metric check
            seed: 1
            durationDays: 10
            world: {file: worlds/default-world.yaml}
            workload:
              - {id: s, from: ALD, to: KES, requestType: POLICE_INFORMATION, instrument: UNTOC, crimeArea: CYBERCRIME,
                 conductCategory: ONLINE_FRAUD, language: en, ratePerDay: 1}
            outcomes:
              - {expected: one refusal for language, expectation: {metric: refusals.UNTRANSLATED, atLeast: 1}}
              - {expected: no dead letters, expectation: {metric: deadletters, atMost: 0}}
              - {expected: an arbitration, expectation: {metric: arbitrations.opened, atLeast: 1}}
              - {expected: one decision cites 18(14), expectation: {metric: "reasons.UNTOC-18.14:UNTRANSLATED-REFUSED", atLeast: 1, atMost: 1}}
              - {expected: no Red Notice reviewed, expectation: {metric: "reasons.INTERPOL-CONST-3:GS-REVIEW-PASSED", atLeast: 1}}
            """.getBytes(StandardCharsets.UTF_8), Path.of("../../scenarios"));
        ExerciseReport report = new ReportBuilder(log(), START, 10).build(scenario.scenario(), new ExerciseReport.Run(1, 1, 1));
        assertEquals(List.of(true, true, false, true, false), report.outcomes().stream().map(ExerciseReport.OutcomeLine::met).toList());
        assertEquals(1.0, report.metrics().get("reasons.UNTOC-18.14:UNTRANSLATED-REFUSED"));
        assertEquals(1.0, report.metrics().get("refusals.UNTRANSLATED"));
        assertTrue(report.metrics().containsKey("nodes." + NODE + ".utilisation"));
        assertFalse(report.outcomes().get(2).met());
    }

    @Test
    @DisplayName("rule 10 counted from the node actions: conditions accepted or not, withdrawals, renewals (one per renewal, none after the end)")
    void procedureCounts() {
        closedCase("C-1", CaseStatus.WITHDRAWN, 3);
        actions.add(event("C-1", CaseStatus.WITHDRAWN, Duration.ofDays(3))
            .setReasonCodes(List.of(org.rogatory.authorities.domain.Procedure.CONDITIONS_NOT_ACCEPTED)).build());
        closedCase("C-2", CaseStatus.WITHDRAWN, 4);
        actions.add(event("C-2", CaseStatus.WITHDRAWN, Duration.ofDays(4))
            .setReasonCodes(List.of(org.rogatory.authorities.domain.Procedure.WITHDRAWN_BY_REQUESTING_STATE)).build());
        closedCase("P-1", CaseStatus.EXECUTED, 1);
        for (int day : new int[] {2, 5, 12}) {
            actions.add(event("P-1", CaseStatus.EXECUTED, Duration.ofDays(day))
                .setReasonCodes(List.of(org.rogatory.timer.domain.CaseChange.PRESERVATION_RENEWAL)).build());
        }
        ExerciseReport report = report(10);
        assertEquals(0.0, report.metrics().get("procedure.conditionsAccepted"));
        assertEquals(1.0, report.metrics().get("procedure.conditionsNotAccepted"));
        assertEquals(1.0, report.metrics().get("procedure.withdrawnNoLongerNeeded"));
        assertEquals(2.0, report.metrics().get("procedure.preservationRenewals"), "the renewal on day 12 is after the end");
        assertEquals(2, report.totals().withdrawn());
    }

    @Test
    @DisplayName("checked so far, as a live exercise shows its trainer: as of day 1 INJ-A (day 2) has not fired, as of day 3 it has; "
        + "as of the end, the report's checks")
    void checkedSoFar() {
        org.rogatory.simulator.exercise.Scenario withInjects = withInjects();
        injects.put("INJ-A", START.plus(Duration.ofDays(2)));

        ExerciseReport.InjectLine dayOne = new ReportBuilder(log(), START, 1).checks(withInjects).injects().getFirst();
        assertEquals(0.0, dayOne.observed());
        assertFalse(dayOne.met());
        ExerciseReport.InjectLine dayThree = new ReportBuilder(log(), START, 3).checks(withInjects).injects().getFirst();
        assertEquals(1.0, dayThree.observed());
        assertTrue(dayThree.met());
        ExerciseReport report = new ReportBuilder(log(), START, 10).build(withInjects, new ExerciseReport.Run(1, 1, 1));
        ReportBuilder.Checks atTheEnd = new ReportBuilder(log(), START, 10).checks(withInjects);
        assertEquals(report.injects(), atTheEnd.injects());
        assertEquals(report.outcomes(), atTheEnd.outcomes());
    }

    /** A fixed inject on day 2 and two conditional ones, each expected to fire or not. */
    private static org.rogatory.simulator.exercise.Scenario withInjects() {
        return ScenarioLoader.load("injects.yaml", """
            name: injects
            description: a fixed and two conditional injects
            seed: 1
            durationDays: 10
            world: {file: worlds/default-world.yaml}
            workload:
              - {id: s, from: ALD, to: KES, requestType: MLA, instrument: UNTOC, crimeArea: CYBERCRIME,
                 conductCategory: ONLINE_FRAUD, language: en, ratePerDay: 1}
            msel:
              - {id: INJ-A, at: 2d, kind: NODE_OUTAGE, target: KES-NCB, until: 3d, expected: a,
                 expectation: {metric: injects.INJ-A.fired, atLeast: 1}}
              - {id: INJ-B, at: 0d, kind: NODE_OUTAGE, target: KES-NCB, lasting: 1d, when: {status: REFUSED, to: KES},
                 expected: b, expectation: {metric: injects.INJ-B.fired, atMost: 0}}
              - {id: INJ-C, at: 0d, kind: NODE_OUTAGE, target: KES-NCB, lasting: 1d, unless: {status: EXECUTED},
                 expected: c, expectation: {metric: injects.INJ-C.fired, atLeast: 1}}
            """.getBytes(StandardCharsets.UTF_8), Path.of("../../scenarios")).scenario();
    }

    @Test
    @DisplayName("the MSEL as played: an inject on coop.injects before the end fired (firedAt, injects.<id>.fired = 1); one absent or after the end did not")
    void injectsAsPlayed() {
        org.rogatory.simulator.exercise.Scenario withInjects = withInjects();
        injects.put("INJ-A", START.plus(Duration.ofDays(2)));
        injects.put("INJ-C", START.plus(Duration.ofDays(12)));

        ExerciseReport report = new ReportBuilder(log(), START, 10).build(withInjects, new ExerciseReport.Run(1, 1, 1));
        assertEquals(List.of(1.0, 0.0, 0.0), List.of(report.metrics().get("injects.INJ-A.fired"),
            report.metrics().get("injects.INJ-B.fired"), report.metrics().get("injects.INJ-C.fired")));
        ExerciseReport.InjectLine a = report.injects().get(0);
        ExerciseReport.InjectLine b = report.injects().get(1);
        assertEquals("2026-01-07T00:00:00Z", a.firedAt());
        assertEquals(null, a.condition());
        assertEquals(null, b.firedAt());
        assertEquals("when a case REFUSED, to KES", b.condition());
        assertEquals(List.of(true, true, false), report.injects().stream().map(ExerciseReport.InjectLine::met).toList(),
            "INJ-C fired after the end: not played");
        assertEquals("not fired (when a case REFUSED, to KES, from 2026-01-05T00:00:00Z)", HtmlReport.played(b));
    }

    private ExerciseReport report(double days) {
        return new ReportBuilder(log(), START, days).build(emptyScenario(days), new ExerciseReport.Run(1, 1, 1));
    }

    private static org.rogatory.simulator.exercise.Scenario emptyScenario(double days) {
        return ScenarioLoader.load("empty.yaml", ("""
            name: empty
            description: no expectations
            seed: 1
            durationDays: %s
            world: {file: worlds/default-world.yaml}
            workload:
              - {id: s, from: ALD, to: KES, requestType: POLICE_INFORMATION, instrument: UNTOC, crimeArea: CYBERCRIME,
                 conductCategory: ONLINE_FRAUD, language: en, ratePerDay: 1}
            """.formatted(days)).getBytes(StandardCharsets.UTF_8), Path.of("../../scenarios")).scenario();
    }

    private static ExerciseReport.NodeLine nodeLine(ExerciseReport report, String node) {
        return report.nodes().stream().filter(n -> n.node().equals(node)).findFirst().orElseThrow();
    }

    private RunLog log() {
        DirectoryEntry node = DirectoryEntry.newBuilder().setNodeId(NODE).setState("KES").setRole(NodeRole.NCB)
            .setTimeZone("UTC+08:00").setHours(new OfficeHours(true, 0, 24)).setOfficers(2).build();
        DirectoryEntry executing = DirectoryEntry.newBuilder(node).setNodeId(EXEC).setRole(NodeRole.EXECUTING_AUTHORITY).build();
        long unreadable = deadLetters.size();
        return new RunLog(requests.size() + unreadable, requests, decisions, actions, List.of(), cases, deadLetters,
            Map.of(NODE, node, EXEC, executing), injects);
    }

    private void closedCase(String caseId, CaseStatus status, int day) {
        requests.add(request(caseId, RequestType.POLICE_INFORMATION));
        decisions.add(event(caseId, CaseStatus.ROUTED, Duration.ZERO).build());
        cases.put(caseId, view(caseId, RequestType.POLICE_INFORMATION, status, Map.of(
            "SUBMITTED", START, "ROUTED", START, status.name(), START.plus(Duration.ofDays(day)))));
    }

    /** An MLA case transmitted for execution on day 1, executed on day 6, and now in {@code status} since {@code day}. */
    private void roundTrip(String caseId, CaseStatus status, int day) {
        requests.add(request(caseId, RequestType.MLA));
        decisions.add(event(caseId, CaseStatus.ROUTED, Duration.ZERO).build());
        actions.add(event(caseId, CaseStatus.IN_EXECUTION, Duration.ofDays(1))
            .setReasonCodes(List.of(RoundTrip.TRANSMITTED_FOR_EXECUTION)).build());
        Map<String, Instant> times = new HashMap<>(Map.of("SUBMITTED", START, "ROUTED", START,
            "IN_EXECUTION", START.plus(Duration.ofDays(1)), "EXECUTED", START.plus(Duration.ofDays(6))));
        times.put(status.name(), START.plus(Duration.ofDays(day)));
        cases.put(caseId, view(caseId, RequestType.MLA, status, times));
    }

    /** The executing authority's step on {@code caseId} that keeps it IN_EXECUTION, {@code after} the start. */
    private void execution(String caseId, String reasonCode, Duration after) {
        actions.add(event(caseId, CaseStatus.IN_EXECUTION, after).setNodeId(EXEC).setRequestType(RequestType.MLA)
            .setReasonCodes(List.of(reasonCode)).build());
    }

    private void openCase(String caseId) {
        requests.add(request(caseId, RequestType.POLICE_INFORMATION));
        decisions.add(event(caseId, CaseStatus.ROUTED, Duration.ZERO).build());
        cases.put(caseId, view(caseId, RequestType.POLICE_INFORMATION, CaseStatus.ROUTED,
            Map.of("SUBMITTED", START, "ROUTED", START)));
    }

    private void routerOpened(String caseId, RequestType type) {
        decisions.add(event(caseId, CaseStatus.ROUTED, Duration.ofDays(1)).setRequestType(type)
            .setRequest(request(caseId, type)).build());
        cases.put(caseId, view(caseId, type, CaseStatus.ROUTED, Map.of("ROUTED", START.plus(Duration.ofDays(1)))));
    }

    private void action(String caseId, CaseStatus status, Duration after) {
        actions.add(event(caseId, status, after).build());
    }

    private static CaseEvent.Builder event(String caseId, CaseStatus status, Duration after) {
        return CaseEvent.newBuilder().setHeader(header(caseId, START.plus(after))).setStatus(status).setNodeId(NODE)
            .setChannel(Channel.I247).setRequestType(RequestType.POLICE_INFORMATION);
    }

    private static CooperationRequest request(String caseId, RequestType type) {
        return CooperationRequest.newBuilder().setHeader(header(caseId, START)).setRequestType(type)
            .setInstrument(Instrument.UNTOC).setRequestingState("ALD").setRequestedState("KES")
            .setConductCategory(ConductCategory.ONLINE_FRAUD).setNationalOffenceLabel("").setCrimeArea(CrimeArea.CYBERCRIME)
            .setLanguage("en").setOriginNode("ALD-NCB").build();
    }

    private static CaseView view(String caseId, RequestType type, CaseStatus status, Map<String, Instant> times) {
        Instant last = times.values().stream().max(Instant::compareTo).orElseThrow();
        return CaseView.newBuilder().setCaseId(caseId).setStatus(status).setRequestType(type).setChannel(Channel.I247)
            .setRequestingState("ALD").setRequestedState("KES").setCrimeArea(CrimeArea.CYBERCRIME)
            .setStatusTimes(times).setUpdatedAt(last).build();
    }

    private static ClockState clock(ClockKind kind, int startDay, int deadlineDay, Double metDay, boolean missed) {
        return ClockState.newBuilder().setClock(kind).setStartedAt(START.plus(Duration.ofDays(startDay)))
            .setDeadline(START.plus(Duration.ofDays(deadlineDay)))
            .setMetAt(metDay == null ? null : START.plus(Duration.ofMinutes(Math.round(metDay * 1440))))
            .setMissed(missed).build();
    }

    private static DeadLetter deadLetter(long offset) {
        return DeadLetter.newBuilder().setReason("not in wire format").setProcessor("router")
            .setSourceTopic(Topics.REQUESTS_SUBMITTED).setSourcePartition(0).setSourceOffset(offset)
            .setFailedAt(START).build();
    }

    private static EventHeader header(String caseId, Instant at) {
        return EventHeader.newBuilder().setEventId("E-" + caseId + at).setCaseId(caseId).setCorrelationId(caseId)
            .setCausationId("E-" + caseId).setSimulatedTime(at).setSourceNode("ALD-NCB")
            .setClassification(Classification.RESTRICTED).build();
    }
}
