package org.rogatory.registry.domain;

import org.rogatory.registry.domain.CompatibilityCheck.Earlier;
import org.rogatory.registry.domain.RegistryRecord.ConfigRecord;
import org.rogatory.registry.domain.RegistryRecord.DeleteSubjectRecord;
import org.rogatory.registry.domain.RegistryRecord.SchemaRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.rogatory.registry.domain.RegistryState.LATEST;

/**
 * Confluent Schema Registry's rules over the registry state: what a read answers, and which log
 * records a write must append (the leader appends them; the state changes only when the log
 * reader applies them). Errors carry Confluent's codes.
 */
public final class Registrar {

    /** What a write answers, and the records to append before answering (none when nothing changes). */
    public record WritePlan<T>(T answer, List<RegistryRecord> records) {
        static <T> WritePlan<T> unchanged(T answer) {
            return new WritePlan<>(answer, List.of());
        }
    }

    private final RegistryState state;

    public Registrar(RegistryState state) {
        this.state = state;
    }

    /** A version path segment: a number from 1 to 2^31-1, {@code latest} or {@code -1}; else 42202. */
    public static int versionNumber(String text) {
        String trimmed = text.trim();
        if (trimmed.equalsIgnoreCase("latest")) {
            return LATEST;
        }
        try {
            int version = Integer.parseInt(trimmed);
            if (version <= 0 && version != LATEST) {
                throw RegistryException.invalidVersion(text);
            }
            return version;
        } catch (NumberFormatException e) {
            throw RegistryException.invalidVersion(text);
        }
    }

    // ---- reads

    public SchemaVersion version(String subject, String version, boolean includeDeleted) {
        int number = versionNumber(version);
        return state.version(subject, number, includeDeleted)
            .orElseThrow(() -> missing(subject, number, includeDeleted));
    }

    public List<Integer> versions(String subject, boolean includeDeleted) {
        List<SchemaVersion> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream().map(SchemaVersion::version).toList();
    }

    /** The subject's version holding this schema (the newest, if several do). */
    public SchemaVersion lookup(String subject, SchemaRequest request, boolean includeDeleted) {
        CanonicalSchema candidate = parse(request);
        List<SchemaVersion> versions = state.versions(subject, includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.reversed().stream().filter(v -> v.sameSchemaAs(candidate)).findFirst()
            .orElseThrow(RegistryException::schemaNotFound);
    }

    /** Soft-deleted versions still answer by id: records written with them must stay readable. */
    public SchemaVersion byId(String id) {
        return withId(id).getFirst();
    }

    public List<String> subjectsOf(String id, boolean includeDeleted) {
        return versionsOf(id, includeDeleted).stream().map(SchemaVersion::subject).distinct().sorted().toList();
    }

    public List<SchemaVersion> versionsOf(String id, boolean includeDeleted) {
        return withId(id).stream().filter(v -> includeDeleted || !v.deleted()).toList();
    }

    /** Ids of the live schemas that take types from this version (Confluent's {@code /referencedby}). */
    public List<Integer> referencedBy(String subject, String version) {
        SchemaVersion target = version(subject, version, false);
        return state.referrersOf(subject, target.version(), false).stream().map(SchemaVersion::id).distinct().sorted().toList();
    }

    public CompatibilityLevel globalLevel() {
        return state.globalLevel().orElse(CompatibilityLevel.DEFAULT);
    }

    public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> level = state.subjectLevel(subject);
        if (level.isPresent()) {
            return level.get();
        }
        if (defaultToGlobal) {
            return globalLevel();
        }
        throw RegistryException.compatibilityNotConfigured(subject);
    }

