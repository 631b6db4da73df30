package org.rogatory.registry.domain;

import org.junit.jupiter.api.Test;
import org.rogatory.registry.domain.RegistryRecord.ClearSubjectRecord;
import org.rogatory.registry.domain.RegistryRecord.ConfigRecord;
import org.rogatory.registry.domain.RegistryRecord.DeleteSubjectRecord;
import org.rogatory.registry.domain.RegistryRecord.SchemaRecord;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state a replay of the log builds, record type by record type (Confluent's KafkaStoreMessageHandler). */
class RegistryStateTest {

    private final RegistryState state = new RegistryState();

    @Test
    void schemaRecordsAddVersionsAndRaiseTheNextId() {
        apply("s", 1, 4);
        apply("s", 2, 9);
        assertEquals(List.of(1, 2), state.versions("s", false).stream().map(SchemaVersion::version).toList());
        assertEquals(10, state.nextId());
    }

    @Test
    void deleteSubjectSoftDeletesUpToItsVersionOnly() {
        apply("s", 1, 1);
        apply("s", 2, 2);
        apply("s", 3, 3);
        state.apply(new DeleteSubjectRecord("s", 2));
        assertEquals(List.of(3), state.versions("s", false).stream().map(SchemaVersion::version).toList());
        assertEquals(3, state.versions("s", true).size());
    }

    @Test
    void tombstoneErasesAVersionButNotTheIdCounter() {
        apply("s", 1, 5);
        state.apply(new SchemaRecord("s", 1, null));
        assertTrue(state.versions("s", true).isEmpty());
        assertEquals(List.of(), state.subjects(true));
        assertEquals(6, state.nextId());
    }

    @Test
    void clearSubjectForgetsOnlySoftDeletedVersions() {
        apply("s", 1, 1);
        apply("s", 2, 2);
        state.apply(new SchemaRecord("s", 1, version("s", 1, 1).softDeleted()));
        state.apply(new ClearSubjectRecord("s"));
        assertEquals(List.of(2), state.versions("s", true).stream().map(SchemaVersion::version).toList());
    }

    @Test
    void levelsFallBackFromSubjectToRegistryToBackward() {
        assertEquals(CompatibilityLevel.BACKWARD, state.effectiveLevel("s"));
        state.apply(new ConfigRecord(null, CompatibilityLevel.FULL));
        assertEquals(CompatibilityLevel.FULL, state.effectiveLevel("s"));
        state.apply(new ConfigRecord("s", CompatibilityLevel.NONE));
        assertEquals(CompatibilityLevel.NONE, state.effectiveLevel("s"));
        state.apply(new ConfigRecord("s", null));
        state.apply(new ConfigRecord(null, null));
        assertEquals(CompatibilityLevel.BACKWARD, state.effectiveLevel("s"));
    }

    @Test
    void latestSkipsSoftDeletedVersionsUnlessAsked() {
        apply("s", 1, 1);
        state.apply(new SchemaRecord("s", 2, version("s", 2, 2).softDeleted()));
        assertEquals(1, state.version("s", RegistryState.LATEST, false).orElseThrow().version());
        assertEquals(2, state.version("s", RegistryState.LATEST, true).orElseThrow().version());
    }

    private void apply(String subject, int version, int id) {
        state.apply(new SchemaRecord(subject, version, version(subject, version, id)));
    }

    private static SchemaVersion version(String subject, int version, int id) {
        return new SchemaVersion(subject, version, id, null, List.of(), "\"string\"", false);
    }
}
