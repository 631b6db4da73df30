package org.rogatory.registry.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rogatory.registry.domain.CompatibilityLevel;
import org.rogatory.registry.domain.RegistryRecord;
import org.rogatory.registry.domain.RegistryRecord.ClearSubjectRecord;
import org.rogatory.registry.domain.RegistryRecord.ConfigRecord;
import org.rogatory.registry.domain.RegistryRecord.DeleteSubjectRecord;
import org.rogatory.registry.domain.RegistryRecord.SchemaRecord;
import org.rogatory.registry.domain.SchemaReference;
import org.rogatory.registry.domain.SchemaVersion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Confluent's JSON record formats for the {@code _schemas} topic
 * (io.confluent.kafka.schemaregistry.storage.SchemaKey, SchemaValue, ConfigKey, ConfigValue,
 * DeleteSubjectKey/Value, ClearSubjectKey/Value): field names, field order, magic numbers and the
 * omission of empty fields, so the log reads the same to Confluent's tools and registry.
 */
public final class RecordCodec {

    private final ObjectMapper json = new ObjectMapper();

    public byte[] key(RegistryRecord record) {
        ObjectNode key = json.createObjectNode();
        switch (record) {
            case SchemaRecord r -> {
                key.put("keytype", "SCHEMA").put("subject", r.subject()).put("version", r.version()).put("magic", 1);
                return bytes(key);
            }
            case ConfigRecord r -> {
                key.put("keytype", "CONFIG");
                if (r.subject() != null) {
                    key.put("subject", r.subject());
                }
            }
            case DeleteSubjectRecord r -> key.put("keytype", "DELETE_SUBJECT").put("subject", r.subject());
            case ClearSubjectRecord r -> key.put("keytype", "CLEAR_SUBJECT").put("subject", r.subject());
        }
        key.put("magic", 0);
        return bytes(key);
    }

    /** @return null for a tombstone */
    public byte[] value(RegistryRecord record) {
        ObjectNode value = json.createObjectNode();
        switch (record) {
            case SchemaRecord r -> {
                SchemaVersion v = r.value();
                if (v == null) {
                    return null;
                }
                value.put("subject", v.subject()).put("version", v.version()).put("id", v.id());
                if (!SchemaVersion.AVRO.equals(v.schemaType())) {
                    value.put("schemaType", v.schemaType());
                }
                if (!v.references().isEmpty()) {
                    ArrayNode references = value.putArray("references");
                    v.references().forEach(ref -> references.addObject()
                        .put("name", ref.name()).put("subject", ref.subject()).put("version", ref.version()));
                }
                value.put("schema", v.schema()).put("deleted", v.deleted());
            }
            case ConfigRecord r -> {
                if (r.level() == null) {
                    return null;
                }
                if (r.subject() != null) {
                    value.put("subject", r.subject());
                }
                value.put("compatibilityLevel", r.level().name());
            }
            case DeleteSubjectRecord r -> value.put("subject", r.subject()).put("version", r.version());
            case ClearSubjectRecord r -> value.put("subject", r.subject());
        }
        return bytes(value);
    }

    /**
     * @return the record, or empty for key types this registry does not act on (MODE, NOOP,
     *         CONTEXT...); a record that is not valid JSON throws
     */
    public Optional<RegistryRecord> decode(byte[] keyBytes, byte[] valueBytes) throws IOException {
        JsonNode key = json.readTree(keyBytes);
        JsonNode value = valueBytes == null ? null : json.readTree(valueBytes);
        String subject = text(key, "subject");
        return switch (key.path("keytype").asText()) {
            case "SCHEMA" -> Optional.of(new SchemaRecord(subject, key.path("version").asInt(),
                value == null ? null : schemaVersion(value)));
            case "CONFIG" -> Optional.of(new ConfigRecord(subject,
                value == null ? null : CompatibilityLevel.named(text(value, "compatibilityLevel")).orElse(null)));
            case "DELETE_SUBJECT" -> value == null ? Optional.empty()
                : Optional.of(new DeleteSubjectRecord(subject, value.path("version").asInt()));
            case "CLEAR_SUBJECT" -> value == null ? Optional.empty() : Optional.of(new ClearSubjectRecord(subject));
            default -> Optional.empty();
        };
    }

    private static SchemaVersion schemaVersion(JsonNode value) {
        List<SchemaReference> references = new ArrayList<>();
        for (JsonNode ref : value.path("references")) {
            references.add(new SchemaReference(text(ref, "name"), text(ref, "subject"), ref.path("version").asInt()));
        }
        return new SchemaVersion(text(value, "subject"), value.path("version").asInt(), value.path("id").asInt(),
            text(value, "schemaType"), references, text(value, "schema"), value.path("deleted").asBoolean(false));
    }

    private static String text(JsonNode node, String field) {
        JsonNode child = node.get(field);
        return child == null || child.isNull() ? null : child.asText();
    }

    private byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
