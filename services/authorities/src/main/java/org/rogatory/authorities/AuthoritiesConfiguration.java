package org.rogatory.authorities;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import org.rogatory.platform.service.InvalidSetting;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulated nodes' settings ({@code rogatory.authorities.*} in application.yml, overridable by
 * environment variables). The nodes' behaviour itself (service times, outcomes, hours) is a typed
 * {@link org.rogatory.authorities.domain.NodeBehaviourTable} that the hosting application gives
 * the service from the exercise it plays.
 *
 * @param seed             the exercise's seed: every random draw is keyed by (seed, case id, step)
 * @param translationHours the world's translation delay (rule 6) for nodes whose behaviour does not set one
 * @param playedNodes      nodes people play (the scenario's {@code players}): the simulated nodes leave them
 *                         alone and relay what their players do
 */
@ConfigurationProperties("rogatory.authorities")
public record AuthoritiesConfiguration(@Nullable Long seed, @Nullable Double translationHours,
                                       @Nullable List<String> playedNodes) {

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

    /** The nodes people play; none unless the exercise names some. */
    public Set<String> played() {
        return playedNodes == null ? Set.of() : Set.copyOf(playedNodes);
    }

    /** @param playedNodes the nodes people play, none for a closed simulation */
    public static Map<String, Object> properties(long seed, double translationHours, Collection<String> playedNodes) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(PREFIX + "seed", seed);
        properties.put(PREFIX + "translation-hours", translationHours);
        properties.put(PREFIX + "played-nodes", List.copyOf(playedNodes));
        return properties;
    }
}
