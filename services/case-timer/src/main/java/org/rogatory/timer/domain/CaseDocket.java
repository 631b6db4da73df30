package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.EscalationLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The timer's rules applied to one case file: records reported steps (state machine, clocks
 * started, met or closed), records what follow-up cases did, and fires clocks when stream time
 * passes them (miss, lapse, ladder). Pure: every method returns a new file and what to publish.
 */
public final class CaseDocket {

    /** Marks a clock with nothing left to fire (ladder exhausted). */
    public static final long NOTHING_DUE = -1;

    private final ClockPolicy clocks;
    private final EscalationLadder ladder;
    private final NodeRegister register;

    public CaseDocket(ClockPolicy clocks, LadderPolicy ladder, NodeRegister register) {
        this.clocks = clocks;
        this.ladder = new EscalationLadder(ladder);
        this.register = register;
    }

    /** The result of recording a reported step. */
    public sealed interface Recorded permits Rejected, Accepted {
    }

    /** Not applied, for this reason. */
    public record Rejected(String reason) implements Recorded {
    }

    /** Applied: the new file, and what to tell the earlier cases it follows up. */
    public record Accepted(CaseFile file, List<LinkNotice> notices) implements Recorded {
    }

    /**
     * What firing a clock did: the new file, the warning to publish if the clock passed its warning
     * point unmet, the ladder steps to publish, and the lapse reason if it lapsed.
     */
    public record Firing(CaseFile file, Optional<DeadlineWarning> warning, List<EscalationStep> steps, Optional<String> lapse) {
    }

    public Recorded record(CaseFile current, CaseChange change) {
        return record(current, change, null);
    }

    /**
     * Records a reported step and the delivery evidence it carries ({@code evidence} null when none).
     * An evidence that does not move the case (relayed, retrieved, negative, late) only joins its trail.
     */
    public Recorded record(CaseFile current, CaseChange change, DeliveryEvidence evidence) {
        if (evidence != null && !evidence.movesCaseTo(change.status())) {
            if (current == null) {
                return new Rejected(evidence.type() + " evidence for a case the timer does not know");
            }
            CaseFile next = current.copy();
            next.recordEvidence(evidence);
            return new Accepted(next, List.of());
        }
        Optional<String> illegal = CaseStateMachine.rejection(current, change);
        if (illegal.isPresent()) {
            return new Rejected(illegal.get());
        }
        // Judged by the delivery's own time, not by whether stream time has already fired the clock.
        if (current != null && change.status() == CaseStatus.DELIVERED && current.status() == CaseStatus.ROUTED
                && current.clock(ClockKind.TRANSPORT_STEP)
                    .map(clock -> clock.missed() || change.at().toEpochMilli() > clock.deadline()).orElse(false)) {
            return new Rejected("e-CODEX: the transport step timed out (negative evidence); a late positive evidence "
                + "does not revive the message");
        }
        long at = change.at().toEpochMilli();
        CaseFile next = current == null ? CaseFile.open(change.caseId(), change.requestType()) : current.copy();
        if (change.status() == CaseStatus.ROUTED || (current == null && change.request() != null)) {
            next.route(change);
        }
        next.moveTo(change.status(), at);
        next.lastEvent(change.eventId(), change.classification());
        if (evidence != null) {
            next.recordEvidence(evidence);
        }
        stopMet(next, at);
        if (CaseStateMachine.CLOSED.contains(change.status())) {
            close(next, at); // withdrawn, refused or the evidence received: nothing is awaited any more
        } else {
            for (LegalClock clock : LegalClock.ALL) {
                if (clock.startsOn(current, change)) {
                    start(next, clock, at);
                }
            }
        }
        List<LinkNotice> notices = new ArrayList<>();
        for (String parent : next.linkedCaseIds()) {
            notices.add(new LinkNotice(parent, next.caseId(), next.requestType(), change.status(),
                change.channel() != null ? change.channel() : next.channel(), at));
        }
        return new Accepted(next, notices);
    }

    /** Records a step of a case that follows this one up; clocks waiting on it may be met. */
    public CaseFile recordFollowUp(CaseFile parent, LinkNotice notice) {
        CaseFile next = parent.copy();
        next.followedUpBy(notice);
        stopMet(next, notice.at());
        return next;
    }

