package org.rogatory.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.ClockKind;
import org.rogatory.contracts.ClockWarning;
import org.rogatory.contracts.DeliveryEvidence;
import org.rogatory.contracts.EscalationLevel;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.testing.Contracts;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Which live event a record is, and whom it reaches: the filters and each role's view, without a broker. */
class LiveEventsFilterTest {

    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
    /** The directory: a node's state. */
    private static final Function<String, Optional<String>> STATE_OF =
        node -> Optional.ofNullable(Map.of("BRV-CA-MLA", "BRV", "ALD-CA-MLA", "ALD", "FEN-CA-MLA", "FEN").get(node));
    private static final Caller TRAINER = Caller.OPEN;
    private static final Caller BRV_PLAYER = new Caller("brv", Role.PLAYER, "BRV-CA-MLA", null, false);
    private static final Caller FEN_PLAYER = new Caller("fen", Role.PLAYER, "FEN-CA-MLA", null, true);
    private static final Caller ALD_SERVICE = new Caller("ald", Role.SERVICE, null, "ALD", false);

    /** A routed MLA request from ALD to BRV's central authority, as the router sends it. */
    private static Transmission transmission(String caseId) {
        return Contracts.transmission(Contracts.routed(caseId, RequestType.MLA, Channel.CENTRAL_AUTHORITY, "BRV-CA-MLA", AT, false));
    }

    private static CaseEvent evidence(String caseId, Classification classification) {
        CaseEvent delivered = Contracts.action(caseId, RequestType.MLA, CaseStatus.DELIVERED, AT);
        delivered.setNodeId("BRV-CA-MLA");
        delivered.getHeader().setClassification(classification);
        delivered.setEvidence(new DeliveryEvidence(EvidenceType.DELIVERED, AT, "BRV-CA-MLA", null, "MSG-" + caseId));
        return delivered;
    }

    private static ClockWarning warning(String caseId) {
        Transmission sent = transmission(caseId);
        return ClockWarning.newBuilder().setHeader(sent.getHeader()).setClock(ClockKind.CA_ACKNOWLEDGEMENT)
            .setActingNode("BRV-CA-MLA").setDeadline(AT.plusSeconds(86_400)).setReachedAt(AT).setElapsedShare(0.75).build();
    }

    private static boolean keeps(String caseId, String node, String state, Caller caller, Object value) {
        return new LiveEvents.Filter(caseId, node, state, caller).keeps(value, STATE_OF);
    }

    @Test
    @DisplayName("each contract is its own event kind; a node action without evidence is no event")
    void kinds() {
        assertThat(LiveEvents.kind(transmission("C-1"))).hasValue("transmission");
        assertThat(LiveEvents.kind(evidence("C-1", Classification.RESTRICTED))).hasValue("evidence");
        assertThat(LiveEvents.kind(warning("C-1"))).hasValue("clock-warning");
        assertThat(LiveEvents.kind(Contracts.escalation("C-1", ClockKind.CA_ACKNOWLEDGEMENT, EscalationLevel.REMINDER, AT,
            "BRV-CA-MLA"))).hasValue("escalation");
        assertThat(LiveEvents.kind(Contracts.action("C-1", RequestType.MLA, CaseStatus.ACKNOWLEDGED, AT))).isEmpty();
    }

    @Test
    @DisplayName("a client asking for some kinds gets those only; by default every kind")
    void chosenKinds() {
        LiveEvents.Filter alerts = new LiveEvents.Filter(null, null, null, TRAINER, Set.of("escalation", "clock-warning"));
        assertThat(LiveEvents.KINDS).filteredOn(alerts::wants).containsExactly("escalation", "clock-warning");
        assertThat(LiveEvents.KINDS).allMatch(new LiveEvents.Filter(null, null, null, TRAINER)::wants);
    }

    @Test
    @DisplayName("a transmission is its receiving node's, and both states'; evidence and warnings are their node's and its state's")
    void nodeAndStateFilters() {
        for (Object event : new Object[] {transmission("C-1"), evidence("C-1", Classification.RESTRICTED), warning("C-1")}) {
            assertThat(keeps(null, "BRV-CA-MLA", null, TRAINER, event)).as("%s by its node", event).isTrue();
            assertThat(keeps(null, "ALD-CA-MLA", null, TRAINER, event)).as("%s by another node", event).isFalse();
            assertThat(keeps(null, null, "BRV", TRAINER, event)).as("%s by the requested state", event).isTrue();
            assertThat(keeps(null, null, "FEN", TRAINER, event)).as("%s by a third state", event).isFalse();
            assertThat(keeps("C-1", null, null, TRAINER, event)).as("%s by its case", event).isTrue();
            assertThat(keeps("C-2", null, null, TRAINER, event)).as("%s by another case", event).isFalse();
        }
        assertThat(keeps(null, null, "ALD", TRAINER, transmission("C-1"))).as("the requesting state's transmission").isTrue();
        assertThat(keeps(null, null, "ALD", TRAINER, warning("C-1"))).as("a warning names the acting node only").isFalse();
    }

    @Test
    @DisplayName("a player sees its own node's transmissions, evidence and warnings, never another node's; confidential only if cleared")
    void roles() {
        for (Object event : new Object[] {transmission("C-1"), evidence("C-1", Classification.RESTRICTED), warning("C-1")}) {
            assertThat(keeps(null, "BRV-CA-MLA", null, BRV_PLAYER, event)).as("%s to its player", event).isTrue();
            assertThat(keeps(null, "FEN-CA-MLA", null, FEN_PLAYER, event)).as("%s to another node's player", event).isFalse();
        }
        assertThat(keeps(null, null, "ALD", ALD_SERVICE, transmission("C-1"))).as("the requesting state's service").isTrue();
        assertThat(keeps(null, "BRV-CA-MLA", null, BRV_PLAYER, evidence("C-1", Classification.CONFIDENTIAL))).isFalse();
        assertThat(keeps(null, "BRV-CA-MLA", null, TRAINER, evidence("C-1", Classification.CONFIDENTIAL))).isTrue();
    }
}
