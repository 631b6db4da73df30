package org.rogatory.authorities;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.kstream.KStream;
import org.rogatory.authorities.domain.NodeBehaviourTable;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.authorities.topology.AuthoritiesTopology;
import org.rogatory.contracts.Channel;
import org.rogatory.platform.service.InvalidSetting;
import org.rogatory.platform.service.ServiceStreams;
import org.rogatory.platform.service.StreamService;
import org.rogatory.platform.service.TopicProvisioning;
import org.rogatory.platform.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The simulated nodes: {@link AuthoritiesTopology} on the {@code kafka.streams.authorities} stream, when enabled. */
@Factory
@Requires(property = "rogatory.authorities.enabled", value = "true")
public class AuthoritiesStream {

    public static final String NAME = "authorities";
    private static final Logger LOG = LoggerFactory.getLogger(AuthoritiesStream.class);

    @Singleton
    @Named(NAME)
    KStream<String, Object> authorities(@Named(NAME) ConfiguredStreamBuilder builder, AuthoritiesConfiguration configuration,
                                        @Nullable NodeBehaviourTable behaviours, @Nullable TransportPolicy transport,
                                        Provider<TopicProvisioning> topics) {
        if (behaviours == null) {
            throw new InvalidSetting("rogatory.authorities", "the simulated nodes need the behaviour of an exercise's nodes: "
                + "give the scenario (rogatory service authorities --scenario FILE)");
        }
        // Settings checked first: a wrong one is reported without waiting for a broker.
        long seed = configuration.exerciseSeed();
        double translation = configuration.translation();
        Set<String> played = configuration.played();
        Map<String, Object> serdeConfig = ServiceStreams.serdeSettings(builder);
        // Escalations, the round trip's hops and players' forwards, keyed by node, must land on the partition of that node's inbox.
        topics.get().coPartitioned(AuthoritiesTopology.ESCALATIONS_BY_NODE_TOPIC, Topics.CHANNEL_CENTRAL_AUTHORITY);
        topics.get().coPartitioned(AuthoritiesTopology.HANDOVERS_BY_NODE_TOPIC, Topics.CHANNEL_CENTRAL_AUTHORITY);
        topics.get().coPartitioned(AuthoritiesTopology.PLAYER_STEPS_BY_NODE_TOPIC, Topics.CHANNEL_CENTRAL_AUTHORITY);
        LOG.info("authorities: seed {}, translation {} h, played by people: {}", seed, translation,
            played.isEmpty() ? "none" : new TreeSet<>(played));
        // the exercise's transport, as its scenario sets it (docs/scenario-format.md, transport)
        return AuthoritiesTopology.define(builder, behaviours, translation, seed, played,
            transport == null ? TransportPolicy.DEFAULT : transport, serdeConfig);
    }

    @Singleton
    @Named(NAME)
    StreamService authoritiesService() {
        List<String> inputs = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            if (channel != Channel.UNKNOWN) {
                inputs.add(Topics.forChannel(channel));
            }
        }
        inputs.addAll(List.of(Topics.INJECTS, Topics.ESCALATIONS, Topics.CLOCK, AuthoritiesTopology.ESCALATIONS_BY_NODE_TOPIC,
            AuthoritiesTopology.HANDOVERS_BY_NODE_TOPIC, AuthoritiesTopology.PLAYER_STEPS_BY_NODE_TOPIC, Topics.PLAYER_ACTIONS));
        return new StreamService(NAME, inputs, 2);
    }
}
