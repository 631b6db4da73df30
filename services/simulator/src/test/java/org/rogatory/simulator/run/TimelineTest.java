package org.rogatory.simulator.run;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.Inject;
import org.rogatory.platform.topics.Topics;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.Scenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.workload.TimedRecord;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fixed-time inject a trainer fires early (exercise control): it leaves the timeline and lasts as long as it would have. */
class TimelineTest {

    private static final int PARTITIONS = 4;
    private final LoadedScenario loaded = ScenarioLoader.load(ScenarioOutcomesIT.SCENARIOS.resolve("players-drill.yaml"));
    private final Timeline timeline = new Timeline(loaded, loaded.world(), PARTITIONS);
    private final long start = loaded.scenario().startAt().toEpochMilli();
    private final long end = loaded.scenario().endAt().toEpochMilli();

    @Test
    @DisplayName("INJ-02 (channel outage, days 5-6) fired on day 1 starts then, lasts its day, on every partition, and never fires again")
    void firedEarly() {
        Scenario.Inject outage = inject("INJ-02");
        long now = start + Duration.ofDays(1).toMillis();
        timeline.between(start, now);

        List<TimedRecord> fired = timeline.firedEarly(outage, now);

        assertThat(fired).hasSize(PARTITIONS).allSatisfy(record -> {
            Inject event = (Inject) record.value();
            assertThat(record.timestamp()).isEqualTo(now);
            assertThat(event.getStartAt().toEpochMilli()).isEqualTo(now);
            assertThat(event.getEndAt().toEpochMilli()).isEqualTo(now + Duration.ofDays(1).toMillis());
        });
        assertThat(injectsOf(timeline.between(now, end), "INJ-02")).as("its scheduled records left the timeline").isEmpty();
        assertThatThrownBy(() -> timeline.firedEarly(outage, now)).hasMessageContaining("INJ-02 has fired already");
    }

    @Test
    @DisplayName("an inject whose time has passed has fired: it cannot be fired early")
    void alreadyOut() {
        long day3 = start + Duration.ofDays(3).toMillis();
        assertThat(injectsOf(timeline.between(start, day3), "INJ-01")).isNotEmpty();
        assertThatThrownBy(() -> timeline.firedEarly(inject("INJ-01"), day3)).hasMessageContaining("INJ-01 has fired already");
    }

    private Scenario.Inject inject(String id) {
        return loaded.scenario().msel().stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<TimedRecord> injectsOf(List<TimedRecord> records, String id) {
        return records.stream().filter(r -> r.topic().equals(Topics.INJECTS)
            && ((Inject) r.value()).getHeader().getCaseId().equals(id)).toList();
    }
}
