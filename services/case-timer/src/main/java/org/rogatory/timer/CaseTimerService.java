package org.rogatory.timer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.rogatory.contracts.CaseView;
import org.rogatory.platform.serde.AvroSerdeConfig;
import org.rogatory.platform.streams.RunningStreams;
import org.rogatory.platform.streams.StandaloneService;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.LadderPolicy;
import org.rogatory.timer.topology.CaseTimerTopology;
import org.rogatory.timer.topology.CaseRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The case timer as a service: runs the topology with exactly-once processing and answers case
 * queries from its local store. Several services may run in one JVM (the CLI's embedded mode).
 *
 * <p>Settings besides Kafka Streams' own: {@code schema.registry.url} (required),
 * {@code case-timer.clock.<clock>} (e.g. {@code case-timer.clock.provisional-arrest=40d}) and
 * {@code case-timer.ladder.<level>} (e.g. {@code case-timer.ladder.supervisor=5d}) and
 * {@value #STORES}.
 */
public final class CaseTimerService implements AutoCloseable {

    public static final String APPLICATION_ID = "rogatory-case-timer";
    public static final String CLOCK_PREFIX = "case-timer.clock.";
    public static final String LADDER_PREFIX = "case-timer.ladder.";
    /** Allowed lateness of inputs, e.g. {@code 48h}: clocks are decided that far behind stream time. */
    public static final String WATERMARK_GRACE = "case-timer.watermark-grace";
    /** {@code persistent} (RocksDB, the default) or {@code in-memory}; changelogged either way. */
    public static final String STORES = "case-timer.stores";

    private static final Logger LOG = LoggerFactory.getLogger(CaseTimerService.class);
    private static final String ANY_FUTURE = String.valueOf(Long.MAX_VALUE);

    private KafkaStreams streams;

    /** Starts the timer; returns once its streams are running. */
    public void start(Properties settings) {
        if (streams != null) {
            throw new IllegalStateException("case timer already started");
        }
        Map<String, Object> serdeConfig = new HashMap<>();
        settings.stringPropertyNames().stream().filter(n -> !n.startsWith("case-timer."))
            .forEach(n -> serdeConfig.put(n, settings.getProperty(n)));
        AvroSerdeConfig.from(serdeConfig); // fails fast without a registry
        ClockPolicy clocks = ClockPolicy.defaults().overriddenBy(prefixed(settings, CLOCK_PREFIX));
        LadderPolicy ladder = LadderPolicy.defaults().overriddenBy(prefixed(settings, LADDER_PREFIX));

        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // Simulated time may run ahead of the wall clock; Kafka 4 brokers reject timestamps more than
        // an hour in the future unless the topic allows them (changelogs carry the input timestamps).
        config.put(StreamsConfig.topicPrefix(TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG), ANY_FUTURE);
        config.putAll(serdeConfig);
        int partitions = linksTopic(config);
        CaseTimerTopology.StoreKind stores = "in-memory".equals(settings.getProperty(STORES))
            ? CaseTimerTopology.StoreKind.IN_MEMORY : CaseTimerTopology.StoreKind.PERSISTENT;

        KafkaStreams started = RunningStreams.start(
            CaseTimerTopology.build(clocks, ladder, serdeConfig, stores, partitions, watermarkGrace(settings)), config,
            "case timer");
        streams = started;
        LOG.info("case timer running (clocks {}, ladder {})", clocks.spans(), ladder.delays());
    }

    private static Duration watermarkGrace(Properties settings) {
        String grace = settings.getProperty(WATERMARK_GRACE, "0h").trim();
        if (!grace.matches("\\d+h")) {
            throw new IllegalArgumentException(WATERMARK_GRACE + " must read like 48h, not '" + grace + "'");
        }
        return Duration.ofHours(Long.parseLong(grace.substring(0, grace.length() - 1)));
    }

    /** False once the streams stopped or failed: the run loop stops waiting on a dead service. */
    public boolean isRunning() {
        return streams != null && streams.state().isRunningOrRebalancing();
    }

    /** The current view of a case held by this instance, empty if unknown here. */
    public Optional<CaseView> caseView(String caseId) {
        if (streams == null) {
            throw new IllegalStateException("case timer not started");
        }
        try {
            ReadOnlyKeyValueStore<String, CaseFile> files = streams.store(StoreQueryParameters.fromNameAndType(
                CaseTimerTopology.CASE_FILES_STORE, QueryableStoreTypes.<String, CaseFile>keyValueStore()));
            return Optional.ofNullable(files.get(caseId)).map(CaseRecords::view);
        } catch (InvalidStateStoreException e) {
            return Optional.empty(); // rebalancing or restoring: the case is not queryable here right now
        }
    }

    @Override
    public void close() {
        if (streams != null) {
            streams.close(Duration.ofSeconds(30));
            streams = null;
            LOG.info("case timer stopped");
        }
    }

    /** The links topic gets the partitions of coop.case-events, so a case id maps to the same partition on both. */
    private static int linksTopic(Properties config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                config.getProperty(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)))) {
            return TopicCatalogue.ensureCoPartitioned(admin, CaseTimerTopology.LINKS_TOPIC, Topics.CASE_EVENTS,
                TopicCatalogue.EVENT_LOG);
        }
    }

    private static Map<String, String> prefixed(Properties settings, String prefix) {
        Map<String, String> found = new HashMap<>();
        settings.stringPropertyNames().stream().filter(n -> n.startsWith(prefix))
            .forEach(n -> found.put(n.substring(prefix.length()), settings.getProperty(n)));
        return found;
    }

    /**
     * Runs the timer alone, configured by {@code KAFKA_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL}
     * and {@code CASE_TIMER_STATE_DIR}; an optional argument names a properties file with further
     * settings (Kafka Streams', clocks', ladder's), which the environment overrides.
     */
    public static void main(String[] args) throws InterruptedException {
        Properties settings = StandaloneService.settings(args.length > 0 ? java.nio.file.Path.of(args[0]) : null,
            "CASE_TIMER_STATE_DIR");
        StandaloneService.runUntilStopped(new CaseTimerService(), timer -> timer.start(settings), "case-timer");
    }
}
