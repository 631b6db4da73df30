package org.rogatory.registry.domain;

import java.util.List;
import java.util.Locale;

/**
 * A schema as a client submits it to register, look up or test: Confluent's
 * {@code RegisterSchemaRequest} ({@code {"schema": "...", "schemaType": "AVRO", "references": []}}).
 */
public record SchemaRequest(String schema, String schemaType, List<SchemaReference> references) {

    public SchemaRequest {
        references = references == null ? List.of() : List.copyOf(references);
    }

    /** Only Avro is served: JSON Schema and Protobuf are refused rather than stored unchecked. */
    public void requireAvro() {
        if (schemaType != null && !SchemaVersion.AVRO.equals(schemaType.toUpperCase(Locale.ROOT))) {
            throw RegistryException.invalidSchema("Invalid schema type " + schemaType
                + ": unsupported schema type, this registry supports AVRO only");
        }
    }
}
