package org.rogatory.timer.topology;

import org.rogatory.testing.Contracts;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.Span;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.LadderPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.testing.Contracts.action;
import static org.rogatory.testing.Contracts.routed;

/**
 * Thousands of cases through 90 simulated days of hourly ticks, on stream time: the deadline
 * index means a tick reads only what is due, so the run takes seconds, not days.
 */
class NinetyDaysLoadTest {

    private static final Logger LOG = LoggerFactory.getLogger(NinetyDaysLoadTest.class);
    private static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    private static final int CASES = 2000;
    private static final int DAYS = 90;

    private record Input(CaseEvent event, boolean routerDecision) {
        Instant at() {
            return event.getHeader().getSimulatedTime();
        }
    }

    @Test
    @DisplayName("2000 cases x 90 days of hourly ticks: every missed clock escalated once, every lapse applied")
    void ninetyDays() {
        // A shorter preservation period (a scenario parameter, still >= 60 days) so lapses fall inside the run.
        ClockPolicy clocks = ClockPolicy.defaults().with(ClockKind.PRESERVATION_PERIOD, Span.days(60));
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String id = "L-" + i;
            Instant start = T0.plus(Duration.ofSeconds(37L * i));
            switch (i % 4) {
                case 0 -> { // never acknowledged: the whole ladder
                    inputs.add(new Input(routed(id, RequestType.MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", start, false), true));
                    inputs.add(new Input(action(id, RequestType.MLA, CaseStatus.DELIVERED, start.plus(Duration.ofHours(1))), false));
                }
                case 1 -> { // executed in time
                    inputs.add(new Input(routed(id, RequestType.MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", start, false), true));
                    inputs.add(new Input(action(id, RequestType.MLA, CaseStatus.DELIVERED, start.plus(Duration.ofHours(1))), false));
                    inputs.add(new Input(action(id, RequestType.MLA, CaseStatus.ACKNOWLEDGED, start.plus(Duration.ofDays(2))), false));
                    inputs.add(new Input(action(id, RequestType.MLA, CaseStatus.EXECUTED, start.plus(Duration.ofDays(30))), false));
                }
                case 2 -> { // preservation never followed by a formal MLA: lapses on day 61
                    inputs.add(new Input(routed(id, RequestType.PRESERVATION, Channel.CONTACT_POINT_247, "BRV-POC-247", start, false), true));
                    inputs.add(new Input(action(id, RequestType.PRESERVATION, CaseStatus.DELIVERED, start.plusSeconds(60)), false));
                    inputs.add(new Input(action(id, RequestType.PRESERVATION, CaseStatus.ACKNOWLEDGED, start.plus(Duration.ofHours(2))), false));
                    inputs.add(new Input(action(id, RequestType.PRESERVATION, CaseStatus.EXECUTED, start.plus(Duration.ofDays(1))), false));
                }
                default -> { // refused after consultation
                    inputs.add(new Input(routed(id, RequestType.MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", start, false), true));
                    inputs.add(new Input(action(id, RequestType.MLA, CaseStatus.DELIVERED, start.plus(Duration.ofHours(1))), false));
                    inputs.add(new Input(action(id, RequestType.MLA, CaseStatus.ACKNOWLEDGED, start.plus(Duration.ofDays(1))), false));
                    inputs.add(new Input(action(id, RequestType.MLA, CaseStatus.CONSULTATION, start.plus(Duration.ofDays(10))), false));
                    inputs.add(new Input(Contracts.refusal(id, RequestType.MLA, start.plus(Duration.ofDays(20)),
                        RefusalGround.SOVEREIGNTY_SECURITY_ORDRE_PUBLIC), false));
                }
            }
        }
        inputs.sort(Comparator.comparing(Input::at));

        try (TimerDriver timer = new TimerDriver(clocks, LadderPolicy.defaults(), true, CaseTimerTopology.StoreKind.IN_MEMORY)) {
            long begin = System.nanoTime();
            int next = 0;
            for (int hour = 1; hour <= DAYS * 24; hour++) {
                Instant tick = T0.plus(Duration.ofHours(hour));
                while (next < inputs.size() && !inputs.get(next).at().isAfter(tick)) {
                    Input in = inputs.get(next++);
                    if (in.routerDecision()) {
                        timer.route(in.event());
                    } else {
                        timer.act(in.event());
                    }
                }
                timer.tick(tick);
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - begin);
            LOG.info("{} cases, {} records, {} simulated days of hourly ticks through TopologyTestDriver in {} ms",
                CASES, inputs.size() + DAYS * 24, DAYS, elapsed.toMillis());

            List<Escalation> escalations = timer.escalations();
            Map<String, Integer> perCase = new HashMap<>();
            escalations.forEach(e -> perCase.merge(e.getHeader().getCaseId() + "/" + e.getClock() + "/" + e.getLevel(), 1, Integer::sum));
            assertThat(perCase.values()).as("no step twice").containsOnly(1);
            assertThat(escalations).as("4 steps for each unacknowledged MLA, nothing else").hasSize(CASES / 4 * 4)
                .allMatch(e -> e.getClock() == ClockKind.CA_ACKNOWLEDGEMENT);
            assertThat(timer.deadLetters.isEmpty()).isTrue();

            Map<CaseStatus, Integer> finalStatus = new HashMap<>();
            for (int i = 0; i < CASES; i++) {
                CaseView view = timer.view("L-" + i);
                finalStatus.merge(view.getStatus(), 1, Integer::sum);
            }
            assertThat(finalStatus).containsEntry(CaseStatus.DELIVERED, CASES / 4).containsEntry(CaseStatus.EXECUTED, CASES / 4)
                .containsEntry(CaseStatus.LAPSED, CASES / 4).containsEntry(CaseStatus.REFUSED, CASES / 4);
            assertThat(elapsed).as("seconds, not days").isLessThan(Duration.ofSeconds(60));
        }
    }
}
