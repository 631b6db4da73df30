package org.rogatory.registry.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.serde.annotation.Serdeable;
import org.rogatory.registry.domain.SchemaReference;
import org.rogatory.registry.domain.SchemaVersion;

import java.util.List;

/** The REST API's JSON bodies, field for field as Confluent's entities. */
final class Bodies {

    private Bodies() {
    }

    /** Request: register, look up, or test a schema (Confluent's RegisterSchemaRequest). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record SchemaBody(String schema, String schemaType, List<Reference> references) {
    }

    /** Request: PUT /config (Confluent's ConfigUpdateRequest). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ConfigUpdate(String compatibility) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Reference(String name, String subject, int version) {
        static Reference of(SchemaReference reference) {
            return new Reference(reference.name(), reference.subject(), reference.version());
        }

        SchemaReference toDomain() {
            return new SchemaReference(name, subject, version);
        }
    }

    /** A schema with as much of its place as the endpoint gives; Avro's type and empty references are left out, as Confluent does. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SchemaAnswer(String subject, Integer version, Integer id, String schemaType, List<Reference> references,
                        String schema) {
        static SchemaAnswer placed(SchemaVersion v) {
            return new SchemaAnswer(v.subject(), v.version(), v.id(), type(v), references(v), v.schema());
        }

        static SchemaAnswer text(SchemaVersion v) {
            return new SchemaAnswer(null, null, null, type(v), references(v), v.schema());
        }

        private static String type(SchemaVersion v) {
            return SchemaVersion.AVRO.equals(v.schemaType()) ? null : v.schemaType();
        }

        private static List<Reference> references(SchemaVersion v) {
            return v.references().isEmpty() ? null : v.references().stream().map(Reference::of).toList();
        }
    }

    @Serdeable
    record Registered(int id) {
    }

    @Serdeable
    record SubjectVersion(String subject, int version) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CompatibilityAnswer(@JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {
    }

    @Serdeable
    record ConfigAnswer(String compatibilityLevel) {
    }

    @Serdeable
    record ConfigUpdated(String compatibility) {
    }

    @Serdeable
    record ModeAnswer(String mode) {
    }

    @Serdeable
    record ErrorAnswer(@JsonProperty("error_code") int errorCode, String message) {
    }
}
