package org.rogatory.timer.domain;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rogatory.contracts.CaseStatus.ACKNOWLEDGED;
import static org.rogatory.contracts.CaseStatus.CONSULTATION;
import static org.rogatory.contracts.CaseStatus.DELIVERED;
import static org.rogatory.contracts.CaseStatus.EXECUTED;
import static org.rogatory.contracts.CaseStatus.GRANTED_SUBJECT_TO_CONDITIONS;
import static org.rogatory.contracts.CaseStatus.IN_EXECUTION;
import static org.rogatory.contracts.CaseStatus.LAPSED;
import static org.rogatory.contracts.CaseStatus.MORE_INFO_REQUESTED;
import static org.rogatory.contracts.CaseStatus.PARTIALLY_EXECUTED;
import static org.rogatory.contracts.CaseStatus.ROUTED;
import static org.rogatory.contracts.CaseStatus.TRANSLATING;
import static org.rogatory.contracts.CaseStatus.UNDER_REVIEW;
import static org.rogatory.contracts.CaseStatus.WITHDRAWN;
import static org.rogatory.contracts.RequestType.MLA;
import static org.rogatory.contracts.RequestType.PRESERVATION;
import static org.rogatory.timer.domain.DocketRun.T0;
import static org.rogatory.timer.domain.DocketRun.node;
import static org.rogatory.timer.domain.DocketRun.refused;
import static org.rogatory.timer.domain.DocketRun.routed;

/** Legal and illegal steps of a case; an illegal one is rejected with its reason and not applied. */
class CaseStateMachineTest {

    /** Steps applied one hour apart to a case routed at T0; the last one is judged. */
    static Stream<Arguments> steps() {
        return Stream.of(
            legal("routed, delivered, acknowledged, reviewed, executed", MLA,
                node(DELIVERED), node(ACKNOWLEDGED), node(UNDER_REVIEW), node(IN_EXECUTION), node(EXECUTED)),
            legal("more information requested, then review again", MLA,
                node(ACKNOWLEDGED), node(UNDER_REVIEW), node(MORE_INFO_REQUESTED), node(UNDER_REVIEW)),
            legal("execution postponed after consultation (UNTOC 18(25),(26))", MLA,
                node(ACKNOWLEDGED), node(IN_EXECUTION), node(CONSULTATION), node(IN_EXECUTION), node(PARTIALLY_EXECUTED)),
            legal("refused after consultation (UNTOC 18(21),(26))", MLA,
                node(ACKNOWLEDGED), node(UNDER_REVIEW), node(CONSULTATION), refusal(RefusalGround.NOT_IN_CONFORMITY)),
            legal("refused untranslated on receipt (rule 6, UNTOC 18(14))", MLA,
                node(DELIVERED), refusal(RefusalGround.UNTRANSLATED)),
            legal("withdrawn by the requesting state", MLA, node(ACKNOWLEDGED), node(WITHDRAWN)),
            legal("granted subject to conditions after consultation, accepted, executed (UNTOC 18(26))", MLA,
                node(ACKNOWLEDGED), node(UNDER_REVIEW), node(CONSULTATION), node(GRANTED_SUBJECT_TO_CONDITIONS),
                node(IN_EXECUTION), node(EXECUTED)),
            legal("extradition granted with assurances sought (res. 12/1 annex II (j)), not accepted: withdrawn",
                RequestType.EXTRADITION, node(ACKNOWLEDGED), node(UNDER_REVIEW), node(GRANTED_SUBJECT_TO_CONDITIONS),
                node(WITHDRAWN)),
            illegal("executed while the conditions await the requesting state's answer", MLA,
                "GRANTED_SUBJECT_TO_CONDITIONS -> EXECUTED", node(ACKNOWLEDGED), node(UNDER_REVIEW), node(CONSULTATION),
                node(GRANTED_SUBJECT_TO_CONDITIONS), node(EXECUTED)),
            illegal("executed after the conditions were not accepted", MLA, "(case closed)", node(ACKNOWLEDGED),
                node(UNDER_REVIEW), node(CONSULTATION), node(GRANTED_SUBJECT_TO_CONDITIONS), node(WITHDRAWN),
                node(IN_EXECUTION)),
            legal("preservation renewed (Cybercrime art. 42)", PRESERVATION,
                node(ACKNOWLEDGED), node(EXECUTED), node(EXECUTED, CaseChange.PRESERVATION_RENEWAL)),
            legal("executed preservation withdrawn", PRESERVATION, node(ACKNOWLEDGED), node(EXECUTED), node(WITHDRAWN)),
            legal("received and started by the executing authority, executed (UNTOC 18(13), the round trip)", MLA,
                node(ACKNOWLEDGED), node(UNDER_REVIEW), node(IN_EXECUTION),
                node(IN_EXECUTION, CaseChange.RECEIVED_FOR_EXECUTION), node(IN_EXECUTION, CaseChange.EXECUTION_STARTED),
                node(EXECUTED)),
            illegal("in execution again without the executing authority's step", MLA,
                "only the executing authority's receipt or start", node(ACKNOWLEDGED), node(IN_EXECUTION), node(IN_EXECUTION)),
            illegal("executed straight after routing", MLA, "illegal transition ROUTED -> EXECUTED", node(EXECUTED)),
            illegal("refusal without a ground (UNTOC 18(23))", MLA, "18(23)", node(ACKNOWLEDGED), refusal(null)),
            illegal("refusal without consultation (UNTOC 18(26))", MLA, "18(26)",
                node(ACKNOWLEDGED), node(UNDER_REVIEW), refusal(RefusalGround.SOVEREIGNTY_SECURITY_ORDRE_PUBLIC)),
            illegal("a node reporting a lapse", PRESERVATION, "LAPSED is decided by the case timer",
                node(ACKNOWLEDGED), node(EXECUTED), node(LAPSED)),
            illegal("a node reporting a routing", MLA, "routing is the router's decision", node(ROUTED)),
            illegal("anything after withdrawal", MLA, "(case closed)", node(WITHDRAWN), node(ACKNOWLEDGED)),
            illegal("executed MLA executed again", MLA, "only a preservation renewal",
                node(ACKNOWLEDGED), node(EXECUTED), node(EXECUTED, CaseChange.PRESERVATION_RENEWAL)),
            illegal("executed MLA withdrawn", MLA, "cannot be withdrawn", node(ACKNOWLEDGED), node(EXECUTED), node(WITHDRAWN)),
            illegal("review after more information skipped back to delivered", MLA, "MORE_INFO_REQUESTED -> DELIVERED",
                node(ACKNOWLEDGED), node(MORE_INFO_REQUESTED), node(DELIVERED)));
    }

