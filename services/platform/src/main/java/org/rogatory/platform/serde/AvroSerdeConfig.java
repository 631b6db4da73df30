package org.rogatory.platform.serde;

import org.apache.avro.Schema;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.kafka.common.config.ConfigException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serdes' settings, under Confluent's names, so the same configuration drives Confluent's
 * {@code KafkaAvroSerializer} / {@code SpecificAvroSerde} when their class names are swapped in.
 */
public record AvroSerdeConfig(String registryUrl, boolean autoRegister, boolean useLatestVersion,
                              boolean specificReader, SubjectNameStrategy keyStrategy,
                              SubjectNameStrategy valueStrategy) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    /** Prefix of an in-memory registry, as in Confluent's serdes. */
    public static final String MOCK_SCHEME = "mock://";

    static {
        // Avro 1.12.2 reads and writes only trusted generated classes; our contracts are trusted.
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
            c -> c.getName().startsWith("org.rogatory.contracts.")));
    }

    // One client per registry URL in this JVM, so its caches serve every serde.
    private static final Map<String, SchemaRegistryClient> CLIENTS = new ConcurrentHashMap<>();

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL + " is required (e.g. http://127.0.0.1:8081, or mock://scope in tests)");
        }
        return new AvroSerdeConfig(url.toString(),
            bool(configs, AUTO_REGISTER_SCHEMAS, true),
            bool(configs, USE_LATEST_VERSION, false),
            bool(configs, SPECIFIC_AVRO_READER, false),
            SubjectNameStrategy.named(configs.get(KEY_SUBJECT_NAME_STRATEGY)),
            SubjectNameStrategy.named(configs.get(VALUE_SUBJECT_NAME_STRATEGY)));
    }

    public SchemaRegistryClient client() {
        if (registryUrl.startsWith(MOCK_SCHEME)) {
            return InMemorySchemaRegistryClient.forScope(registryUrl.substring(MOCK_SCHEME.length()));
        }
        return CLIENTS.computeIfAbsent(registryUrl, CachedSchemaRegistryClient::new);
    }

    public String subject(String topic, boolean isKey, Schema schema) {
        return (isKey ? keyStrategy : valueStrategy).subject(topic, isKey, schema);
    }

    private static boolean bool(Map<String, ?> configs, String name, boolean defaultValue) {
        Object value = configs.get(name);
        return value == null ? defaultValue : Boolean.parseBoolean(value.toString());
    }

    /** Confluent's subject name strategies, accepted under their Confluent class names too. */
    public enum SubjectNameStrategy {
        TOPIC_NAME, RECORD_NAME, TOPIC_RECORD_NAME;

        static SubjectNameStrategy named(Object configured) {
            if (configured == null) {
                return TOPIC_NAME;
            }
            String name = configured instanceof Class<?> c ? c.getSimpleName() : configured.toString();
            return switch (name.substring(name.lastIndexOf('.') + 1)) {
                case "TopicNameStrategy" -> TOPIC_NAME;
                case "RecordNameStrategy" -> RECORD_NAME;
                case "TopicRecordNameStrategy" -> TOPIC_RECORD_NAME;
                default -> throw new ConfigException("unknown subject name strategy " + configured
                    + " (TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy)");
            };
        }

        String subject(String topic, boolean isKey, Schema schema) {
            return switch (this) {
                case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
                case RECORD_NAME -> schema.getFullName();
                case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
            };
        }
    }
}
