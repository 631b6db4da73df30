package org.rogatory.platform.serde;

import org.apache.avro.Schema;

/** The part of the Confluent Schema Registry API the serdes need. */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** Id of a schema already registered under the subject; {@link SchemaRegistryException} 40403 if absent. */
    int getId(String subject, Schema schema);

    /** Schema with the given global id. */
    Schema getById(int id);

    /** Latest version registered under the subject. */
    RegisteredSchema getLatest(String subject);

    record RegisteredSchema(String subject, int version, int id, Schema schema) {
    }
}
