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
import org.rogatory.contracts.CaseStatus;
import org.rogatory.timer.domain.CaseChange;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.WorkingCalendar;

/**
 * UNTOC art. 18(26): the consultation is held "to consider whether assistance may be granted
 * subject to such terms and conditions as [the requested state] deems necessary. If the
 * requesting State Party accepts assistance subject to those conditions, it shall comply with the
 * conditions." In extradition the same case-by-case consultation on assurances is res. 12/1
 * annex II (j). The node grants subject to conditions; the requesting state accepts (execution
 * follows) or does not (it withdraws, nothing is executed).
 */
class Untoc18_26GrantSubjectToConditionsTest {

    private static final long HOUR = 3_600_000L;
    private static final long MONDAY = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

    /** Every review ends in a consultation (48 h) that ends in conditions; the requesting state answers in 24 h. */
    private static List<NodeAction> grant(RequestType type, double acceptConditions, String caseId) {
        Procedure procedure = new Procedure(1, acceptConditions, 24, 0, 720, 0, 168, 2160);
        NodeBehaviour consultsAll = new NodeBehaviour(Map.of(), new ServiceTimeDistribution.Fixed(1), 0, 1, 0, 0,
                Map.of(RefusalGround.SOVEREIGNTY_SECURITY_ORDRE_PUBLIC, 1.0), 0, 48, 0, 1, procedure);
        Authority node = new Authority("BRV-X", 1, WorkingCalendar.roundTheClock(ZoneOffset.UTC), Set.of("en"), false,
                consultsAll, 7, MONDAY);
        node.receive(new Arrival(caseId, type, "en", MONDAY));
        return node.advanceTo(MONDAY + 200 * HOUR).stream().filter(NodeAction::movesCase).toList();
    }

    private static List<CaseStatus> statuses(List<NodeAction> actions) {
        return actions.stream().map(NodeAction::status).toList();
    }

    @Test
    @DisplayName("conditions accepted: the node executes (18(26), the requesting state complies)")
    void accepted() {
        List<NodeAction> actions = grant(RequestType.MLA, 1, "C-1");
        assertThat(statuses(actions)).containsExactly(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED,
                CaseStatus.UNDER_REVIEW, CaseStatus.CONSULTATION, CaseStatus.GRANTED_SUBJECT_TO_CONDITIONS,
                CaseStatus.IN_EXECUTION, CaseStatus.IN_EXECUTION, CaseStatus.EXECUTED);
        assertThat(actions.get(4).reasonCodes()).containsExactly(Procedure.GRANTED_SUBJECT_TO_CONDITIONS);
        assertThat(actions.get(4).at()).as("after the 48 h consultation").isEqualTo(MONDAY + 49 * HOUR);
        assertThat(actions.get(5).reasonCodes()).containsExactly(Procedure.CONDITIONS_ACCEPTED);
        assertThat(actions.get(5).at()).as("the requesting state's 24 h").isEqualTo(MONDAY + 73 * HOUR);
        assertThat(actions.get(6).reasonCodes()).as("an officer free at once").containsExactly(CaseChange.EXECUTION_STARTED);
        assertThat(actions.get(6).at()).isEqualTo(MONDAY + 73 * HOUR);
        assertThat(actions.get(7).at()).as("one hour of execution").isEqualTo(MONDAY + 74 * HOUR);
    }

    @Test
    @DisplayName("conditions not accepted: the requesting state withdraws, nothing is executed")
    void notAccepted() {
        List<NodeAction> actions = grant(RequestType.MLA, 0, "C-1");
        assertThat(statuses(actions)).containsExactly(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED,
                CaseStatus.UNDER_REVIEW, CaseStatus.CONSULTATION, CaseStatus.GRANTED_SUBJECT_TO_CONDITIONS,
                CaseStatus.WITHDRAWN);
        assertThat(actions.getLast().reasonCodes()).containsExactly(Procedure.CONDITIONS_NOT_ACCEPTED);
    }

    @Test
    @DisplayName("extradition: assurances sought (res. 12/1 annex II (j))")
    void extraditionAssurances() {
        List<NodeAction> actions = grant(RequestType.EXTRADITION, 1, "C-1");
        assertThat(actions.get(4).status()).isEqualTo(CaseStatus.GRANTED_SUBJECT_TO_CONDITIONS);
        assertThat(actions.get(4).reasonCodes()).containsExactly(Procedure.ASSURANCES_SOUGHT);
    }

    @Test
    @DisplayName("only a type whose texts provide for the consultation is granted subject to conditions: an arbitration's ends in execution")
    void noConditionsWithoutATextForThem() {
        List<NodeAction> actions = grant(RequestType.EXTRADITION_ARBITRATION, 1, "C-1");
        assertThat(statuses(actions)).containsExactly(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED,
                CaseStatus.UNDER_REVIEW, CaseStatus.CONSULTATION, CaseStatus.UNDER_REVIEW, CaseStatus.EXECUTED);
    }

    @Test
    @DisplayName("the requesting state accepts as often as the scenario's probability says, drawn per case")
    void acceptanceProbability() {
        int n = 2000;
        long accepted = IntStream.range(0, n)
                .filter(i -> statuses(grant(RequestType.MLA, 0.8, "C-%04d".formatted(i))).contains(CaseStatus.EXECUTED))
                .count();
        // binomial(2000, 0.8): standard deviation about 17.9
        assertThat(accepted).isBetween(1600L - 72, 1600L + 72);
    }
}