    private record Step(CaseStatus status, RefusalGround ground, String[] reasonCodes) {
    }

    private static Step node(CaseStatus status, String... reasonCodes) {
        return new Step(status, null, reasonCodes);
    }

    private static Step refusal(RefusalGround ground) {
        return new Step(CaseStatus.REFUSED, ground, new String[0]);
    }

    private static Arguments legal(String name, RequestType type, Step... steps) {
        return Arguments.of(name, type, null, List.of(steps));
    }

    private static Arguments illegal(String name, RequestType type, String reason, Step... steps) {
        return Arguments.of(name, type, reason, List.of(steps));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("steps")
    void judgesTheLastStep(String name, RequestType type, String expectedReason, List<Step> steps) {
        DocketRun run = DocketRun.withDefaults()
            .step(routed("C", type, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false));
        CaseStatus beforeLast = null;
        for (int i = 0; i < steps.size(); i++) {
            beforeLast = run.file("C").status();
            Step s = steps.get(i);
            var at = T0.plus(Duration.ofHours(i + 1));
            run.step(s.ground() != null || s.status() == CaseStatus.REFUSED
                ? refused("C", type, at, s.ground()) : DocketRun.node("C", type, s.status(), at, s.reasonCodes()));
        }
        Step last = steps.getLast();
        if (expectedReason == null) {
            assertThat(run.rejections).isEmpty();
            assertThat(run.file("C").status()).isEqualTo(last.status());
        } else {
            assertThat(run.rejections).hasSize(1);
            assertThat(run.rejections.getFirst()).contains(expectedReason);
            assertThat(run.file("C").status()).as("not applied").isEqualTo(beforeLast);
            assertThat(run.file("C").history()).as("no clock started by a rejected step")
                .allMatch(r -> r.startedAt() < T0.plus(Duration.ofHours(steps.size())).toEpochMilli());
        }
    }

    @Test
    @DisplayName("the handling node's moves (what a player is offered): from the same rules, without the requesting state's withdrawal")
    void handlerMoves() {
        assertThat(CaseStateMachine.handlerMoves(ROUTED, MLA))
            .containsExactlyInAnyOrder(TRANSLATING, DELIVERED, ACKNOWLEDGED, CaseStatus.REFUSED);
        assertThat(CaseStateMachine.handlerMoves(ACKNOWLEDGED, MLA)).containsExactlyInAnyOrder(UNDER_REVIEW,
            MORE_INFO_REQUESTED, CONSULTATION, IN_EXECUTION, EXECUTED, PARTIALLY_EXECUTED, CaseStatus.REFUSED);
        assertThat(CaseStateMachine.handlerMoves(UNDER_REVIEW, MLA)).as("refusal only after consultation (UNTOC 18(26))")
            .containsExactlyInAnyOrder(MORE_INFO_REQUESTED, CONSULTATION, IN_EXECUTION, EXECUTED, PARTIALLY_EXECUTED,
                GRANTED_SUBJECT_TO_CONDITIONS);
        assertThat(CaseStateMachine.handlerMoves(UNDER_REVIEW, RequestType.POLICE_INFORMATION)).as("no duty to consult")
            .containsExactlyInAnyOrder(MORE_INFO_REQUESTED, CONSULTATION, IN_EXECUTION, EXECUTED, PARTIALLY_EXECUTED,
                GRANTED_SUBJECT_TO_CONDITIONS, CaseStatus.REFUSED);
        assertThat(CaseStateMachine.handlerMoves(GRANTED_SUBJECT_TO_CONDITIONS, MLA)).as("the requesting state's acceptance")
            .containsExactly(IN_EXECUTION);
        assertThat(CaseStateMachine.handlerMoves(IN_EXECUTION, MLA)).as("the executing authority's steps are not a player's move")
            .containsExactlyInAnyOrder(CONSULTATION, EXECUTED, PARTIALLY_EXECUTED);
        assertThat(CaseStateMachine.allows(EXECUTED, CaseStatus.EVIDENCE_TRANSMITTED)).as("the results go back (the round trip)").isTrue();
        assertThat(CaseStateMachine.handlerMoves(EXECUTED, MLA)).as("but not as a player's step: the played node's model transmits the results")
            .isEmpty();
        assertThat(CaseStateMachine.handlerMoves(CaseStatus.EVIDENCE_TRANSMITTED, MLA)).as("the receipt is the requesting state's")
            .isEmpty();
        assertThat(CaseStateMachine.handlerMoves(CaseStatus.REFUSED, MLA)).isEmpty();

        CaseChange withdrawal = new CaseChange("C", "e", CaseChange.Source.NODE, WITHDRAWN, "BRV-CA-MLA", null, MLA, T0,
            List.of(), null, null, null);
        assertThat(CaseStateMachine.rejection(ACKNOWLEDGED, MLA, withdrawal)).isEmpty();
        assertThat(CaseStateMachine.handlerRejection(ACKNOWLEDGED, MLA, withdrawal)).get().asString()
            .contains("requesting state's decision");
    }

    @Test
    @DisplayName("a node action on a case never routed is rejected")
    void unknownCase() {
        DocketRun run = DocketRun.withDefaults().step(DocketRun.node("NEW", MLA, ACKNOWLEDGED, T0));
        assertThat(run.rejections).singleElement().asString().contains("unknown case");
        assertThat(run.file("NEW")).isNull();
    }

    @Test
    @DisplayName("the router decides only routing and refusal")
    void routerDecisionsOnly() {
        CaseChange routerExecutes = new CaseChange("C", "e", CaseChange.Source.ROUTER, EXECUTED, "R", null, MLA, T0,
            List.of(), null, null, null);
        assertThat(CaseStateMachine.rejection(null, routerExecutes)).get().asString().contains("router decides only");
    }

    @Test
    @DisplayName("e-CODEX: a late positive evidence does not revive a timed-out message")
    void lateDeliveryEvidence() {
        DocketRun run = DocketRun.withDefaults()
            .step(routed("C", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0, false))
            .step(DocketRun.node("C", MLA, DELIVERED, T0.plus(Duration.ofHours(30))));
        assertThat(run.rejections).singleElement().asString().contains("e-CODEX");
        assertThat(run.file("C").status()).isEqualTo(ROUTED);

        run.step(routed("C", MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", T0.plus(Duration.ofHours(31)), false))
            .step(DocketRun.node("C", MLA, DELIVERED, T0.plus(Duration.ofHours(32))));
        assertThat(run.file("C").status()).as("a new transmission can be delivered").isEqualTo(DELIVERED);
    }

    @Test
    @DisplayName("closed statuses allow nothing after them")
    void closedStatuses() {
        for (CaseStatus closed : CaseStateMachine.CLOSED) {
            for (CaseStatus next : CaseStatus.values()) {
                assertThat(CaseStateMachine.allows(closed, next)).as(closed + " -> " + next).isFalse();
            }
        }
    }
}
