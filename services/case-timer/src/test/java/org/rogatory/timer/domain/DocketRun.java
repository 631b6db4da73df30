package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.CrimeArea;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.WorkingCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drives a {@link CaseDocket} the way the topology does, without Kafka: steps in time order,
 * follow-ups handed to the cases they link to, clocks fired as time passes.
 */
final class DocketRun {

    /** Monday 4 January 2027, 09:00 UTC. */
    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    static final String REQUESTING = "ALD";
    static final String REQUESTED = "BRV";

    final CaseDocket docket;
    final Map<String, CaseFile> files = new LinkedHashMap<>();
    final List<EscalationStep> escalations = new ArrayList<>();
    final List<String> rejections = new ArrayList<>();

    DocketRun(ClockPolicy clocks, LadderPolicy ladder, NodeRegister register) {
        this.docket = new CaseDocket(clocks, ladder, register);
    }

    static DocketRun withDefaults() {
        return new DocketRun(ClockPolicy.defaults(), LadderPolicy.defaults(), World.register(true));
    }

    DocketRun step(CaseChange change) {
        advanceTo(change.at());
        switch (docket.record(files.get(change.caseId()), change)) {
            case CaseDocket.Rejected r -> rejections.add(r.reason());
            case CaseDocket.Accepted a -> {
                files.put(change.caseId(), a.file());
                for (LinkNotice notice : a.notices()) {
                    CaseFile parent = files.get(notice.parentCaseId());
                    if (parent != null) {
                        files.put(notice.parentCaseId(), docket.recordFollowUp(parent, notice));
                    }
                }
            }
        }
        return this;
    }

    /** Moves stream time to {@code t}, firing every clock due before it. */
    DocketRun advanceTo(Instant t) {
        long to = t.toEpochMilli();
        boolean fired = true;
        while (fired) {
            fired = false;
            for (Map.Entry<String, CaseFile> e : files.entrySet()) {
                for (RunningClock clock : e.getValue().clocks()) {
                    if (clock.nextActionAt() != CaseDocket.NOTHING_DUE && clock.nextActionAt() < to) {
                        CaseDocket.Firing firing = docket.fire(e.getValue(), clock.kind(), to);
                        e.setValue(firing.file());
                        escalations.addAll(firing.steps());
                        fired = true;
                    }
                }
            }
        }
        return this;
    }

    CaseFile file(String caseId) {
        return files.get(caseId);
    }

    Optional<ClockRecord> lastRecord(String caseId, ClockKind kind) {
        List<ClockRecord> records = file(caseId).history().stream().filter(r -> r.kind() == kind).toList();
        return records.isEmpty() ? Optional.empty() : Optional.of(records.getLast());
    }

    List<EscalationStep> escalations(String caseId, ClockKind kind) {
        return escalations.stream().filter(s -> s.caseId().equals(caseId) && s.clock() == kind).toList();
    }

    // --- steps ---

    static CaseChange routed(String caseId, RequestType type, Channel channel, String node, Instant at,
                             boolean urgent, String... linkedCaseIds) {
        return routed(caseId, type, channel, node, at, urgent, null, linkedCaseIds);
    }

    /** A routed request whose requesting state asks for {@code requestedDeadline} (UNTOC art. 18(24)). */
    static CaseChange routed(String caseId, RequestType type, Channel channel, String node, Instant at,
                             boolean urgent, Instant requestedDeadline, String... linkedCaseIds) {
        return new CaseChange(caseId, caseId + "-routed-" + at.toEpochMilli(), CaseChange.Source.ROUTER,
            CaseStatus.ROUTED, node, channel, type, at, List.of(), null, Classification.RESTRICTED,
            new CaseChange.RequestFacts(REQUESTING, REQUESTED, "ALD-CA-MLA", CrimeArea.CYBERCRIME, urgent,
                List.of(linkedCaseIds), requestedDeadline));
    }

    /** An urgent MLA request routed off the central-authority channel, flagged by the router (UNTOC art. 18(14)). */
    static CaseChange urgentMlaFlagged(String caseId, Channel channel, String node, Instant at) {
        CaseChange plain = routed(caseId, RequestType.MLA, channel, node, at, true);
        return new CaseChange(caseId, plain.eventId(), plain.source(), plain.status(), node, channel, RequestType.MLA, at,
            List.of(CaseChange.WRITTEN_CONFIRMATION_DUE), null, plain.classification(), plain.request());
    }

    static CaseChange node(String caseId, RequestType type, CaseStatus status, Instant at, String... reasonCodes) {
        return nodeAction(caseId, type, status, at, null, reasonCodes);
    }

    static CaseChange refused(String caseId, RequestType type, Instant at, RefusalGround ground) {
        return nodeAction(caseId, type, CaseStatus.REFUSED, at, ground);
    }

    private static CaseChange nodeAction(String caseId, RequestType type, CaseStatus status, Instant at,
                                         RefusalGround ground, String... reasonCodes) {
        return new CaseChange(caseId, caseId + "-" + status + "-" + at.toEpochMilli(), CaseChange.Source.NODE, status,
            "BRV-NODE", null, type, at, List.of(reasonCodes), ground, Classification.RESTRICTED, null);
    }

    /** The test world's directory: two fictional states and their nodes. */
    static final class World {
        static final ZoneId BRV_ZONE = ZoneId.of("UTC+01:00");
        /** A public holiday of BRV: Monday 11 January 2027. */
        static final LocalDate BRV_HOLIDAY = LocalDate.parse("2027-01-11");

        private World() {
        }

        static NodeRegister register(boolean liaisonPosted) {
            Map<String, WorkingCalendar> calendars = new HashMap<>();
            calendars.put("BRV-CA-MLA", WorkingCalendar.officeHours(BRV_ZONE, 9, 17, Set.of()));
            calendars.put("BRV-CA-HOL", WorkingCalendar.officeHours(BRV_ZONE, 9, 17, Set.of(BRV_HOLIDAY)));
            calendars.put("BRV-POC-247", WorkingCalendar.roundTheClock(BRV_ZONE));
            calendars.put("BRV-NCB", WorkingCalendar.roundTheClock(BRV_ZONE));
            return new NodeRegister() {
                @Override
                public WorkingCalendar calendarOf(String nodeId) {
                    return calendars.getOrDefault(nodeId, WorkingCalendar.officeHours(ZoneOffset.UTC, 9, 17, Set.of()));
                }

                @Override
                public Optional<String> liaisonOfficer(String ofState, String postedIn) {
                    return liaisonPosted && ofState.equals(REQUESTING) && postedIn.equals(REQUESTED)
                        ? Optional.of("ALD-LO-BRV") : Optional.empty();
                }

                @Override
                public Optional<String> foreignMinistry(String state) {
                    return Optional.of(state + "-MFA");
                }
            };
        }
    }
}