    /**
     * Tests a schema under the subject's effective level without registering it.
     *
     * @param version one version to test against ({@code latest} included), or null for every
     *                live version the level asks for, as registration would
     * @param verbose when true an invalid schema is reported as a message rather than a 42201
     * @return the incompatibilities; empty means compatible
     */
    public List<String> checkCompatibility(String subject, String version, SchemaRequest request, boolean verbose) {
        List<SchemaVersion> against;
        if (version == null) {
            against = state.versions(subject, false).reversed();
        } else {
            int number = versionNumber(version);
            Optional<SchemaVersion> target = state.version(subject, number, false);
            if (target.isEmpty() && number != LATEST) {
                throw RegistryException.versionNotFound(number);
            }
            against = target.map(List::of).orElse(List.of());
        }
        CanonicalSchema candidate;
        try {
            candidate = parse(request);
        } catch (RegistryException e) {
            if (verbose && e.errorCode() == 42201) {
                return List.of(e.getMessage());
            }
            throw e;
        }
        return CompatibilityCheck.check(state.effectiveLevel(subject), candidate.avro(), earlier(against));
    }

    // ---- writes

    /**
     * Registers a schema under a subject. The same schema again answers its existing id without a
     * write; a schema known under another subject keeps its global id; a new one gets the next id.
     */
    public WritePlan<Integer> register(String subject, SchemaRequest request) {
        CanonicalSchema candidate = parse(request);
        List<SchemaVersion> all = state.versions(subject, true);
        List<SchemaVersion> live = all.stream().filter(v -> !v.deleted()).toList();
        Optional<SchemaVersion> existing = live.stream().filter(v -> v.sameSchemaAs(candidate)).findFirst();
        if (existing.isPresent()) {
            return WritePlan.unchanged(existing.get().id());
        }
        List<String> incompatibilities = CompatibilityCheck.check(
            state.effectiveLevel(subject), candidate.avro(), earlier(live.reversed()));
        if (!incompatibilities.isEmpty()) {
            throw RegistryException.incompatible(subject, incompatibilities);
        }
        int id = state.idOf(candidate).orElseGet(state::nextId);
        int version = all.isEmpty() ? 1 : all.getLast().version() + 1;
        SchemaVersion added = new SchemaVersion(subject, version, id, SchemaVersion.AVRO,
            candidate.references(), candidate.canonical(), false);
        return new WritePlan<>(id, List.of(new SchemaRecord(subject, version, added)));
    }

