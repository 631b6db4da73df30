package org.rogatory.registry.api;

/** Confluent's media types (io.confluent.kafka.schemaregistry.client.rest.Versions). */
final class MediaTypes {
    static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    static final String DEFAULT_JSON = "application/vnd.schemaregistry+json";
    static final String JSON = "application/json";
    /** Confluent also takes untyped request bodies (Versions.GENERIC_REQUEST). */
    static final String GENERIC_REQUEST = "application/octet-stream";

    private MediaTypes() {
    }
}
