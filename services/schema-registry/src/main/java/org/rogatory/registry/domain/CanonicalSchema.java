package org.rogatory.registry.domain;

import org.apache.avro.Schema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * An Avro schema parsed and printed back in Avro's own compact form ({@link Schema#toString}),
 * which is what Confluent stores and compares ({@code AvroSchema.canonicalString()}): whitespace
 * and key order do not make two schemas different, a changed doc or default does.
 *
 * @param avro       the parsed schema
 * @param canonical  its canonical text; named types taken from references are not inlined
 * @param references the references it was parsed with, part of its identity
 */
public record CanonicalSchema(Schema avro, String canonical, List<SchemaReference> references) {

    /**
     * @param text       the schema as a client sent it
     * @param references named types it uses from other subjects
     * @param resolver   finds a referenced version: (subject, version or -1 for the latest)
     * @throws RegistryException 42201 when the text is not JSON, not a valid Avro schema, or a
     *                           reference does not exist
     */
    public static CanonicalSchema parse(String text, List<SchemaReference> references,
                                        BiFunction<String, Integer, SchemaVersion> resolver) {
        if (text == null || text.isBlank()) {
            throw RegistryException.invalidSchema("Empty schema");
        }
        List<SchemaReference> refs = references == null ? List.of() : List.copyOf(references);
        Schema.Parser parser = new Schema.Parser();
        Map<String, Schema> referenced = new LinkedHashMap<>();
        Set<String> loaded = new HashSet<>();
        for (SchemaReference reference : refs) {
            load(parser, reference, resolver, loaded, referenced);
        }
        try {
            Schema schema = parser.parse(text);
            return new CanonicalSchema(schema, schema.toString(new ArrayList<>(referenced.values()), false), refs);
        } catch (RuntimeException e) {
            // Avro reports JSON syntax errors and schema errors alike (SchemaParseException)
            throw RegistryException.invalidSchema("Invalid schema " + text + ", details: " + e.getMessage());
        }
    }

    private static void load(Schema.Parser parser, SchemaReference reference,
                             BiFunction<String, Integer, SchemaVersion> resolver,
                             Set<String> loaded, Map<String, Schema> referenced) {
        SchemaVersion target = resolver.apply(reference.subject(), reference.version());
        if (target == null) {
            throw RegistryException.invalidSchema("Invalid schema reference " + reference
                + ", details: subject '" + reference.subject() + "' version " + reference.version() + " not found");
        }
        if (!loaded.add(target.subject() + "/" + target.version())) {
            return; // a type reached through two paths is defined once
        }
        for (SchemaReference nested : target.references()) {
            load(parser, nested, resolver, loaded, referenced);
        }
        try {
            Schema schema = parser.parse(target.schema());
            referenced.put(schema.getFullName(), schema);
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema("Invalid schema reference " + reference + ", details: " + e.getMessage());
        }
    }
}
