package org.rogatory.router.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Transmission;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.platform.serde.SpecificAvroSerde;

import java.util.Map;

/** The value serdes of the router's topics. */
public record RouterSerdes(Serde<CooperationRequest> requests, Serde<DirectoryEntry> directory,
                           Serde<TreatyMembership> treaties, Serde<Transmission> transmissions,
                           Serde<CaseEvent> caseEvents, Serde<DeadLetter> deadLetters) {

    /** Confluent-wire-format Avro serdes configured with {@code schema.registry.url} and friends. */
    public static RouterSerdes avro(Map<String, ?> registryConfig) {
        return new RouterSerdes(value(registryConfig), value(registryConfig), value(registryConfig),
            value(registryConfig), value(registryConfig), value(registryConfig));
    }

    private static <T extends SpecificRecord> Serde<T> value(Map<String, ?> config) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        return serde;
    }
}
