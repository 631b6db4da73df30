package org.rogatory.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A played node's step: its fields read, then judged against the case by the case state machine. */
class PlayerActionFormTest {

    private static final String PLAYED = "KES-CA-MLA";
    private static final Instant ROUTED_AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant WATERMARK = Instant.parse("2026-03-02T12:00:00Z");
    private final PlayerActionForm form = new PlayerActionForm(Set.of(PLAYED));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "malformed JSON              | {\"node\":                                                          | body",
        "unknown field               | {\"node\":\"KES-CA-MLA\",\"status\":\"ACKNOWLEDGED\",\"colour\":1}    | colour",
        "a node nobody plays         | {\"node\":\"KES-NCB\",\"status\":\"ACKNOWLEDGED\"}                   | node",
        "no node                     | {\"status\":\"ACKNOWLEDGED\"}                                        | node",
        "unknown status              | {\"node\":\"KES-CA-MLA\",\"status\":\"DONE\"}                        | status",
        "the readers' fallback       | {\"node\":\"KES-CA-MLA\",\"status\":\"UNKNOWN\"}                     | status",
        "refusal without a ground    | {\"node\":\"KES-CA-MLA\",\"status\":\"REFUSED\"}                     | refusalGround",
        "a ground on an acknowledgement | {\"node\":\"KES-CA-MLA\",\"status\":\"ACKNOWLEDGED\",\"refusalGround\":\"UNTRANSLATED\"} | refusalGround",
        "unknown ground              | {\"node\":\"KES-CA-MLA\",\"status\":\"CONSULTATION\",\"refusalGround\":\"BORED\"} | refusalGround",
    })
    @DisplayName("bad input is refused naming the field")
    void refused(String what, String body, String field) {
        assertThatThrownBy(() -> form.read(body)).isInstanceOfSatisfying(RefusedSubmission.class,
            refusal -> assertThat(refusal.field()).isEqualTo(field));
    }

    @Test
    @DisplayName("a note longer than a line is refused; in a game with no players, no node may act")
    void longNoteAndNoPlayers() {
        assertThatThrownBy(() -> form.read("{\"node\":\"KES-CA-MLA\",\"status\":\"ACKNOWLEDGED\",\"detail\":\"" + "x".repeat(501) + "\"}"))
            .isInstanceOfSatisfying(RefusedSubmission.class, refusal -> assertThat(refusal.field()).isEqualTo("detail"));
        assertThatThrownBy(() -> new PlayerActionForm(Set.of()).read("{\"node\":\"KES-CA-MLA\",\"status\":\"ACKNOWLEDGED\"}"))
            .hasMessage("node: no node is played by a person in this exercise");
    }

    @Test
    @DisplayName("acknowledged: a node action on the case, at the exercise's simulated time, classified as its case, marked as a person's")
    void acknowledged() {
        CaseEvent action = form.judge(form.read("{\"node\":\"KES-CA-MLA\",\"status\":\"ACKNOWLEDGED\",\"detail\":\"received\"}"),
            routed(ROUTED_AT), WATERMARK);

        assertThat(action.getStatus()).isEqualTo(CaseStatus.ACKNOWLEDGED);
        assertThat(action.getPreviousStatus()).isEqualTo(CaseStatus.ROUTED);
        assertThat(action.getNodeId()).isEqualTo(PLAYED);
        assertThat(action.getChannel()).isEqualTo(Channel.CENTRAL_AUTHORITY);
        assertThat(action.getRequestType()).isEqualTo(RequestType.MLA);
        assertThat(action.getDetail()).isEqualTo("received");
        assertThat(action.getReasonCodes()).containsExactly(PlayerActionForm.PLAYED_BY_PERSON);
        assertThat(action.getHeader().getSimulatedTime()).isEqualTo(WATERMARK);
        assertThat(action.getHeader().getCaseId()).isEqualTo("C-1");
        assertThat(action.getHeader().getSourceNode()).isEqualTo(PLAYED);
        assertThat(action.getHeader().getClassification()).isEqualTo(Classification.CONFIDENTIAL);
        assertThat(action.getHeader().getEventId()).isEqualTo("C-1/KES-CA-MLA/ACKNOWLEDGED/" + WATERMARK.toEpochMilli());
    }

    @Test
    @DisplayName("never stamped before the case's last change: a watermark behind it gives the change's time")
    void notBeforeTheCase() {
        Instant later = WATERMARK.plusSeconds(3600);
        CaseEvent action = form.judge(form.read("{\"node\":\"KES-CA-MLA\",\"status\":\"ACKNOWLEDGED\"}"), routed(later), WATERMARK);
        assertThat(action.getHeader().getSimulatedTime()).isEqualTo(later);
    }

    @Test
    @DisplayName("executed straight after routing is not allowed now (ROUTED -> EXECUTED): 409 with what the node may do")
    void executeBeforeAcknowledge() {
        assertThatThrownBy(() -> form.judge(form.read("{\"node\":\"KES-CA-MLA\",\"status\":\"EXECUTED\"}"), routed(ROUTED_AT),
            WATERMARK)).isInstanceOfSatisfying(PlayerActionForm.NotAllowedNow.class, conflict -> {
                assertThat(conflict.field()).isEqualTo("status");
                assertThat(conflict.getMessage()).isEqualTo("status: illegal transition ROUTED -> EXECUTED");
                assertThat(conflict.allowed()).containsExactly("TRANSLATING", "DELIVERED", "ACKNOWLEDGED", "REFUSED");
            });
    }

    @Test
    @DisplayName("a refusal under review needs a consultation first (UNTOC 18(26)); a case of another node is not this node's to act on")
    void refusalAndOtherNode() {
        PlayerActionForm.Standing review = new PlayerActionForm.Standing("C-1", CaseStatus.UNDER_REVIEW, RequestType.MLA,
            PLAYED, Channel.CENTRAL_AUTHORITY, Classification.RESTRICTED, ROUTED_AT);
        assertThatThrownBy(() -> form.judge(form.read(
            "{\"node\":\"KES-CA-MLA\",\"status\":\"REFUSED\",\"refusalGround\":\"" + RefusalGround.POLITICAL_OFFENCE + "\"}"),
            review, WATERMARK)).isInstanceOfSatisfying(PlayerActionForm.NotAllowedNow.class,
                conflict -> assertThat(conflict.getMessage()).contains("18(26)"));
        CaseEvent consulted = form.judge(form.read(
            "{\"node\":\"KES-CA-MLA\",\"status\":\"CONSULTATION\",\"refusalGround\":\"POLITICAL_OFFENCE\"}"), review, WATERMARK);
        assertThat(consulted.getRefusalGround()).isEqualTo(RefusalGround.POLITICAL_OFFENCE);
        assertThat(consulted.getHeader().getClassification()).isEqualTo(Classification.RESTRICTED);

        PlayerActionForm.Standing elsewhere = new PlayerActionForm.Standing("C-2", CaseStatus.ROUTED, RequestType.MLA,
            "KES-NCB", Channel.I247, Classification.RESTRICTED, ROUTED_AT);
        assertThatThrownBy(() -> form.judge(form.read("{\"node\":\"KES-CA-MLA\",\"status\":\"ACKNOWLEDGED\"}"), elsewhere,
            WATERMARK)).isInstanceOfSatisfying(PlayerActionForm.NotAllowedNow.class, conflict -> {
                assertThat(conflict.field()).isEqualTo("node");
                assertThat(conflict.getMessage()).isEqualTo("node: case C-2 is handled by KES-NCB, not KES-CA-MLA");
            });
    }

    /** A case routed to the played node at {@code at}, its view not (yet) classified. */
    private static PlayerActionForm.Standing routed(Instant at) {
        return new PlayerActionForm.Standing("C-1", CaseStatus.ROUTED, RequestType.MLA, PLAYED, Channel.CENTRAL_AUTHORITY,
            null, at);
    }
}
