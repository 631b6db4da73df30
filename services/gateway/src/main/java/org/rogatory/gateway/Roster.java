package org.rogatory.gateway;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exercise's roster as the gateway holds it: each member by the SHA-256 of their bearer token
 * (the tokens themselves stay with whoever handed them out: {@code rogatory play} writes them to
 * the report folder). An entry is {@code sha256hex|ROLE|node or state or -|cleared|name}
 * ({@code rogatory.gateway.roster}, docs/api.md, Access control).
 */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class Roster {

    private final Map<String, Caller> byTokenHash = new HashMap<>();

    public Roster(GatewayConfiguration configuration) {
        // blank: an empty ROGATORY_GATEWAY_ROSTER, as docker-compose.yml passes when no roster was issued
        List<String> entries = configuration.roster() == null ? List.of()
            : configuration.roster().stream().filter(entry -> !entry.isBlank()).toList();
        for (int i = 0; i < entries.size(); i++) {
            String[] parts = entries.get(i).split("\\|", 5);
            String where = "rogatory.gateway.roster[" + i + "]";
            if (parts.length != 5 || !parts[0].matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(where + ": expected sha256hex|ROLE|node or state or -|cleared|name");
            }
            Role role;
            try {
                role = Role.valueOf(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": role '" + parts[1] + "' is not one of " + List.of(Role.values()));
            }
            String scope = parts[2].equals("-") ? null : parts[2];
            if ((role == Role.TRAINER) != (scope == null)) {
                throw new IllegalArgumentException(where + ": a player names its node, a service client its state, a trainer neither");
            }
            byTokenHash.put(parts[0], new Caller(parts[4], role, role == Role.PLAYER ? scope : null,
                role == Role.SERVICE ? scope : null, role == Role.TRAINER || Boolean.parseBoolean(parts[3])));
        }
    }

    /** Whether the exercise has a roster: then every call to /api/v1 needs a member's token. */
    public boolean enforced() {
        return !byTokenHash.isEmpty();
    }

    /** The member whose token this is. */
    public Optional<Caller> member(String token) {
        return Optional.ofNullable(byTokenHash.get(sha256(token)));
    }

    /** The hex SHA-256 of a token: what a roster entry holds instead of the token. */
    public static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A roster entry for the gateway's settings. */
    public static String entry(String token, Role role, String scope, boolean cleared, String name) {
        if (name.contains("|")) {
            throw new IllegalArgumentException("a roster name may not contain '|': " + name);
        }
        return sha256(token) + "|" + role + "|" + (scope == null ? "-" : scope) + "|" + cleared + "|" + name;
    }
}
