package org.rogatory.timer.topology;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.rogatory.timer.domain.CaseFile;

import java.io.IOException;

/**
 * JSON serde of the timer's private case files (state store and changelog only; nothing outside
 * the timer reads them, so they need no registered schema). Fields are read directly, so the
 * domain class needs no annotations and no setters.
 */
public final class CaseFileSerde implements Serde<CaseFile> {

    private static final ObjectMapper JSON = new ObjectMapper()
        .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
        .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Override
    public Serializer<CaseFile> serializer() {
        return (topic, file) -> {
            try {
                return file == null ? null : JSON.writeValueAsBytes(file);
            } catch (IOException e) {
                throw new SerializationException("cannot write case file", e);
            }
        };
    }

    @Override
    public Deserializer<CaseFile> deserializer() {
        return (topic, bytes) -> {
            try {
                return bytes == null ? null : JSON.readValue(bytes, CaseFile.class);
            } catch (IOException e) {
                throw new SerializationException("cannot read case file", e);
            }
        };
    }
}
