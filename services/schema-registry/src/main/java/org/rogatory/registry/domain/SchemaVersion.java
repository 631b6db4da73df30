package org.rogatory.registry.domain;

import java.util.List;

/**
 * One version of one subject, as held in the log: its global id, its canonical schema text and
 * whether it is soft-deleted.
 */
public record SchemaVersion(String subject, int version, int id, String schemaType,
                            List<SchemaReference> references, String schema, boolean deleted) {

    public static final String AVRO = "AVRO";

    public SchemaVersion {
        schemaType = schemaType == null ? AVRO : schemaType;
        references = references == null ? List.of() : List.copyOf(references);
    }

    public SchemaVersion softDeleted() {
        return new SchemaVersion(subject, version, id, schemaType, references, schema, true);
    }

    /** Same schema text, type and references: the identity of a global schema id. */
    public boolean sameSchemaAs(CanonicalSchema candidate) {
        return schemaType.equals(AVRO) && schema.equals(candidate.canonical()) && references.equals(candidate.references());
    }
}