    /**
     * Fires {@code kind} on the file if stream time has passed its warning point or its next due
     * time. The warning point passes once: it warns when the clock is still running unmet by it
     * (a clock met or stopped is no longer on the file), not missed and not settled by a late step.
     */
    public Firing fire(CaseFile file, ClockKind kind, long streamTime) {
        Optional<RunningClock> running = file.clock(kind);
        if (running.isEmpty() || running.get().nextActionAt() == NOTHING_DUE || running.get().nextActionAt() >= streamTime) {
            return new Firing(file, Optional.empty(), List.of(), Optional.empty());
        }
        RunningClock clock = running.get();
        LegalClock rule = LegalClock.of(kind);
        CaseFile next = file.copy();
        Optional<DeadlineWarning> warning = Optional.empty();
        if (clock.warningAt() != null && clock.warningAt() < streamTime) {
            if (!clock.missed() && !clock.settled() && !rule.isMet(next, clock.warningAt())) {
                warning = Optional.of(new DeadlineWarning(file.caseId(), kind, actingNode(rule, file), clock.deadline(),
                    clock.warningAt(), clock.warningShare()));
            }
            clock = clock.warningPassed();
            next.put(clock);
        }
        if (clock.nextDueAt() == NOTHING_DUE || clock.nextDueAt() >= streamTime) {
            return new Firing(next, warning, List.of(), Optional.empty());
        }
        if (!clock.missed()) {
            if (!clock.settled() && rule.isMet(next, clock.deadline())) {
                next.stop(kind);
                next.met(kind, clock.deadline());
                return new Firing(next, warning, List.of(), Optional.empty());
            }
            next.missed(kind);
            Optional<String> lapse = rule.lapseReason();
            if (lapse.isPresent()) {
                next.moveTo(CaseStatus.LAPSED, clock.deadline());
                next.stopAll();
                return new Firing(next, warning, List.of(), lapse);
            }
        }
        List<EscalationStep> steps = new ArrayList<>();
        EscalationLevel last = clock.lastLevel();
        long nextDue = NOTHING_DUE;
        String waiting = rule.waitingState(file);
        String acting = rule.actingState(file);
        String actingNode = actingNode(rule, file);
        Optional<String> liaison = register.liaisonOfficer(waiting, acting);
        for (Optional<EscalationLevel> step = ladder.next(last, liaison.isPresent()); step.isPresent();
                step = ladder.next(last, liaison.isPresent())) {
            EscalationLevel level = step.get();
            long due = ladder.dueAt(kind, clock.deadline(), level);
            if (due >= clock.settledAt()) {
                break; // the case moved on before this step fell due
            }
            if (due >= streamTime) {
                nextDue = due;
                break;
            }
            String target = switch (level) {
                case LIAISON_OFFICER -> liaison.orElseThrow();
                case DIPLOMATIC_NOTE -> register.foreignMinistry(acting).orElse(actingNode);
                default -> actingNode;
            };
            steps.add(new EscalationStep(file.caseId(), kind, level, clock.deadline(), due, target));
            next.escalatedTo(level, target);
            next.touch(due);
            last = level;
        }
        if (clock.settled() && nextDue == NOTHING_DUE) {
            next.stop(kind);
        } else {
            next.put(clock.escalated(last, nextDue));
        }
        return new Firing(next, warning, steps, Optional.empty());
    }

    /** The node whose officer must act on the clock: warnings and the first ladder steps go there. */
    private static String actingNode(LegalClock rule, CaseFile file) {
        return Optional.ofNullable(rule.actingNode(file)).orElse(file.handlingNode());
    }

    private void start(CaseFile file, LegalClock clock, long at) {
        String acting = clock.actingNode(file);
        long own = clock.span(clocks, file).after(Instant.ofEpochMilli(at), register.calendarOf(acting)).toEpochMilli();
        // A requested deadline already past when the clock starts is due at once, not before it started.
        long deadline = clock.requestedDeadline(file).map(requested -> Math.max(at, Math.min(own, requested.toEpochMilli())))
            .orElse(own);
        long firstDue = deadline + (clock.waitsOnAnotherCase() ? clocks.linkGrace().toMillis() : 0);
        // A clock due at once has no span to warn in.
        Long warningAt = deadline > at ? clocks.warningAt(at, deadline) : null;
        file.begin(RunningClock.started(clock.kind(), at, deadline, warningAt, firstDue));
        if (clock.isMet(file, deadline)) {
            // already done, e.g. the formal request went out before the preservation was executed
            file.stop(clock.kind());
            file.met(clock.kind(), at);
        }
    }

    /**
     * Stops clocks the case has satisfied in time. One satisfied late (after its deadline) is settled
     * instead: the timer decides it as missed and climbs the ladder steps due before this step,
     * the same whether it hears of the step before or after stream time passes the deadline.
     */
    private static void stopMet(CaseFile file, long at) {
        for (RunningClock clock : file.clocks()) {
            LegalClock rule = LegalClock.of(clock.kind());
            if (!clock.missed() && at <= clock.deadline() && rule.isMet(file, clock.deadline())) {
                file.stop(clock.kind());
                file.met(clock.kind(), at);
            } else if (rule.isMet(file, Long.MAX_VALUE)) {
                settle(file, clock, at);
            }
        }
    }

    /** A closed case awaits nothing: clocks not yet due end; those past their deadline are settled at the close. */
    private static void close(CaseFile file, long at) {
        for (RunningClock clock : file.clocks()) {
            if (!clock.missed() && at <= clock.deadline()) {
                file.stop(clock.kind());
            } else {
                settle(file, clock, at);
            }
        }
    }

    private static void settle(CaseFile file, RunningClock clock, long at) {
        RunningClock settled = clock.settledAt(at);
        if (clock.missed() && (clock.nextDueAt() == NOTHING_DUE || clock.nextDueAt() >= settled.settledAt())) {
            file.stop(clock.kind()); // decided already, and no step left to climb before the case moved on
        } else {
            file.put(settled);
        }
    }
}
