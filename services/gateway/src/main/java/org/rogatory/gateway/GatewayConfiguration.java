package org.rogatory.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's exercise settings ({@code rogatory.gateway.*}, overridable by environment variables).
 *
 * @param playedNodes nodes people play in the exercise (the scenario's {@code players}): only their
 *                    players' actions are accepted; the simulated authorities leave them alone
 * @param roster      the exercise's roster, one entry per member ({@link Roster}); none: the API is open
 */
@ConfigurationProperties("rogatory.gateway")
public record GatewayConfiguration(@Nullable List<String> playedNodes, @Nullable List<String> roster) {

    /** The roster's setting ({@code ROGATORY_GATEWAY_ROSTER} in the environment). */
    public static final String ROSTER = "rogatory.gateway.roster";

    /** The nodes people play; none unless the exercise names some. */
    public Set<String> played() {
        return playedNodes == null ? Set.of() : Set.copyOf(playedNodes);
    }

    public static Map<String, Object> properties(Collection<String> playedNodes) {
        return Map.of("rogatory.gateway.played-nodes", List.copyOf(playedNodes));
    }

    /**
     * The roster's entries ({@link Roster#entry}) and, with any, bearer tokens required on /api/v1
     * (micronaut-security on; every other route stays as it is: platform.yml).
     */
    public static Map<String, Object> rosterProperties(List<String> roster) {
        return Map.of(ROSTER, List.copyOf(roster), "micronaut.security.enabled", !roster.isEmpty());
    }
}
