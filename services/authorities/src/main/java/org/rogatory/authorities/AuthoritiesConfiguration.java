package org.rogatory.authorities;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import org.rogatory.platform.service.InvalidSetting;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The simulated nodes' settings ({@code rogatory.authorities.*} in application.yml, overridable by
 * environment variables). The nodes' behaviour itself (service times, outcomes, hours) is a typed
 * {@link org.rogatory.authorities.domain.NodeBehaviourTable} that the hosting application gives
 * the service from the exercise it plays.
 *
 * @param seed             the exercise's seed: every random draw is keyed by (seed, case id, step)
 * @param translationHours the world's translation delay (rule 6) for nodes whose behaviour does not set one
 */
@ConfigurationProperties("rogatory.authorities")
public record AuthoritiesConfiguration(@Nullable Long seed, @Nullable Double translationHours) {

    static final String PREFIX = "rogatory.authorities.";
    /** Rule 6 default (docs/rules.md#rules-the-router-applies). */
    static final double DEFAULT_TRANSLATION_HOURS = 72;

    public long exerciseSeed() {
        if (seed == null) {
            throw new InvalidSetting(PREFIX + "seed", "is required: the exercise's seed (the scenario's seed)");
        }
        return seed;
    }

    public double translation() {
        double hours = translationHours == null ? DEFAULT_TRANSLATION_HOURS : translationHours;
        if (hours < 0) {
            throw new InvalidSetting(PREFIX + "translation-hours", "must not be negative, got " + hours);
        }
        return hours;
    }

    public static Map<String, Object> properties(long seed, double translationHours) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(PREFIX + "seed", seed);
        properties.put(PREFIX + "translation-hours", translationHours);
        return properties;
    }
}
