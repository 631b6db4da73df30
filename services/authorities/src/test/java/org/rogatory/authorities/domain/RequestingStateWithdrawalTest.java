package org.rogatory.authorities.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.calendar.WorkingCalendar;

/**
 * Withdrawal is the requesting state's decision (no text the model cites governs it: practice,
 * rule 10). A case withdrawn while it waits or is under review leaves the node: nothing later is
 * executed on it, and the officer it held takes the next case.
 */
class RequestingStateWithdrawalTest {

    private static final long HOUR = 3_600_000L;
    private static final long MONDAY = Instant.parse("2026-01-05T00:00:00Z").toEpochMilli();

    /** One officer, 100 hours per review; every case withdrawn 10 hours after it arrived. */
    private static Authority node(double withdrawal) {
        Procedure procedure = new Procedure(0, 0.9, 240, withdrawal, 10, 0, 168, 2160);
        NodeBehaviour slow = new NodeBehaviour(Map.of(), new ServiceTimeDistribution.Fixed(100), 0, 0, 0, 0, Map.of(), 0,
                0, 0, 1, procedure);
        return new Authority("BRV-CA-MLA", 1, WorkingCalendar.roundTheClock(ZoneOffset.UTC), Set.of("en"), false, slow, 7,
                MONDAY);
    }

    @Test
    @DisplayName("withdrawn under review and in the queue: WITHDRAWN, never executed, the officer freed")
    void withdrawnCasesLeaveTheNode() {
        Authority node = node(1);
        node.receive(new Arrival("A", RequestType.MLA, "en", MONDAY));
        node.receive(new Arrival("B", RequestType.MLA, "en", MONDAY + 5 * HOUR));
        List<NodeAction> actions = node.advanceTo(MONDAY + 500 * HOUR).stream().filter(NodeAction::movesCase).toList();
        assertThat(actions).filteredOn(a -> a.caseId().equals("A")).extracting(NodeAction::status).containsExactly(
                CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW, CaseStatus.WITHDRAWN);
        assertThat(actions).filteredOn(a -> a.caseId().equals("B")).extracting(NodeAction::status).as("queued behind A")
                .containsExactly(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW, CaseStatus.WITHDRAWN);
        NodeAction bReviewed = actions.stream().filter(a -> a.caseId().equals("B") && a.status() == CaseStatus.UNDER_REVIEW)
                .findFirst().orElseThrow();
        assertThat(bReviewed.at()).as("A's officer freed at A's withdrawal").isEqualTo(MONDAY + 10 * HOUR);
        assertThat(actions.getLast().reasonCodes()).containsExactly(Procedure.WITHDRAWN_BY_REQUESTING_STATE);
        assertThat(node.backlog().waiting() + node.backlog().inService()).isZero();
    }

    @Test
    @DisplayName("no withdrawal by default: the review runs its course")
    void notWithdrawn() {
        Authority node = node(0);
        node.receive(new Arrival("A", RequestType.MLA, "en", MONDAY));
        assertThat(node.advanceTo(MONDAY + 500 * HOUR).stream().filter(NodeAction::movesCase).toList()).extracting(NodeAction::status).containsExactly(
                CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW, CaseStatus.EXECUTED);
    }
}
