package org.rogatory.registry.domain;

import java.util.Locale;
import java.util.Optional;

/** Confluent's compatibility levels: which direction a new schema must be readable, and against which versions. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** Confluent's default when neither the subject nor the registry has a level configured. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean newReadsOld;
    private final boolean oldReadsNew;
    private final boolean transitive;

    CompatibilityLevel(boolean newReadsOld, boolean oldReadsNew, boolean transitive) {
        this.newReadsOld = newReadsOld;
        this.oldReadsNew = oldReadsNew;
        this.transitive = transitive;
    }

    /** Backward: consumers on the new schema read data written with the old one. */
    public boolean newReadsOld() {
        return newReadsOld;
    }

    /** Forward: consumers still on the old schema read data written with the new one. */
    public boolean oldReadsNew() {
        return oldReadsNew;
    }

    /** Transitive levels check every earlier version, the others only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** Case-insensitive, as Confluent's {@code CompatibilityLevel.forName}. */
    public static Optional<CompatibilityLevel> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
