package org.rogatory.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who calls the API, as the roster knows them ({@link Roster}): a member's name, role, scope (the
 * node a player plays, the state a service client acts for) and whether they are cleared for
 * {@code CONFIDENTIAL} cases. Each check says what the role may not do, naming the field.
 *
 * @param node    the node a player plays; null otherwise
 * @param state   the state a service client acts for; null otherwise
 * @param cleared whether the member may see CONFIDENTIAL cases (a trainer always may)
 */
public record Caller(String name, Role role, String node, String state, boolean cleared) {

    /** An exercise without a roster: the API is open, every caller a trainer (docs/api.md, Access control). */
    static final Caller OPEN = new Caller("anonymous", Role.TRAINER, null, null, true);
    static final String NODE = "node";
    static final String STATE = "state";
    static final String CLEARED = "cleared";

    /** The caller of {@code request}: its roster member when access is controlled, else {@link #OPEN}. */
    static Caller of(HttpRequest<?> request) {
        return request.getUserPrincipal(Authentication.class).map(Caller::of).orElse(OPEN);
    }

    static Caller of(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        return new Caller(authentication.getName(), Role.valueOf(authentication.getRoles().iterator().next()),
            (String) attributes.get(NODE), (String) attributes.get(STATE), Boolean.TRUE.equals(attributes.get(CLEARED)));
    }

    /** A refusal of what the caller's role does not allow (403), naming the input at fault. */
    static final class Forbidden extends RuntimeException {
        private final String field;

        Forbidden(String field, String detail) {
            super(field + ": " + detail);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    /** The node or state scope in words, for messages and the audit trail. */
    String scope() {
        return node != null ? node : state;
    }

    /** A player acts only for its node; a service client only for its state's requests. */
    void requireNode(String requested, String field) {
        if (role == Role.PLAYER && !node.equals(requested)) {
            throw new Forbidden(field, "a player of " + node + " may not act for or read " + requested);
        }
        if (role == Role.SERVICE) {
            throw new Forbidden(field, "a service client of " + state + " may not read a node's inbox or act for a node");
        }
    }

    /** The state a service client submits for must be its own. */
    void requireRequestingState(String requestingState) {
        if (role == Role.SERVICE && !state.equals(requestingState)) {
            throw new Forbidden("requestingState", "a service client of " + state + " submits " + state
                + "'s requests only, not " + requestingState + "'s");
        }
    }

    /**
     * The filter a list or event stream is held to: a player's node, a service client's state.
     *
     * @return the value to filter by (the caller's own when none is asked)
     * @throws Forbidden when another node or state is asked
     */
    Optional<String> scopeOf(String field, String asked) {
        String own = switch (role) {
            case TRAINER -> null;
            case PLAYER -> field.equals(NODE) ? node : null;
            case SERVICE -> field.equals(STATE) ? state : null;
        };
        if (own == null) {
            return Optional.ofNullable(asked);
        }
        if (asked != null && !asked.equals(own)) {
            throw new Forbidden(field, "a " + role.name().toLowerCase(java.util.Locale.ROOT) + " of " + own
                + " sees only its own " + field + "'s cases, not " + asked + "'s");
        }
        return Optional.of(own);
    }

    /** Whether the caller may see the case (a case view as JSON): its scope and its classification. */
    boolean sees(JsonNode view) {
        return sees(view.path("handlingNode").asText(null), view.path("requestingState").asText(null),
            view.path("requestedState").asText(null), view.path("classification").asText(null));
    }

    /**
     * Whether the caller may see a case, or an escalation on it (then {@code handlingNode} is the
     * escalation's target node and the states its state): a player its node's, a service client its
     * state's (sent or received), a CONFIDENTIAL one only if cleared.
     */
    boolean sees(String handlingNode, String requestingState, String requestedState, String classification) {
        if (!cleared && "CONFIDENTIAL".equals(classification)) {
            return false;
        }
        return switch (role) {
            case TRAINER -> true;
            case PLAYER -> node.equals(handlingNode);
            case SERVICE -> state.equals(requestingState) || state.equals(requestedState);
        };
    }

    /** The roles and attributes of a roster member's authentication. */
    Map<String, Object> attributes() {
        Map<String, Object> attributes = new java.util.HashMap<>();
        if (node != null) {
            attributes.put(NODE, node);
        }
        if (state != null) {
            attributes.put(STATE, state);
        }
        attributes.put(CLEARED, cleared);
        return attributes;
    }

    List<String> roles() {
        return List.of(role.name());
    }
}
