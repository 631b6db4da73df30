package org.rogatory.authorities.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.WorkingCalendar;

/**
 * A simulated node consults the requesting state before refusing where a text requires it, and
 * only there: MLA always (UNTOC art. 18(26), "shall consult"), extradition "where appropriate"
 * (art. 16(16): the scenario's probability), police information and preservation never (no text
 * the model cites imposes it).
 */
class Untoc18_26ConsultationBeforeRefusalTest {

    private static final long HOUR = 3_600_000L;
    private static final long MONDAY = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

    /** Every review ends in a refusal, after one hour of work; a consultation takes 48 h. */
    private static List<CaseStatus> refusal(RequestType type, double consultBeforeRefusingExtradition, String caseId) {
        NodeBehaviour refusesAll = new NodeBehaviour(Map.of(), new ServiceTimeDistribution.Fixed(1), 0, 0, 1, 0,
                Map.of(RefusalGround.SOVEREIGNTY_SECURITY_ORDRE_PUBLIC, 1.0), 0, 48, 0, consultBeforeRefusingExtradition);
        Authority node = new Authority("BRV-X", 1, WorkingCalendar.roundTheClock(ZoneOffset.UTC), Set.of("en"), false,
                refusesAll, 7, MONDAY);
        node.receive(new Arrival(caseId, type, "en", MONDAY));
        return node.advanceTo(MONDAY + 100 * HOUR).stream().filter(NodeAction::movesCase).map(NodeAction::status).toList();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RequestType.class, names = {"MLA", "CONFISCATION"})
    @DisplayName("MLA: consultation, then refusal (UNTOC 18(26))")
    void mlaConsultsFirst(RequestType type) {
        assertThat(refusal(type, 0, "C-1")).containsExactly(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED,
                CaseStatus.UNDER_REVIEW, CaseStatus.CONSULTATION, CaseStatus.REFUSED);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = RequestType.class, names = {"POLICE_INFORMATION", "PRESERVATION", "DISCLOSURE"})
    @DisplayName("police information, preservation, disclosure: refused after review, no consultation imposed")
    void noDutyElsewhere(RequestType type) {
        assertThat(refusal(type, 1, "C-1")).containsExactly(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED,
                CaseStatus.UNDER_REVIEW, CaseStatus.REFUSED);
    }

    @Test
    @DisplayName("extradition: consulted 'where appropriate' (UNTOC 16(16)), as often as the scenario's probability says")
    void extraditionWhereAppropriate() {
        assertThat(refusal(RequestType.EXTRADITION, 1, "C-1")).contains(CaseStatus.CONSULTATION);
        assertThat(refusal(RequestType.EXTRADITION, 0, "C-1")).doesNotContain(CaseStatus.CONSULTATION)
                .endsWith(CaseStatus.REFUSED);
        int n = 2000;
        long consulted = IntStream.range(0, n)
                .filter(i -> refusal(RequestType.EXTRADITION, 0.3, "C-%04d".formatted(i)).contains(CaseStatus.CONSULTATION))
                .count();
        // binomial(2000, 0.3): standard deviation about 20.5
        assertThat(consulted).isBetween(600L - 82, 600L + 82);
    }
}
