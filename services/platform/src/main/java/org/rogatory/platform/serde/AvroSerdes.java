package org.rogatory.platform.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serde;

import java.util.Map;

/**
 * Creates the services' Avro serdes from configuration, so that switching to Confluent's serde
 * is a configuration change only: set {@value #SPECIFIC_SERDE_CLASS} to
 * {@code io.confluent.kafka.streams.serdes.avro.SpecificAvroSerde} (with its jar on the classpath).
 */
public final class AvroSerdes {

    public static final String SPECIFIC_SERDE_CLASS = "specific.avro.serde.class";

    private AvroSerdes() {
    }

    @SuppressWarnings("unchecked")
    public static <T extends SpecificRecord> Serde<T> specific(Map<String, ?> configs, boolean isKey) {
        Object className = configs.get(SPECIFIC_SERDE_CLASS);
        Serde<T> serde;
        if (className == null) {
            serde = new SpecificAvroSerde<>();
        } else {
            try {
                serde = (Serde<T>) Class.forName(className.toString()).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new ConfigException(SPECIFIC_SERDE_CLASS, className, "cannot create the serde: " + e);
            }
        }
        serde.configure(configs, isKey);
        return serde;
    }
}
