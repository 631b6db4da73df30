package org.rogatory.timer;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.EscalationLevel;
import org.rogatory.platform.calendar.Span;
import org.rogatory.platform.service.InvalidSetting;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.Ladder;
import org.rogatory.timer.domain.LadderPolicy;
import org.rogatory.timer.topology.CaseTimerTopology.StoreKind;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The case timer's settings ({@code rogatory.case-timer.*} in application.yml, overridable by
 * environment variables): clock spans in the project's duration notation ({@code 4h}, {@code 40d},
 * {@code 5wd} working days), ladder delays ({@code 12h}, {@code 3d}), the allowed lateness of inputs
 * and where state lives. What is not set keeps the defaults of {@link ClockPolicy} and {@link LadderPolicy}.
 *
 * @param clocks         clock name ({@code provisional-arrest}, {@code expedited-execution}, {@code link-grace}...) → span
 * @param ladder         the common ladder: step ({@code reminder}, {@code supervisor}...) → delay after the missed deadline
 * @param ladders        a clock's own ladder: clock name → step → delay ({@code ladders.poc-acknowledgement.supervisor=2h})
 * @param warningPoint   share of every clock's span at which the timer warns that its deadline is near,
 *                       the action still awaited (above 0, below 1; {@code 0.75} by default)
 * @param watermarkGrace how far behind stream time clocks are decided (inputs may be that late): {@code 48h}, {@code 2d}
 * @param stores         {@code persistent} (RocksDB) or {@code in-memory}; changelogged either way
 */
@ConfigurationProperties("rogatory.case-timer")
public record CaseTimerConfiguration(
        @Nullable Map<String, String> clocks,
        @Nullable Map<String, String> ladder,
        @Nullable Map<String, Map<String, String>> ladders,
        @Nullable Double warningPoint,
        @Nullable String watermarkGrace,
        @Nullable StoreKind stores) {

    static final String PREFIX = "rogatory.case-timer.";
    /** The clock setting of the expedited execution span (preservation, disclosure). */
    public static final String EXPEDITED_EXECUTION = "expedited-execution";

    public ClockPolicy clockPolicy() {
        ClockPolicy policy = ClockPolicy.defaults();
        if (warningPoint != null) {
            try {
                policy = policy.withWarningPoint(warningPoint);
            } catch (IllegalArgumentException e) {
                throw new InvalidSetting(PREFIX + "warning-point", e.getMessage());
            }
        }
        if (clocks == null) {
            return policy;
        }
        for (var clock : clocks.entrySet()) {
            String property = PREFIX + "clocks." + clock.getKey();
            String name = constant(clock.getKey());
            if (!name.equals("LINK_GRACE") && !name.equals(constant(EXPEDITED_EXECUTION)) && !isClock(name)) {
                throw new InvalidSetting(property, "no such clock; the clocks are " + known(ClockKind.values())
                    + ", expedited-execution and link-grace");
            }
            try {
                ClockPolicy.defaults().overriddenBy(Map.of(clock.getKey(), clock.getValue()));
            } catch (IllegalArgumentException e) {
                throw new InvalidSetting(property, e.getMessage());
            }
        }
        return policy.overriddenBy(clocks);
    }

    public LadderPolicy ladderPolicy() {
        LadderPolicy policy = LadderPolicy.defaults();
        if (ladder != null) {
            policy = overridden(PREFIX + "ladder", ladder, policy::overriddenBy);
        }
        if (ladders != null) {
            for (var own : ladders.entrySet()) {
                String place = PREFIX + "ladders." + own.getKey();
                if (!isClock(constant(own.getKey()))) {
                    throw new InvalidSetting(place, "no such clock; the clocks are " + known(ClockKind.values()));
                }
                ClockKind clock = ClockKind.valueOf(constant(own.getKey()));
                LadderPolicy before = policy;
                policy = overridden(place, own.getValue(), steps -> before.overriddenFor(clock, steps));
            }
        }
        return policy;
    }

    /** One ladder's overrides under {@code place}, checked step by step, then applied all at once. */
    private static LadderPolicy overridden(String place, Map<String, String> steps,
                                           Function<Map<String, String>, LadderPolicy> apply) {
        for (String step : steps.keySet()) {
            if (Ladder.STEPS.stream().noneMatch(level -> level.name().equals(constant(step)))) {
                throw new InvalidSetting(place + "." + step, "no such ladder step; the steps are "
                    + known(Ladder.STEPS.toArray(EscalationLevel[]::new)));
            }
        }
        try {
            // All at once: each step must fall after the one below it, which may be overridden too.
            return apply.apply(steps);
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(place, e.getMessage());
        }
    }

    public Duration grace() {
        if (watermarkGrace == null) {
            return Duration.ZERO;
        }
        try {
            return Span.parse(watermarkGrace).toDuration();
        } catch (IllegalArgumentException e) {
            throw new InvalidSetting(PREFIX + "watermark-grace", e.getMessage());
        }
    }

    public StoreKind storeKind() {
        return stores == null ? StoreKind.PERSISTENT : stores;
    }

    /** These settings (e.g. a scenario's) as the application properties that give them to the timer. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (clocks != null) {
            clocks.forEach((clock, span) -> properties.put(PREFIX + "clocks." + clock, span));
        }
        if (ladder != null) {
            ladder.forEach((step, delay) -> properties.put(PREFIX + "ladder." + step, delay));
        }
        if (ladders != null) {
            ladders.forEach((clock, steps) -> steps.forEach((step, delay) ->
                properties.put(PREFIX + "ladders." + clock + "." + step, delay)));
        }
        if (warningPoint != null) {
            properties.put(PREFIX + "warning-point", warningPoint);
        }
        if (watermarkGrace != null) {
            properties.put(PREFIX + "watermark-grace", watermarkGrace);
        }
        if (stores != null) {
            properties.put(PREFIX + "stores", stores.name());
        }
        return properties;
    }

    private static boolean isClock(String name) {
        return Arrays.stream(ClockKind.values()).anyMatch(kind -> kind != ClockKind.UNKNOWN && kind.name().equals(name));
    }

    private static String constant(String name) {
        return name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static String known(Enum<?>[] values) {
        return Arrays.stream(values).filter(v -> !v.name().equals("UNKNOWN"))
            .map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-')).collect(Collectors.joining(", "));
    }
}