    /** Soft delete marks every live version deleted; permanent delete (only after a soft one) erases them all. */
    public WritePlan<List<Integer>> deleteSubject(String subject, boolean permanent) {
        List<SchemaVersion> all = state.versions(subject, true);
        if (all.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        List<SchemaVersion> live = all.stream().filter(v -> !v.deleted()).toList();
        if (!permanent) {
            if (live.isEmpty()) {
                throw RegistryException.subjectSoftDeleted(subject);
            }
            live.forEach(v -> refuseIfReferenced(v, subject, false));
            return new WritePlan<>(numbers(live),
                List.of(new DeleteSubjectRecord(subject, live.getLast().version())));
        }
        all.forEach(v -> refuseIfReferenced(v, subject, true));
        if (!live.isEmpty()) {
            throw RegistryException.subjectNotSoftDeleted(subject);
        }
        List<RegistryRecord> records = new ArrayList<>();
        for (SchemaVersion version : all.reversed()) {
            records.add(new SchemaRecord(subject, version.version(), null));
        }
        state.subjectLevel(subject).ifPresent(level -> records.add(new ConfigRecord(subject, null)));
        return new WritePlan<>(numbers(all), records);
    }

    /** Soft delete of a live version; permanent delete of a soft-deleted one. */
    public WritePlan<Integer> deleteVersion(String subject, String version, boolean permanent) {
        int number = versionNumber(version);
        if (!permanent) {
            Optional<SchemaVersion> target = state.version(subject, number, false);
            if (target.isEmpty()) {
                Optional<SchemaVersion> deleted = state.version(subject, number, true).filter(SchemaVersion::deleted);
                if (deleted.isPresent()) {
                    throw RegistryException.versionSoftDeleted(subject, deleted.get().version());
                }
                throw missing(subject, number, true);
            }
            SchemaVersion live = target.get();
            refuseIfReferenced(live, null, false);
            return new WritePlan<>(live.version(),
                List.of(new SchemaRecord(subject, live.version(), live.softDeleted())));
        }
        SchemaVersion target = state.version(subject, number, true).orElseThrow(() -> missing(subject, number, true));
        if (!target.deleted()) {
            throw RegistryException.versionNotSoftDeleted(subject, target.version());
        }
        refuseIfReferenced(target, null, true);
        List<RegistryRecord> records = new ArrayList<>();
        records.add(new SchemaRecord(subject, target.version(), null));
        if (state.versions(subject, true).size() == 1 && state.subjectLevel(subject).isPresent()) {
            records.add(new ConfigRecord(subject, null)); // the subject is gone: so is its config
        }
        return new WritePlan<>(target.version(), records);
    }

    /** @param subject null for the registry-wide level */
    public WritePlan<CompatibilityLevel> setLevel(String subject, String level) {
        CompatibilityLevel parsed = CompatibilityLevel.named(level).orElseThrow(RegistryException::invalidCompatibilityLevel);
        return new WritePlan<>(parsed, List.of(new ConfigRecord(subject, parsed)));
    }

    /**
     * Removes a level, answering the one removed. The registry-wide level falls back to BACKWARD;
     * a subject without its own level is 40401, as in Confluent.
     */
    public WritePlan<CompatibilityLevel> clearLevel(String subject) {
        if (subject == null) {
            Optional<CompatibilityLevel> global = state.globalLevel();
            return global.isPresent()
                ? new WritePlan<>(global.get(), List.of(new ConfigRecord(null, null)))
                : WritePlan.unchanged(CompatibilityLevel.DEFAULT);
        }
        CompatibilityLevel level = state.subjectLevel(subject).orElseThrow(() -> RegistryException.subjectNotFound(subject));
        return new WritePlan<>(level, List.of(new ConfigRecord(subject, null)));
    }

    // ----

    private CanonicalSchema parse(SchemaRequest request) {
        request.requireAvro();
        return CanonicalSchema.parse(request.schema(), request.references(), this::referenced);
    }

    private SchemaVersion referenced(String subject, int version) {
        // a soft-deleted version still defines the types its referrers were registered with
        return state.version(subject, version, version != LATEST).orElse(null);
    }

    /**
     * A version that another schema takes types from cannot go: its referrers would no longer
     * parse. Soft deletes count live referrers, permanent ones every referrer; referrers inside the
     * subject being deleted as a whole do not count (Confluent's 42206 rule).
     */
    private void refuseIfReferenced(SchemaVersion version, String deletedSubject, boolean includeDeleted) {
        boolean referenced = state.referrersOf(version.subject(), version.version(), includeDeleted).stream()
            .anyMatch(referrer -> !referrer.subject().equals(deletedSubject));
        if (referenced) {
            throw RegistryException.referenceExists(version.subject(), version.version());
        }
    }

    private List<Earlier> earlier(List<SchemaVersion> newestFirst) {
        return newestFirst.stream()
            .map(v -> new Earlier(v.version(), CanonicalSchema.parse(v.schema(), v.references(), this::referenced).avro()))
            .toList();
    }

    private List<SchemaVersion> withId(String id) {
        try {
            List<SchemaVersion> versions = state.withId(Integer.parseInt(id.trim()));
            if (!versions.isEmpty()) {
                return versions;
            }
        } catch (NumberFormatException e) {
            // an id that is not a number is simply not found, as Confluent's int path parameter
        }
        throw RegistryException.schemaNotFound(id);
    }

    private RegistryException missing(String subject, int version, boolean includeDeleted) {
        return state.versions(subject, includeDeleted).isEmpty()
            ? RegistryException.subjectNotFound(subject)
            : RegistryException.versionNotFound(version);
    }

    private static List<Integer> numbers(List<SchemaVersion> versions) {
        return versions.stream().map(SchemaVersion::version).toList();
    }
}
