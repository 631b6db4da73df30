package org.rogatory.platform.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Avro serializer in the Confluent wire format: byte 0, the schema's 4-byte big-endian global id,
 * then Avro binary. Drop-in counterpart of {@code io.confluent.kafka.serializers.KafkaAvroSerializer}.
 */
public class KafkaAvroSerializer implements Serializer<Object> {

    static final byte MAGIC_BYTE = 0;

    private AvroSerdeConfig config;
    private SchemaRegistryClient registry;
    private boolean isKey;
    private final Map<String, Schema> latestBySubject = new ConcurrentHashMap<>();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.registry = config.client();
        this.isKey = isKey;
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaAvroSerializer used before configure()");
        }
        Schema schema = schemaOf(data);
        String subject = config.subject(topic, isKey, schema);
        int id;
        try {
            if (config.autoRegister()) {
                id = registry.register(subject, schema);
            } else if (config.useLatestVersion()) {
                schema = latestBySubject.computeIfAbsent(subject, s -> registry.getLatest(s).schema());
                id = registry.getId(subject, schema);
            } else {
                id = registry.getId(subject, schema);
            }
        } catch (SchemaRegistryException e) {
            throw new SerializationException("topic '" + topic + "': cannot get a schema id for subject '"
                + subject + "': " + e.getMessage(), e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(MAGIC_BYTE);
        out.writeBytes(ByteBuffer.allocate(4).putInt(id).array());
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writerFor(data, schema).write(data, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("topic '" + topic + "': cannot encode " + schema.getFullName()
                + " with schema id " + id + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static DatumWriter<Object> writerFor(Object data, Schema schema) {
        return data instanceof SpecificRecord
            ? (DatumWriter<Object>) (DatumWriter<?>) new SpecificDatumWriter<>(schema)
            : new GenericDatumWriter<>(schema);
    }

    /** Schema of a record, or of a primitive as Confluent maps them. */
    static Schema schemaOf(Object data) {
        if (data instanceof GenericContainer container) {
            return container.getSchema();
        }
        Schema.Type type = switch (data) {
            case String s -> Schema.Type.STRING;
            case Integer i -> Schema.Type.INT;
            case Long l -> Schema.Type.LONG;
            case Float f -> Schema.Type.FLOAT;
            case Double d -> Schema.Type.DOUBLE;
            case Boolean b -> Schema.Type.BOOLEAN;
            case byte[] bytes -> Schema.Type.BYTES;
            case ByteBuffer buffer -> Schema.Type.BYTES;
            default -> throw new SerializationException("cannot serialize " + data.getClass().getName()
                + " with Avro: not a record nor a primitive");
        };
        return Schema.create(type);
    }
}
