package org.rogatory.router.topology;

import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.RequestType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.router.domain.Fixtures.DAY;
import static org.rogatory.router.domain.Fixtures.T0;
import static org.rogatory.router.domain.Fixtures.WORLD;
import static org.rogatory.router.domain.Fixtures.request;

/**
 * Res. 12/1 annex I (q) (Arabic ف, rule 5): information obtained informally becomes evidence
 * through a formal MLA request, which can only ask for what the informal answer brought. The
 * formal request is therefore sent when the informal exchange is answered plus the drafting delay
 * (practice, default 5 days), not when the informal request is routed, and never if no answer comes.
 */
@DisplayName("Res. 12/1 annex I (q): the formal MLA follow-up is sent on the informal answer plus the drafting delay")
class Res12_1AnnexIqInformalToFormalTimingTest {

    private static final long ANSWERED = T0 + 3 * DAY;
    private final CooperationRequest informal = request(RequestType.POLICE_INFORMATION, Instrument.UNTOC, "ALD", "DUN")
        .setEvidentialUse(true).build();
    private final String caseId = informal.getHeader().getCaseId();
    private RouterDriver router;

    @AfterEach
    void stop() {
        if (router != null) {
            router.close();
        }
    }

    @Test
    @DisplayName("the follow-up is stamped answer + 5 days, read at once or after the router has run 40 days ahead")
    void stampedOnTheAnswer() throws Exception {
        List<TestRecord<String, CaseEvent>> prompt = followUp(false);
        List<TestRecord<String, CaseEvent>> late = followUp(true);
        assertEquals(1, prompt.size(), prompt::toString);
        TestRecord<String, CaseEvent> formal = prompt.getFirst();
        long sent = ANSWERED + 5 * DAY;
        assertEquals(List.of(caseId + "-MLA", sent, Instant.ofEpochMilli(sent)),
            List.of(formal.key(), formal.timestamp(), formal.value().getHeader().getSimulatedTime()));
        assertEquals(prompt, late, "the same record, whenever the answer is read");
    }

    @Test
    @DisplayName("the scenario's drafting delay (36 h) replaces the default")
    void scenarioDelay() throws Exception {
        router = new RouterDriver(WORLD, WORLD.parameters().withFormalFollowUpDrafting(Duration.ofHours(36)));
        router.submit(informal, T0);
        router.nodeAction(caseId, CaseStatus.EXECUTED, "DUN-NCB", ANSWERED);
        Map<String, Long> sent = router.transmissions().stream()
            .collect(Collectors.toMap(t -> t.value().getHeader().getCaseId(), TestRecord::timestamp));
        assertEquals(Map.of(caseId, T0, caseId + "-MLA", ANSWERED + Duration.ofHours(36).toMillis()), sent);
    }

    @Test
    @DisplayName("no follow-up while the informal exchange is delivered, acknowledged, reviewed but never answered")
    void neverAnswered() throws Exception {
        router = new RouterDriver(WORLD);
        router.submit(informal, T0);
        router.caseEvents.readValue();
        for (CaseStatus step : List.of(CaseStatus.DELIVERED, CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW)) {
            router.nodeAction(caseId, step, "DUN-NCB", T0 + DAY);
        }
        assertTrue(router.caseEvents.isEmpty());
        assertEquals(1, router.transmissions().size(), "only the informal request's");
        assertTrue(router.deadLetters.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("no follow-up when the informal exchange ends unanswered, even if an execution were reported later")
    @EnumSource(value = CaseStatus.class, names = {"REFUSED", "WITHDRAWN", "LAPSED"})
    void closedUnanswered(CaseStatus end) throws Exception {
        router = new RouterDriver(WORLD);
        router.submit(informal, T0);
        router.caseEvents.readValue();
        router.nodeAction(caseId, end, "DUN-NCB", T0 + DAY);
        KeyValueStore<String, CaseEvent> awaiting = router.driver.getKeyValueStore(RouterTopology.AWAITING_ANSWER_STORE);
        assertNull(awaiting.get(caseId), "forgotten");
        router.nodeAction(caseId, CaseStatus.EXECUTED, "DUN-NCB", ANSWERED);
        assertTrue(router.caseEvents.isEmpty());
        assertEquals(1, router.transmissions().size(), "only the informal request's");
        assertTrue(router.deadLetters.isEmpty());
    }

    /**
     * The case events after the answer: read at once, or after the router has read requests and
     * node actions 40 days later (its stream time far past the answer).
     */
    private List<TestRecord<String, CaseEvent>> followUp(boolean readLate) throws Exception {
        try (RouterDriver driver = new RouterDriver(WORLD)) {
            driver.submit(informal, T0);
            if (readLate) {
                for (int i = 0; i < 3; i++) {
                    CooperationRequest other = request(RequestType.MLA, Instrument.UNTOC, "ALD", "DUN").build();
                    other.getHeader().setCaseId("C-LATER-" + i);
                    driver.submit(other, T0 + 40 * DAY);
                    driver.nodeAction("C-LATER-" + i, CaseStatus.EXECUTED, "DUN-CA-MLA", T0 + 40 * DAY);
                }
            }
            driver.caseEvents.readRecordsToList();
            driver.nodeAction(caseId, CaseStatus.EXECUTED, "DUN-NCB", ANSWERED);
            List<TestRecord<String, CaseEvent>> events = driver.caseEvents.readRecordsToList();
            assertTrue(driver.deadLetters.isEmpty());
            return events;
        }
    }
}
