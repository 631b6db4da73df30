package org.rogatory.registry.domain;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a new schema may join a subject under a compatibility level, with Avro's own
 * reader/writer resolution rules ({@link SchemaCompatibility}), and words the refusal as Confluent
 * does (io.confluent.kafka.schemaregistry.avro.Difference, SchemaValidatorBuilder).
 */
public final class CompatibilityCheck {

    /** An earlier version to check against, newest first. */
    public record Earlier(int version, Schema schema) {
    }

    private static final String NEW = "new";
    private static final String OLD = "old";

    private CompatibilityCheck() {
    }

    /**
     * @param earlier the subject's live versions, newest first; a non-transitive level looks at the
     *                first one only
     * @return the incompatibilities, empty when the candidate is compatible
     */
    public static List<String> check(CompatibilityLevel level, Schema candidate, List<Earlier> earlier) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<Earlier> against = level.transitive() ? earlier : earlier.subList(0, 1);
        for (Earlier old : against) {
            List<String> messages = new ArrayList<>();
            if (level.oldReadsNew()) {
                messages.addAll(differences(old.schema(), candidate, OLD, NEW));
            }
            if (level.newReadsOld()) {
                messages.addAll(differences(candidate, old.schema(), NEW, OLD));
            }
            if (!messages.isEmpty()) {
                // Confluent stops at the first earlier version that fails
                messages.add("{oldSchemaVersion: " + old.version() + "}");
                messages.add("{oldSchema: '" + old.schema() + "'}");
                messages.add("{compatibility: '" + level + "'}");
                return messages;
            }
        }
        return List.of();
    }

    private static List<String> differences(Schema reader, Schema writer, String readerName, String writerName) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult().getIncompatibilities()
            .stream().map(i -> describe(i, readerName, writerName)).toList();
    }

    private static String describe(Incompatibility incompatibility, String reader, String writer) {
        String path = incompatibility.getLocation();
        String description = switch (incompatibility.getType()) {
            case FIXED_SIZE_MISMATCH -> "The size of FIXED type field at path '" + path + "' in the " + reader
                + " schema does not match with the " + writer + " schema";
            case TYPE_MISMATCH -> "The type (path '" + path + "') of a field in the " + reader
                + " schema does not match with the " + writer + " schema";
            case NAME_MISMATCH -> "The name of the schema has changed (path '" + path + "')";
            case MISSING_ENUM_SYMBOLS -> "The " + reader + " schema is missing enum symbols '"
                + incompatibility.getMessage() + "' at path '" + path + "' in the " + writer + " schema";
            case MISSING_UNION_BRANCH -> "The " + reader + " schema is missing a type inside a union field at path '"
                + path + "' in the " + writer + " schema";
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "The field '" + incompatibility.getMessage() + "' at path '"
                + path + "' in the " + reader + " schema has no default value and is missing in the " + writer + " schema";
        };
        return "{errorType:'" + incompatibility.getType() + "', description:'" + description
            + "', additionalInfo:'" + incompatibility.getMessage() + "'}";
    }
}
