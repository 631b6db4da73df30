package org.rogatory.timer.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.testing.MemoryStores;

import static org.assertj.core.api.Assertions.assertThat;

/** The parked follow-ups store alone. */
class ParkedFollowUpsTest {

    private final ParkedFollowUps parked = new ParkedFollowUps(MemoryStores.keyValue("parked", Serdes.String(), Serdes.ByteArray()));

    @Test
    @DisplayName("taken for their earlier case in time order, once; expired when stamped before the time every partition passed")
    void takeAndExpire() {
        parked.park(notice("P", 10, "F-2"));
        parked.park(notice("P", 5, "F-1"));
        parked.park(notice("Q", 20, "F-3"));

        assertThat(parked.takeFor("P")).extracting(ParkedFollowUps.Notice::caseId).containsExactly("F-1", "F-2");
        assertThat(parked.takeFor("P")).isEmpty();
        assertThat(parked.expireBefore(20)).isEmpty();
        ParkedFollowUps.Notice expired = parked.expireBefore(21).getFirst();
        assertThat(expired).extracting(ParkedFollowUps.Notice::parentId, ParkedFollowUps.Notice::at, ParkedFollowUps.Notice::partition,
            ParkedFollowUps.Notice::offset, ParkedFollowUps.Notice::caseId).containsExactly("Q", 20L, 1, 7L, "F-3");
        assertThat(new String(expired.record())).isEqualTo("record of F-3");
        assertThat(parked.expireBefore(Long.MAX_VALUE)).isEmpty();
    }

    private static ParkedFollowUps.Notice notice(String parent, long at, String caseId) {
        return new ParkedFollowUps.Notice(parent, at, 1, 7, caseId, ("record of " + caseId).getBytes());
    }
}
