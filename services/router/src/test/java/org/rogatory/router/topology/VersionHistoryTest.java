package org.rogatory.router.topology;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

@DisplayName("Version history of a directory or treaty record: versions ordered by validity, whatever the arrival order")
class VersionHistoryTest {

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> described(byte[] history) {
        return VersionHistory.decode(history).stream()
            .map(v -> v.validFrom() + "=" + (v.value() == null ? "withdrawn" : new String(v.value(), StandardCharsets.UTF_8)))
            .toList();
    }

    @Test
    @DisplayName("a late record for an earlier time is inserted in order; a record for the same time replaces it; a delete is a version")
    void ordering() {
        byte[] history = VersionHistory.with(null, 200, bytes("designated"));
        history = VersionHistory.with(history, 100, bytes("initial"));
        history = VersionHistory.with(history, 300, null);
        history = VersionHistory.with(history, 200, bytes("corrected"));
        assertEquals(List.of("100=initial", "200=corrected", "300=withdrawn"), described(history));
    }

    @Test
    @DisplayName("no history, no versions")
    void empty() {
        assertEquals(List.of(), described(null));
        assertNull(VersionHistory.decode(VersionHistory.with(null, 5, null)).getFirst().value());
    }
}
