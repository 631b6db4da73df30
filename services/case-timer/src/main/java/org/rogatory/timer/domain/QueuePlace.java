package org.rogatory.timer.domain;

import org.rogatory.contracts.EscalationLevel;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where a case stands in its handling node's queue (docs/domain.md#queue-discipline): higher
 * priority first, then the earlier time it joined the queue, then case id, a total and reproducible
 * order. The simulated authorities serve their queue in this order and a played node's inbox lists
 * its cases in it, so both read it from here.
 *
 * @param priority 0 for a request, {@link #URGENT} for an urgent one, {@link #escalated} above both
 * @param since    simulated time (epoch ms) the case joined the queue
 */
public record QueuePlace(int priority, long since, String caseId) implements Comparable<QueuePlace> {

    /** Urgent requests start one level up. */
    public static final int URGENT = 1;

    public static final Comparator<QueuePlace> ORDER = Comparator.comparingInt((QueuePlace p) -> -p.priority)
        .thenComparingLong(QueuePlace::since)
        .thenComparing(QueuePlace::caseId);

    private static final char SEPARATOR = '|';

    public QueuePlace {
        Objects.requireNonNull(caseId, "caseId");
    }

    /** The priority a request starts with. */
    public static int initial(boolean urgent) {
        return urgent ? URGENT : 0;
    }

    /** The priority an escalation step addressed to the handling node gives: the reminder 2, the supervisor 3, ... */
    public static int escalated(EscalationLevel level) {
        return level.ordinal() + 2;
    }

    /** This place as a page cursor: {@code priority|since|caseId}, read back by {@link #parse}. */
    public String cursor() {
        return "" + priority + SEPARATOR + since + SEPARATOR + caseId;
    }

    /** A cursor read back; refused (IllegalArgumentException) when it is not one {@link #cursor()} wrote. */
    public static QueuePlace parse(String cursor) {
        String[] parts = cursor.split("\\" + SEPARATOR, 3);
        if (parts.length != 3 || parts[2].isEmpty()) {
            throw new IllegalArgumentException("'" + cursor + "' is not a queue place (priority|since|caseId)");
        }
        try {
            return new QueuePlace(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), parts[2]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cursor + "' is not a queue place (priority|since|caseId)", e);
        }
    }

    /** Cursors in queue order. */
    public static int compareCursors(String a, String b) {
        return parse(a).compareTo(parse(b));
    }

    @Override
    public int compareTo(QueuePlace other) {
        return ORDER.compare(this, other);
    }
}
