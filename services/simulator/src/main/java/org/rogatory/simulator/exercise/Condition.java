package org.rogatory.simulator.exercise;

import static org.rogatory.simulator.exercise.InvalidField.require;

import java.time.Instant;
import java.util.Collection;
import java.util.regex.Pattern;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.ClockState;
import org.rogatory.contracts.RequestType;

/**
 * A state of the exercise's cases that an inject waits for: a conditional inject fires once it
 * holds ({@code when}); a contingency inject fires when it does not hold by the inject's time
 * ({@code unless}). It holds when some case of the filters either reached {@code status}, or had a
 * {@code clock} reach the fraction {@code elapsed} of its span (1 is the deadline) with the
 * awaited action not done by then.
 * <p>
 * It is read {@linkplain #heldAsOf as of an instant} on the facts stamped before that instant
 * only: statuses and clocks carry their own simulated times, so later facts a case view may
 * already show (a router decision a step ahead) change nothing (docs/scenario-format.md,
 * Conditional and contingency injects).
 *
 * @param stream      cases of this workload stream (and the cases the router opened from them)
 * @param from        requesting state
 * @param to          requested state
 * @param requestType type of request
 */
public record Condition(CaseStatus status, ClockKind clock, Double elapsed, String stream, String from, String to,
                        RequestType requestType) {

    private static final Pattern STATE = Pattern.compile("[A-Z]{3}");

    void validate() {
        require(status != null ^ clock != null, "status",
                "give 'status' (a case reached it) or 'clock' with 'elapsed' (a clock ran that far unmet), one of the two");
        require(status != CaseStatus.UNKNOWN, "status", "UNKNOWN is not a status");
        require(clock != ClockKind.UNKNOWN, "clock", "UNKNOWN is not a clock");
        require(clock != null || elapsed == null, "elapsed", "applies to a 'clock' only");
        require(clock == null || (elapsed != null && elapsed > 0 && elapsed <= 1), "elapsed",
                "is required with 'clock': the fraction of the clock's span run without the awaited action, above 0"
                        + " and at most 1 (0.75: three quarters of the way to the deadline; 1: the deadline)");
        require(from == null || STATE.matcher(from).matches(), "from", "must be a state code of three capital letters");
        require(to == null || STATE.matcher(to).matches(), "to", "must be a state code of three capital letters");
        require(requestType != RequestType.UNKNOWN, "requestType", "UNKNOWN is not a request type");
    }

    /** Whether some case of {@code cases} satisfies the condition on what happened strictly before {@code asOf}. */
    public boolean heldAsOf(Collection<CaseView> cases, String scenarioName, long asOf) {
        return cases.stream().anyMatch(view -> concerns(view, scenarioName) && heldBy(view, asOf));
    }

    private boolean concerns(CaseView view, String scenarioName) {
        return (stream == null || view.getCaseId().startsWith(scenarioName + "/" + stream + "/"))
                && (from == null || from.equals(view.getRequestingState()))
                && (to == null || to.equals(view.getRequestedState()))
                && (requestType == null || requestType == view.getRequestType());
    }

    private boolean heldBy(CaseView view, long asOf) {
        if (status != null) {
            Instant reached = view.getStatusTimes().get(status.name());
            return reached != null && reached.toEpochMilli() < asOf;
        }
        return view.getClocks().stream().anyMatch(c -> c.getClock() == clock && ranUnmet(c, asOf));
    }

    /** The clock reached {@code elapsed} of its span before {@code asOf}, and its action was not done by then. */
    private boolean ranUnmet(ClockState c, long asOf) {
        long started = c.getStartedAt().toEpochMilli();
        long reached = started + Math.round(elapsed * (c.getDeadline().toEpochMilli() - started));
        return reached < asOf && (c.getMetAt() == null || c.getMetAt().toEpochMilli() > reached);
    }

    /** In words, for the report: {@code CA_ACKNOWLEDGEMENT at 75 % unmet, to KES}. */
    public String describe() {
        StringBuilder text = new StringBuilder(status != null ? "a case " + status
                : clock + " at " + Math.round(elapsed * 100) + " % unmet");
        if (stream != null) {
            text.append(", stream ").append(stream);
        }
        if (requestType != null) {
            text.append(", ").append(requestType);
        }
        if (from != null) {
            text.append(", from ").append(from);
        }
        if (to != null) {
            text.append(", to ").append(to);
        }
        return text.toString();
    }
}
