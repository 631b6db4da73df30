package org.rogatory.simulator.exercise;

/**
 * Thrown by the scenario records' own checks; names the field (relative to the record) so the
 * loader can point at its line.
 */
final class InvalidField extends IllegalArgumentException {
    private final String field;

    InvalidField(String field, String problem) {
        super(problem);
        this.field = field;
    }

    String field() {
        return field;
    }

    static void require(boolean condition, String field, String problem) {
        if (!condition) {
            throw new InvalidField(field, problem);
        }
    }

    /** Runs a nested record's checks, prefixing the field it names with where the record sits. */
    static void within(String prefix, Runnable check) {
        try {
            check.run();
        } catch (InvalidField e) {
            throw new InvalidField(e.field == null ? prefix : e.field.startsWith("[") ? prefix + e.field : prefix + "." + e.field,
                    e.getMessage());
        }
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw new InvalidField(field, "is required");
        }
        return value;
    }
}
