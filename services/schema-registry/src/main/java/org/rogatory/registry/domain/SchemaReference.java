package org.rogatory.registry.domain;

/** A named type that a schema takes from another subject's version (Confluent's schema references). */
public record SchemaReference(String name, String subject, int version) {
}
