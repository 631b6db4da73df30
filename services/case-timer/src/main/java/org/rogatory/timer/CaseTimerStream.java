package org.rogatory.timer;

import io.micronaut.configuration.kafka.streams.ConfiguredStreamBuilder;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import org.apache.kafka.streams.kstream.KStream;
import org.rogatory.platform.calendar.Span;
import org.rogatory.platform.service.ServiceStreams;
import org.rogatory.platform.service.StreamService;
import org.rogatory.platform.service.TopicProvisioning;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.Ladder;
import org.rogatory.timer.domain.LadderPolicy;
import org.rogatory.timer.topology.CaseTimerTopology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The case timer service: {@link CaseTimerTopology} on the {@code kafka.streams.case-timer} stream, when enabled. */
@Factory
@Requires(property = "rogatory.case-timer.enabled", value = "true")
public class CaseTimerStream {

    public static final String NAME = "case-timer";
    private static final Logger LOG = LoggerFactory.getLogger(CaseTimerStream.class);

    @Singleton
    @Named(NAME)
    KStream<String, Object> caseTimer(@Named(NAME) ConfiguredStreamBuilder builder, CaseTimerConfiguration configuration,
                                      Provider<TopicProvisioning> topics) {
        Map<String, Object> serdeConfig = ServiceStreams.serdeSettings(builder);
        // Settings checked first: a wrong one is reported without waiting for a broker.
        ClockPolicy clocks = configuration.clockPolicy();
        LadderPolicy ladder = configuration.ladderPolicy();
        configuration.grace();
        // The links topic gets the partitions of coop.case-events, so a case id maps to the same partition on both.
        int partitions = topics.get().coPartitioned(CaseTimerTopology.LINKS_TOPIC, Topics.CASE_EVENTS);
        LOG.info("case timer: clocks {} (preservation and disclosure executed within {}), warning at {} % of a span, ladder {}{}, grace {}",
            new EnumMap<>(clocks.spans()), clocks.expeditedExecution(), Math.round(clocks.warningPoint() * 100), steps(ladder.common()),
            ladder.own().entrySet().stream().map(own -> ", " + own.getKey() + " ladder " + steps(own.getValue()))
                .collect(Collectors.joining()), Span.of(configuration.grace()));
        return CaseTimerTopology.define(builder, clocks, ladder, serdeConfig, configuration.storeKind(), partitions,
            configuration.grace());
    }

    /** A ladder as its settings are written: {@code SUPERVISOR +3d}, in the order of the steps. */
    private static String steps(Ladder ladder) {
        return Ladder.STEPS.stream().map(step -> step + " +" + Span.of(ladder.delays().get(step)))
            .collect(Collectors.joining(", ", "[", "]"));
    }

    @Singleton
    @Named(NAME)
    StreamService caseTimerService() {
        return new StreamService(NAME, List.of(Topics.CASE_EVENTS, Topics.NODE_ACTIONS, Topics.CLOCK,
            CaseTimerTopology.LINKS_TOPIC), 3);
    }
}
