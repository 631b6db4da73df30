package org.rogatory.registry.domain;

/**
 * One record of the {@code _schemas} log, in the vocabulary of Confluent's key types, so that a
 * log written by either registry is read by the other.
 */
public sealed interface RegistryRecord {

    /** SCHEMA key: a subject's version; a null value is the tombstone of a permanent delete. */
    record SchemaRecord(String subject, int version, SchemaVersion value) implements RegistryRecord {
    }

    /** CONFIG key: a compatibility level for one subject, or for the registry when subject is null; null level deletes it. */
    record ConfigRecord(String subject, CompatibilityLevel level) implements RegistryRecord {
    }

    /** DELETE_SUBJECT key: soft-deletes every version of the subject up to and including {@code version}. */
    record DeleteSubjectRecord(String subject, int version) implements RegistryRecord {
    }

    /** CLEAR_SUBJECT key: forgets the subject's soft-deleted versions. */
    record ClearSubjectRecord(String subject) implements RegistryRecord {
    }
}
