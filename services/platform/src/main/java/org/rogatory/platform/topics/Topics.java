package org.rogatory.platform.topics;

import org.rogatory.contracts.Channel;

/** Topic names: part of the public contract (docs/topics.md). One writer per topic. */
public final class Topics {
    /** Intake: requests as submitted by a requesting state. Writer: simulator / gateway. Key: case id. */
    public static final String REQUESTS_SUBMITTED = "coop.requests.submitted";
    /** Directory of competent nodes (compacted). Writer: world loader / injects. Key: node id. */
    public static final String DIRECTORY = "coop.directory";
    /** Treaty memberships and declarations (compacted). Writer: world loader / injects. Key: state|instrument[|partner]. */
    public static final String TREATIES = "coop.treaties";
    /** Channel topics: transmissions keyed by receiving node id, so a node's inbox is ordered. Writer: router. */
    public static final String CHANNEL_CENTRAL_AUTHORITY = "coop.channel.central-authority";
    public static final String CHANNEL_CONTACT_POINT_247 = "coop.channel.contact-point-247";
    public static final String CHANNEL_I247 = "coop.channel.i247";
    public static final String CHANNEL_DIPLOMATIC = "coop.channel.diplomatic";
    /** Routing decisions on cases. Writer: router. Key: case id. */
    public static final String CASE_EVENTS = "coop.case-events";
    /** What nodes do with a case (delivery, acknowledgement, execution, refusal...). Writer: authorities. Key: case id. */
    public static final String NODE_ACTIONS = "coop.node-actions";
    /**
     * What people playing a node do with a case, as they report it through the gateway; the
     * authorities check the node is played and relay each to coop.node-actions. Writer: gateway. Key: case id.
     */
    public static final String PLAYER_ACTIONS = "coop.player-actions";
    /** Escalation ladder steps. Writer: case-timer. Key: case id. */
    public static final String ESCALATIONS = "coop.escalations";
    /**
     * A clock nearing its deadline unmet: one warning per clock, at the case timer's warning point.
     * Writer: case-timer. Key: case id.
     */
    public static final String CLOCK_WARNINGS = "coop.clock-warnings";
    /** Current view of every case (compacted). Writer: case-timer. Key: case id. */
    public static final String CASES = "coop.cases";
    /** Exercise injects (MSEL). Writer: simulator. Key: target. */
    public static final String INJECTS = "coop.injects";
    /**
     * A trainer's commands to a live exercise (pause, resume, speed, fire an inject, end), in the
     * order the gateway accepted them; one partition, so the conductor reads them in that order.
     * Writer: gateway. Key: {@link #EXERCISE_KEY}.
     */
    public static final String EXERCISE_CONTROL = "coop.exercise-control";
    /**
     * The live exercise's status after each step and each command (compacted: the latest is the
     * status). Writer: the exercise conductor ({@code rogatory play}). Key: {@link #EXERCISE_KEY}.
     */
    public static final String EXERCISE = "coop.exercise";
    /**
     * Every call to the gateway's API and its result: who, role, what, when, status. Writer:
     * gateway. Key: the caller's name (docs/api.md, Access control).
     */
    public static final String AUDIT = "coop.audit";
    /** The one key of the exercise topics: one exercise per cluster. */
    public static final String EXERCISE_KEY = "exercise";
    /** Simulated-time ticks on every partition (watermark). Writer: simulator clock source. */
    public static final String CLOCK = "coop.clock";
    /** Records no processor could handle, with reason and origin. Every processor may write here. */
    public static final String DEADLETTER = "coop.deadletter";
    /** Schema registry storage (compacted). Writer: the registry leader. */
    public static final String SCHEMAS = "_schemas";

    private Topics() {
    }

    public static String forChannel(Channel channel) {
        return switch (channel) {
            case CENTRAL_AUTHORITY -> CHANNEL_CENTRAL_AUTHORITY;
            case CONTACT_POINT_247 -> CHANNEL_CONTACT_POINT_247;
            case I247 -> CHANNEL_I247;
            case DIPLOMATIC -> CHANNEL_DIPLOMATIC;
            case UNKNOWN -> throw new IllegalArgumentException("no topic for channel UNKNOWN");
        };
    }
}
