package org.rogatory.router;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.kstream.KStream;
import org.rogatory.platform.service.ServiceStreams;
import org.rogatory.platform.service.StreamService;
import org.rogatory.platform.service.TopicProvisioning;
import org.rogatory.platform.topics.Topics;
import org.rogatory.router.topology.RouterSerdes;
import org.rogatory.router.topology.RouterSettings;
import org.rogatory.router.topology.RouterTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/** The router service: {@link RouterTopology} on the {@code kafka.streams.router} stream, when {@code rogatory.router.enabled}. */
@Factory
@Requires(property = "rogatory.router.enabled", value = "true")
public class RouterStream {

    public static final String NAME = "router";
    private static final Logger LOG = LoggerFactory.getLogger(RouterStream.class);

    @Singleton
    @Named(NAME)
    KStream<String, ?> router(@Named(NAME) ConfiguredStreamBuilder builder, RouterConfiguration configuration,
                              Provider<TopicProvisioning> topics) {
        Map<String, Object> serdeConfig = ServiceStreams.serdeSettings(builder);
        RouterSettings settings = new RouterSettings(configuration.parameters());
        topics.get(); // settings checked first: a wrong one is reported without waiting for a broker
        LOG.info("router: routing parameters {}", settings.parameters());
        return RouterTopology.define(builder, settings, RouterSerdes.avro(serdeConfig));
    }

    @Singleton
    @Named(NAME)
    StreamService routerService() {
        // coop.node-actions: the answers that open rule 5's formal follow-ups. The informal
        // exchanges awaiting one pass a repartition topic: the barrier waits for it, so an answer
        // a step later always finds its exchange stored.
        return new StreamService(NAME, List.of(Topics.REQUESTS_SUBMITTED, Topics.NODE_ACTIONS), 1,
            List.of(RouterTopology.BY_PERSON, RouterTopology.AWAITING_BY_CASE));
    }
}
