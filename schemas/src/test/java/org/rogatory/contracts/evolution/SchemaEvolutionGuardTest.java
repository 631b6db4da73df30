package org.rogatory.contracts.evolution;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Schema evolution guard: every current contract must read data written with every released
 * version (BACKWARD against each release, i.e. BACKWARD_TRANSITIVE over the releases), and no
 * released contract may disappear.
 */
class SchemaEvolutionGuardTest {

    @TestFactory
    Stream<DynamicTest> everyReleasedContractIsReadableByTheCurrentOne() {
        List<Path> releases = ContractSchemas.releases();
        assertFalse(releases.isEmpty(), "no released contracts under " + ContractSchemas.RELEASED.toAbsolutePath());
        return releases.stream().flatMap(SchemaEvolutionGuardTest::checks);
    }

    /** Every contract of one release: data written with any release stays readable (BACKWARD_TRANSITIVE). */
    private static Stream<DynamicTest> checks(Path release) {
        List<Path> released;
        try (Stream<Path> files = Files.list(release)) {
            released = files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertFalse(released.isEmpty(), "no released schemas in " + release);
        return released.stream().map(file -> DynamicTest.dynamicTest(
            file.getFileName() + " (release " + release.getFileName() + ") is BACKWARD compatible", () -> {
                String name = file.getFileName().toString().replace(".avsc", "");
                assertTrue(ContractSchemas.names().contains(name), name + " was released and must not be removed");
                var result = SchemaCompatibility.checkReaderWriterCompatibility(
                    ContractSchemas.current(name), ContractSchemas.parse(file));
                assertEquals(SchemaCompatibilityType.COMPATIBLE, result.getType(),
                    () -> name + " is not BACKWARD compatible with release " + release.getFileName() + ": "
                        + result.getResult().getIncompatibilities());
            }));
    }

    @Test
    void theGuardRejectsARequiredFieldAddedWithoutDefault() {
        Schema released = ContractSchemas.current("ClockTick");
        Schema changed = new Schema.Parser().parse(released.toString()
            .replace("\"fields\":[", "\"fields\":[{\"name\":\"shard\",\"type\":\"int\",\"doc\":\"new\"},"));
        var result = SchemaCompatibility.checkReaderWriterCompatibility(changed, released);
        assertEquals(SchemaCompatibilityType.INCOMPATIBLE, result.getType());
    }

    @Test
    void everyRecordAndFieldIsDocumented() {
        List<String> missing = new ArrayList<>();
        for (String name : ContractSchemas.names()) {
            Schema schema = ContractSchemas.current(name);
            if (blank(schema.getDoc())) {
                missing.add(name);
            }
            if (schema.getType() == Schema.Type.RECORD) {
                schema.getFields().stream().filter(f -> blank(f.doc())).forEach(f -> missing.add(name + "." + f.name()));
            }
        }
        assertEquals(List.of(), missing, "records and fields without a doc");
    }

    private static boolean blank(String doc) {
        return doc == null || doc.isBlank();
    }
}
