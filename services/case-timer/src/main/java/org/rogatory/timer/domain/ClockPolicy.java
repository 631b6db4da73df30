package org.rogatory.timer.domain;

import org.rogatory.contracts.ClockKind;
import org.rogatory.platform.calendar.Span;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The length of every clock (docs/rules.md, "Clocks"): defaults from practice and the texts, each
 * overridable by a scenario. {@code expeditedExecution} replaces the execution span for the
 * requests the Cybercrime Convention asks to be executed expeditiously (preservation, art. 42;
 * disclosure of preserved traffic data, art. 43): the text gives no number, so the default is
 * practice, counted in days where an ordinary request counts in months. {@code linkGrace} is how long stream time must pass a deadline that
 * waits on another case (preservation, provisional arrest, written confirmation) before the clock
 * is judged missed: the other case's events travel through the link topic and may arrive a little
 * after this partition's clock ticks; they are judged by their own timestamps. {@code warningPoint}
 * is the share of every clock's span at which the timer warns that its deadline is near, the
 * action still awaited (practice: three quarters of the way, as scenarios' conditional injects count).
 */
public record ClockPolicy(Map<ClockKind, Span> spans, Span expeditedExecution, Duration linkGrace, double warningPoint) {

    /** Practice: warn at three quarters of a clock's span. */
    public static final double DEFAULT_WARNING_POINT = 0.75;

    /** Cybercrime Convention art. 42: preservation lasts not less than 60 days. */
    public static final long PRESERVATION_MINIMUM_DAYS = 60;

    public ClockPolicy {
        EnumMap<ClockKind, Span> copy = new EnumMap<>(ClockKind.class);
        copy.putAll(spans);
        for (ClockKind kind : ClockKind.values()) {
            if (kind != ClockKind.UNKNOWN && !copy.containsKey(kind)) {
                throw new IllegalArgumentException("no span for clock " + kind);
            }
        }
        copy.forEach((kind, span) -> {
            if (span.isZero()) {
                throw new IllegalArgumentException("clock " + kind + " must be longer than zero");
            }
        });
        if (!copy.get(ClockKind.PRESERVATION_PERIOD).lastsAtLeastDays(PRESERVATION_MINIMUM_DAYS)) {
            throw new IllegalArgumentException("Cybercrime Convention art. 42: a preservation period must be at least "
                + PRESERVATION_MINIMUM_DAYS + " days, not " + copy.get(ClockKind.PRESERVATION_PERIOD));
        }
        if (expeditedExecution.isZero()) {
            throw new IllegalArgumentException("expedited execution must be longer than zero");
        }
        if (linkGrace.isNegative()) {
            throw new IllegalArgumentException("negative link grace " + linkGrace);
        }
        if (!(warningPoint > 0 && warningPoint < 1)) {
            throw new IllegalArgumentException("warning point must be a share of the span above 0 and below 1 "
                + "(0.75: three quarters of the way to the deadline), not " + warningPoint);
        }
        spans = Map.copyOf(copy);
    }

    /** docs/rules.md, "Clocks": each default with its source or "practice". */
    public static ClockPolicy defaults() {
        Map<ClockKind, Span> spans = new EnumMap<>(ClockKind.class);
        spans.put(ClockKind.POC_ACKNOWLEDGEMENT, Span.hours(4));          // 24/7 network: immediate assistance
        spans.put(ClockKind.CA_ACKNOWLEDGEMENT, Span.workingDays(5));     // practice
        spans.put(ClockKind.EXECUTION, Span.days(90));                    // practice (EIO: execute in 90 days)
        Span expedited = Span.days(7);                                    // Cybercrime arts. 42-43 "expeditiously": practice
        spans.put(ClockKind.EXTRADITION_DECISION, Span.days(180));        // practice
        spans.put(ClockKind.WRITTEN_CONFIRMATION, Span.days(10));         // UNTOC art. 18(14) practice
        spans.put(ClockKind.PRESERVATION_PERIOD, Span.days(90));          // Cybercrime art. 42, renewable, >= 60
        spans.put(ClockKind.PROVISIONAL_ARREST, Span.days(40));           // default treaty: ECE art. 16(4), at most 40
        spans.put(ClockKind.TRANSPORT_STEP, Span.hours(24));              // e-CODEX default per step
        return new ClockPolicy(spans, expedited, Duration.ofHours(1), DEFAULT_WARNING_POINT);
    }

    public Span span(ClockKind kind) {
        Span span = spans.get(kind);
        if (span == null) {
            throw new IllegalArgumentException("no clock " + kind);
        }
        return span;
    }

    public ClockPolicy with(ClockKind kind, Span span) {
        Map<ClockKind, Span> changed = new EnumMap<>(spans);
        changed.put(kind, span);
        return new ClockPolicy(changed, expeditedExecution, linkGrace, warningPoint);
    }

    public ClockPolicy withExpeditedExecution(Span span) {
        return new ClockPolicy(spans, span, linkGrace, warningPoint);
    }

    public ClockPolicy withLinkGrace(Duration grace) {
        return new ClockPolicy(spans, expeditedExecution, grace, warningPoint);
    }

    public ClockPolicy withWarningPoint(double share) {
        return new ClockPolicy(spans, expeditedExecution, linkGrace, share);
    }

    /** When a clock started at {@code startedAt} and running out at {@code deadline} reaches the warning point. */
    public long warningAt(long startedAt, long deadline) {
        return startedAt + Math.round(warningPoint * (deadline - startedAt));
    }

    /**
     * Applies scenario overrides named after the clocks, e.g. {@code provisional-arrest=40d},
     * {@code ca-acknowledgement=10wd}, {@code expedited-execution=2d}, {@code link-grace=2h}.
     */
    public ClockPolicy overriddenBy(Map<String, String> overrides) {
        ClockPolicy policy = this;
        for (Map.Entry<String, String> e : overrides.entrySet()) {
            String name = e.getKey().trim().toUpperCase(Locale.ROOT).replace('-', '_');
            if (name.equals("LINK_GRACE")) {
                policy = policy.withLinkGrace(Span.parse(e.getValue()).toDuration());
            } else if (name.equals("EXPEDITED_EXECUTION")) {
                policy = policy.withExpeditedExecution(Span.parse(e.getValue()));
            } else {
                policy = policy.with(ClockKind.valueOf(name), Span.parse(e.getValue()));
            }
        }
        return policy;
    }
}
