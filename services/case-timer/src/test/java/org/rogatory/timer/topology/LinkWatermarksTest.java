package org.rogatory.timer.topology;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The links topic's watermarks alone. */
class LinkWatermarksTest {

    @Test
    @DisplayName("nothing has passed until every partition announced a time; then the slowest one's, never going back")
    void slowestPartition() {
        LinkWatermarks links = new LinkWatermarks(3);
        links.record(LinkWatermarks.mark(0), 300);
        links.record(LinkWatermarks.mark(1), 100);
        assertThat(links.passed()).isEqualTo(Long.MIN_VALUE);
        links.record(LinkWatermarks.mark(2), 200);
        assertThat(links.passed()).isEqualTo(100);
        links.record(LinkWatermarks.mark(1), 50);
        assertThat(links.passed()).as("a late mark does not move a partition back").isEqualTo(100);
        links.record(LinkWatermarks.mark(1), 400);
        assertThat(links.passed()).isEqualTo(200);
        assertThat(LinkWatermarks.isMark(LinkWatermarks.mark(2))).isTrue();
        assertThat(LinkWatermarks.isMark("C-1")).isFalse();
        assertThat(LinkWatermarks.isMark(null)).isFalse();
    }
}
