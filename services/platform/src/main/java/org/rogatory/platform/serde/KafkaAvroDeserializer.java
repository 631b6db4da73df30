package org.rogatory.platform.serde;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the Confluent wire format written by {@link KafkaAvroSerializer} or by Confluent's own
 * serializer. Errors name the topic and the reason; Kafka's consumer (RecordDeserializationException)
 * and Streams' deserialization handler add the partition and offset.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {

    private AvroSerdeConfig config;
    private SchemaRegistryClient registry;
    private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.from(configs);
        this.registry = config.client();
    }

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
        }
        if (bytes.length < 5 || bytes[0] != KafkaAvroSerializer.MAGIC_BYTE) {
            throw new SerializationException("topic '" + topic + "': not in Confluent wire format ("
                + (bytes.length < 5 ? bytes.length + " bytes, fewer than 5" : "unknown magic byte " + bytes[0])
                + "); expected byte 0, a 4-byte schema id and Avro binary");
        }
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        DatumReader<Object> reader;
        try {
            reader = readers.computeIfAbsent(id, this::readerFor);
        } catch (SchemaRegistryException e) {
            throw new SerializationException("topic '" + topic + "': unknown schema id " + id + ": " + e.getMessage(), e);
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null);
            return reader.read(null, decoder);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException e) {
            throw new SerializationException("topic '" + topic + "': cannot decode Avro with schema id " + id
                + ": " + e, e);
        }
    }

    private DatumReader<Object> readerFor(int id) {
        Schema writer = registry.getById(id);
        if (!config.specificReader() || writer.getType() != Schema.Type.RECORD) {
            return new GenericDatumReader<>(writer);
        }
        Class<?> specific = SpecificData.get().getClass(writer);
        if (specific == null) {
            throw new SerializationException("specific.avro.reader=true but no generated class "
                + writer.getFullName() + " is on the classpath (schema id " + id + ")");
        }
        return new SpecificDatumReader<>(writer, SpecificData.get().getSchema(specific));
    }
}
