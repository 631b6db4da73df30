package org.rogatory.gateway;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.kstream.KStream;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.platform.service.ServiceStreams;
import org.rogatory.platform.service.StreamService;
import org.rogatory.platform.service.TopicProvisioning;
import org.rogatory.platform.topics.Topics;

import java.util.List;

/** The gateway service: {@link IntakeTopology} on the {@code kafka.streams.gateway} stream, when enabled. */
@Factory
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class GatewayStream {

    public static final String NAME = "gateway";

    @Singleton
    @Named(NAME)
    KStream<String, CooperationRequest> gateway(@Named(NAME) ConfiguredStreamBuilder builder,
                                                Provider<TopicProvisioning> topics) {
        topics.get().coPartitioned(IntakeTopology.SUBMISSIONS_TOPIC, Topics.REQUESTS_SUBMITTED);
        return IntakeTopology.define(builder, ServiceStreams.serdeSettings(builder));
    }

    @Singleton
    @Named(NAME)
    StreamService gatewayService() {
        // Stage 0: what it passes on is the router's input. The directory is a global table, read by no group.
        return new StreamService(NAME, List.of(IntakeTopology.SUBMISSIONS_TOPIC), 0);
    }
}
