package org.rogatory.registry.domain;

import org.rogatory.registry.domain.RegistryRecord.ClearSubjectRecord;
import org.rogatory.registry.domain.RegistryRecord.ConfigRecord;
import org.rogatory.registry.domain.RegistryRecord.DeleteSubjectRecord;
import org.rogatory.registry.domain.RegistryRecord.SchemaRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The registry as the {@code _schemas} log describes it, rebuilt by applying the log in order.
 * Written by the log reader only, read by every request: every method is synchronized.
 */
public final class RegistryState {

    /** Version number meaning "the latest", as in {@code /versions/latest} or {@code /versions/-1}. */
    public static final int LATEST = -1;

    private final NavigableMap<String, NavigableMap<Integer, SchemaVersion>> subjects = new TreeMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    public synchronized void apply(RegistryRecord record) {
        switch (record) {
            case SchemaRecord(String subject, int version, SchemaVersion value) -> {
                if (value == null) {
                    NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
                    if (versions != null) {
                        versions.remove(version);
                        if (versions.isEmpty()) {
                            subjects.remove(subject);
                        }
                    }
                } else {
                    subjects.computeIfAbsent(subject, s -> new TreeMap<>()).put(version, value);
                    maxId = Math.max(maxId, value.id());
                }
            }
            case ConfigRecord(String subject, CompatibilityLevel level) -> {
                if (subject == null) {
                    globalLevel = level;
                } else if (level == null) {
                    subjectLevels.remove(subject);
                } else {
                    subjectLevels.put(subject, level);
                }
            }
            case DeleteSubjectRecord(String subject, int upTo) -> {
                NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
                if (versions != null) {
                    versions.headMap(upTo, true).replaceAll((v, schema) -> schema.softDeleted());
                }
            }
            case ClearSubjectRecord(String subject) -> {
                NavigableMap<Integer, SchemaVersion> versions = subjects.get(subject);
                if (versions != null) {
                    versions.values().removeIf(SchemaVersion::deleted);
                    if (versions.isEmpty()) {
                        subjects.remove(subject);
                    }
                }
            }
        }
    }

    /** Subjects with at least one live version, or with any version when {@code includeDeleted}; sorted. */
    public synchronized List<String> subjects(boolean includeDeleted) {
        return subjects.entrySet().stream()
            .filter(e -> e.getValue().values().stream().anyMatch(v -> includeDeleted || !v.deleted()))
            .map(Map.Entry::getKey).toList();
    }

    /** The subject's versions, oldest first. */
    public synchronized List<SchemaVersion> versions(String subject, boolean includeDeleted) {
        NavigableMap<Integer, SchemaVersion> versions = subjects.getOrDefault(subject, new TreeMap<>());
        return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    /** @param version a version number, or {@link #LATEST} */
    public synchronized Optional<SchemaVersion> version(String subject, int version, boolean includeDeleted) {
        List<SchemaVersion> versions = versions(subject, includeDeleted);
        if (version == LATEST) {
            return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
        }
        return versions.stream().filter(v -> v.version() == version).findFirst();
    }

    /** Every subject version, live or soft-deleted, that carries this global id. */
    public synchronized List<SchemaVersion> withId(int id) {
        return allVersions().filter(v -> v.id() == id).toList();
    }

    /** Versions whose schema takes types from this subject's version. */
    public synchronized List<SchemaVersion> referrersOf(String subject, int version, boolean includeDeleted) {
        return allVersions()
            .filter(v -> includeDeleted || !v.deleted())
            .filter(v -> v.references().stream().anyMatch(r -> r.subject().equals(subject) && r.version() == version))
            .toList();
    }

    /** The global id already given to this schema anywhere in the registry, if any. */
    public synchronized OptionalInt idOf(CanonicalSchema schema) {
        return allVersions().filter(v -> v.sameSchemaAs(schema)).mapToInt(SchemaVersion::id).findFirst();
    }

    /** Ids are never reused while the log remembers them: one more than the highest ever applied. */
    public synchronized int nextId() {
        return maxId + 1;
    }

    public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
        return Optional.ofNullable(subjectLevels.get(subject));
    }

    public synchronized Optional<CompatibilityLevel> globalLevel() {
        return Optional.ofNullable(globalLevel);
    }

    /** The subject's level, else the registry's, else Confluent's default BACKWARD. */
    public synchronized CompatibilityLevel effectiveLevel(String subject) {
        return subjectLevel(subject).or(this::globalLevel).orElse(CompatibilityLevel.DEFAULT);
    }

    private Stream<SchemaVersion> allVersions() {
        return subjects.values().stream().flatMap(versions -> versions.values().stream());
    }
}
