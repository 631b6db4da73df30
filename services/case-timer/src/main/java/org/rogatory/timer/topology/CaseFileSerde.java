package org.rogatory.timer.topology;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.rogatory.timer.domain.CaseFile;

import java.io.IOException;

/**
 * Serde of the timer's private case files (state store and changelog only; nothing outside the
 * timer reads them, so they need no registered schema). Fields are read directly, so the domain
 * class needs no annotations and no setters.
 *
 * <p>Files are written as Smile, Jackson's binary form of the same JSON tree: the case files'
 * changelog was the largest topic of a run, and writing JSON text a seventh of the timer's thread
 * (docs/engine.md). Every Smile document starts with the header {@code :)\n}; anything else is
 * read as the JSON the timer wrote before, so a changelog or a persistent store from an earlier
 * version restores as it is.
 */
public final class CaseFileSerde implements Serde<CaseFile> {

    // Smile's defaults: field names shared within a document, string values not (sharing them
    // made a file a tenth smaller but slower to write than JSON)
    private static final ObjectMapper SMILE = mapper(new ObjectMapper(new SmileFactory()));
    private static final ObjectMapper JSON = mapper(new ObjectMapper());

    private static ObjectMapper mapper(ObjectMapper mapper) {
        return mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    @Override
    public Serializer<CaseFile> serializer() {
        return (topic, file) -> {
            try {
                return file == null ? null : SMILE.writeValueAsBytes(file);
            } catch (IOException e) {
                throw new SerializationException("cannot write case file", e);
            }
        };
    }

    @Override
    public Deserializer<CaseFile> deserializer() {
        return (topic, bytes) -> {
            try {
                return bytes == null ? null : (isSmile(bytes) ? SMILE : JSON).readValue(bytes, CaseFile.class);
            } catch (IOException e) {
                throw new SerializationException("cannot read case file", e);
            }
        };
    }

    private static boolean isSmile(byte[] bytes) {
        return bytes.length >= 3 && bytes[0] == ':' && bytes[1] == ')' && bytes[2] == '\n';
    }
}
