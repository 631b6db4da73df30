package org.rogatory.simulator.report;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The report reads each case's last view only, and only once the log has been read through. */
class LastValuesTest {

    private final List<String> decoded = new ArrayList<>();
    private final RunLogReader.LastValues views =
        new RunLogReader.LastValues(bytes -> decoded.add(new String(bytes, StandardCharsets.UTF_8)));

    @Test
    @DisplayName("of a case's views only the last is decoded, when the catch-up ends")
    void lastViewOnly() {
        views.accept(view(0, "case-1", "case-1 submitted"));
        views.accept(view(1, "case-2", "case-2 routed"));
        views.accept(view(2, "case-1", "case-1 received"));

        assertThat(decoded).isEmpty();
        views.decode();
        assertThat(decoded).containsExactlyInAnyOrder("case-1 received", "case-2 routed");

        // a later catch-up decodes what changed since, nothing twice
        decoded.clear();
        views.accept(view(3, "case-2", "case-2 executed"));
        views.decode();
        assertThat(decoded).containsExactly("case-2 executed");
    }

    @Test
    @DisplayName("a tombstone does not hide the case's last view; a view without a key is decoded at once")
    void tombstonesAndKeylessViews() {
        views.accept(view(0, "case-1", "case-1 routed"));
        views.accept(view(1, "case-1", null));
        views.accept(view(2, null, "keyless"));

        assertThat(decoded).containsExactly("keyless");
        views.decode();
        assertThat(decoded).containsExactly("keyless", "case-1 routed");
    }

    private static ConsumerRecord<byte[], byte[]> view(long offset, String caseId, String value) {
        return new ConsumerRecord<>("coop.cases", 0, offset, caseId == null ? null : caseId.getBytes(StandardCharsets.UTF_8),
            value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }
}
