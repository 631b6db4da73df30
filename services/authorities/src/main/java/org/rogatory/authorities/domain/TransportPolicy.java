package org.rogatory.authorities.domain;

import java.util.EnumMap;
import java.util.Map;

import org.rogatory.contracts.Channel;

/**
 * How long the e-CODEX transport takes on each channel, and when its silence becomes negative
 * evidence (docs/rules.md#messaging-between-nodes). Each step's delay is drawn per case from the
 * channel's distribution (hours) and is never under the shortest step (a minute in an exercise), so
 * routed &lt; relayed &lt; delivered &lt; retrieved; a scenario sets them with {@code transport:}, the
 * timeout with {@code clocks.TRANSPORT_STEP}.
 *
 * @param steps             the three steps' delays, per channel
 * @param timeoutMillis     how long after the submission was accepted each evidence may come (the
 *                          e-CODEX connector's default: 24 h for relay, delivery and retrieval alike)
 * @param shortestStepMillis the least a step takes, so that no two coincide
 */
public record TransportPolicy(Map<Channel, Steps> steps, long timeoutMillis, long shortestStepMillis) {
    private static final double MINUTE = 1 / 60.0;
    private static final long MINUTE_MILLIS = 60_000L;
    private static final long DAY = 24 * 3_600_000L;

    /**
     * The delays of one channel's three steps, in hours.
     *
     * @param relay     the sender's gateway hands the message to the receiver's
     * @param delivery  the receiver's gateway hands it to the node's system
     * @param retrieval the node's system takes it from its gateway (before any officer sees it)
     */
    public record Steps(ServiceTimeDistribution relay, ServiceTimeDistribution delivery, ServiceTimeDistribution retrieval) {
        static Steps exponentialMinutes(double relay, double delivery, double retrieval) {
            return new Steps(new ServiceTimeDistribution.Exponential(relay * MINUTE),
                    new ServiceTimeDistribution.Exponential(delivery * MINUTE),
                    new ServiceTimeDistribution.Exponential(retrieval * MINUTE));
        }
    }

    /**
     * Practice defaults, exponential with these means: e-CODEX gateways exchange AS4 messages in
     * seconds to minutes and national connectors poll their gateway every few minutes (central
     * authority: 5, 10, 15 min); the 24/7 and I-24/7 networks are built for speed (2, 3, 5 min);
     * a diplomatic note goes through two ministries' registries (1, 2, 4 h).
     */
    public static final TransportPolicy DEFAULT = new TransportPolicy(Map.of(
            Channel.CENTRAL_AUTHORITY, Steps.exponentialMinutes(5, 10, 15),
            Channel.CONTACT_POINT_247, Steps.exponentialMinutes(2, 3, 5),
            Channel.I247, Steps.exponentialMinutes(2, 3, 5),
            Channel.DIPLOMATIC, Steps.exponentialMinutes(60, 120, 240)), DAY);

    public TransportPolicy {
        steps = Map.copyOf(steps);
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("the transport timeout must be positive, got " + timeoutMillis + " ms");
        }
        if (shortestStepMillis <= 0) {
            throw new IllegalArgumentException("the shortest transport step must be positive, got " + shortestStepMillis + " ms");
        }
    }

    /** An exercise's transport: no step under a minute. */
    public TransportPolicy(Map<Channel, Steps> steps, long timeoutMillis) {
        this(steps, timeoutMillis, MINUTE_MILLIS);
    }

    /**
     * A transport that takes a millisecond a step on every channel: for measuring the pipeline
     * itself ({@code rogatory load}), where the drawn minutes of a real exercise's transport would
     * put a node's first action minutes after each request in wall time.
     */
    public static TransportPolicy instant() {
        ServiceTimeDistribution none = new ServiceTimeDistribution.Fixed(0);
        Map<Channel, Steps> all = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            all.put(channel, new Steps(none, none, none));
        }
        return new TransportPolicy(all, DAY, 1);
    }

    /** A channel's steps; a channel the policy does not name travels as the central authorities' does. */
    public Steps of(Channel channel) {
        return steps.getOrDefault(channel, steps.get(Channel.CENTRAL_AUTHORITY));
    }

    /** The same policy with some channels' steps replaced and another timeout. */
    public TransportPolicy with(Map<Channel, Steps> changed, long timeout) {
        Map<Channel, Steps> all = new EnumMap<>(steps);
        all.putAll(changed);
        return new TransportPolicy(all, timeout, shortestStepMillis);
    }
}
