package org.rogatory.timer;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.CaseStateMachine;
import org.rogatory.timer.domain.QueuePlace;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Which cases a list asks for: those a node handles or sent ({@code node}), between a state and
 * another ({@code state}, requesting or requested), in a status, in a node's inbox ({@code inbox}:
 * cases it handles on which it may still act, by {@link CaseStateMachine#handlerMoves}); any of them
 * may be left out.
 */
public record CaseSearch(String node, String state, CaseStatus status, String inbox) implements Predicate<CaseFile> {

    /** The largest page a list answers. */
    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 100;

    /** A refused query parameter, named. */
    public static final class InvalidParameter extends RuntimeException {
        private final String name;

        InvalidParameter(String name, String reason) {
            super(name + ": " + reason);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    /** The search the query parameters ask for. */
    public static CaseSearch of(String node, String state, String status, String inbox) {
        return new CaseSearch(blankToNull(node), blankToNull(state), status == null || status.isBlank() ? null : status(status),
            blankToNull(inbox));
    }

    /**
     * The cursor to continue after, as a list gives it in {@code next}: a case id, or for an inbox
     * (in queue order) a queue place; a wrong one is refused naming {@code after}.
     */
    public String after(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        if (inbox != null) {
            try {
                QueuePlace.parse(after.trim());
            } catch (IllegalArgumentException e) {
                throw new InvalidParameter("after", e.getMessage() + ": an inbox continues after the 'next' of its last page");
            }
        }
        return after.trim();
    }

    /** A page size from its query parameter: 1 to {@link #MAX_LIMIT}, {@link #DEFAULT_LIMIT} when absent. */
    public static int limit(String limit) {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same words as an out-of-range number
        }
        throw new InvalidParameter("limit", "'" + limit + "' is not a whole number from 1 to " + MAX_LIMIT);
    }

    @Override
    public boolean test(CaseFile file) {
        return (node == null || node.equals(file.handlingNode()) || node.equals(file.originNode()))
            && (state == null || state.equals(file.requestingState()) || state.equals(file.requestedState()))
            && (status == null || status == file.status())
            && (inbox == null || inbox.equals(file.handlingNode())
                && !CaseStateMachine.handlerMoves(file.status(), file.requestType()).isEmpty());
    }

    private static CaseStatus status(String text) {
        try {
            CaseStatus value = CaseStatus.valueOf(text.trim().toUpperCase(Locale.ROOT));
            if (value != CaseStatus.UNKNOWN) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // refused below, listing the statuses
        }
        throw new InvalidParameter("status", "'" + text + "' is not a case status: one of "
            + String.join(", ", Arrays.stream(CaseStatus.values()).filter(s -> s != CaseStatus.UNKNOWN).map(Enum::name).toList()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
