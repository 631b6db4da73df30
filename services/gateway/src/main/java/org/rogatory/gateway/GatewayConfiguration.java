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
 */
@ConfigurationProperties("rogatory.gateway")
public record GatewayConfiguration(@Nullable List<String> playedNodes) {

    /** The nodes people play; none unless the exercise names some. */
    public Set<String> played() {
        return playedNodes == null ? Set.of() : Set.copyOf(playedNodes);
    }

    public static Map<String, Object> properties(Collection<String> playedNodes) {
        return Map.of("rogatory.gateway.played-nodes", List.copyOf(playedNodes));
    }
}
