package org.rogatory.router.topology;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.contracts.Instrument;
import org.rogatory.contracts.InterpolInstrument;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.platform.serde.KafkaAvroSerializer;
import org.rogatory.platform.topics.Topics;
import org.rogatory.router.domain.ShallowCopy;
import org.rogatory.testing.DomainCounts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.rogatory.router.domain.Fixtures.DAY;
import static org.rogatory.router.domain.Fixtures.T0;
import static org.rogatory.router.domain.Fixtures.WORLD;
import static org.rogatory.router.domain.Fixtures.request;

@DisplayName("Router topology (TopologyTestDriver): channel topics, case events, dead letters, versioned directory")
class RouterTopologyTest {

    private RouterDriver router;

    @BeforeEach
    void start() throws Exception {
        router = new RouterDriver(WORLD);
    }

    @AfterEach
    void stop() {
        router.close();
    }

    @ParameterizedTest(name = "{0} {2} to {3}: {4} topic, key {5}")
    @DisplayName("a routed request lands on its channel topic keyed by receiving node, with a ROUTED case event carrying the request, at the input's timestamp")
    @CsvSource(delimiter = '|', textBlock = """
        MLA                | UNTOC                 | ALD | DUN | CENTRAL_AUTHORITY | DUN-CA-MLA
        PRESERVATION       | CYBERCRIME_CONVENTION | ALD | KES | CONTACT_POINT_247 | KES-POC-247
        POLICE_INFORMATION | UNTOC                 | ALD | DUN | I247              | DUN-NCB
        EXTRADITION        | UNTOC                 | ALD | HAL | DIPLOMATIC        | HAL-MFA
        """)
    void routed(RequestType type, Instrument instrument, String from, String to, Channel channel, String node) {
        CooperationRequest request = request(type, instrument, from, to).build();
        router.submit(request, T0);
        TestRecord<String, Transmission> sent = router.channel(channel).readRecord();
        assertEquals(node, sent.key());
        assertEquals(List.of(node, channel, request), List.of(sent.value().getToNode(), sent.value().getChannel(), sent.value().getRequest()));
        assertEquals(T0, sent.timestamp());
        assertTrue(sent.value().getHops().size() >= 2);
        assertTrue(sent.value().getReasonCodes().size() >= 2, sent.value().getReasonCodes()::toString);
        TestRecord<String, CaseEvent> event = router.caseEvents.readRecord();
        assertEquals(request.getHeader().getCaseId(), event.key());
        assertEquals(List.of(CaseStatus.ROUTED, node, channel), List.of(event.value().getStatus(), event.value().getNodeId(), event.value().getChannel()));
        assertEquals(request, event.value().getRequest());
        assertEquals(sent.value().getReasonCodes(), event.value().getReasonCodes());
        assertEquals(T0, event.timestamp());
        // e-CODEX: the case's trail starts with the sender's acceptance, naming the message (its id from the request's event id)
        assertEquals("MSG-" + request.getHeader().getEventId(), sent.value().getMessageId());
        assertEquals(List.of(sent.value().getEvidence().getFirst()), List.of(event.value().getEvidence()));
        assertEquals(List.of(EvidenceType.SUBMISSION_ACCEPTED, sent.value().getMessageId()),
            List.of(event.value().getEvidence().getType(), event.value().getEvidence().getMessageId()));
        assertTrue(router.caseEvents.isEmpty() && router.deadLetters.isEmpty());
    }

    @Test
    @DisplayName("a refused request: REFUSED case event with ground and reason codes, nothing on any channel")
    void refused() {
        router.submit(request(RequestType.MLA, Instrument.UNTOC, "ALD", "HAL").setLanguage("en").build(), T0);
        CaseEvent event = router.caseEvents.readValue();
        assertEquals(List.of(CaseStatus.REFUSED, RefusalGround.UNTRANSLATED), List.of(event.getStatus(), event.getRefusalGround()));
        assertEquals("UNTOC-18.14:UNTRANSLATED-REFUSED", event.getReasonCodes().getLast());
        assertTrue(router.transmissions().isEmpty());
    }

    @Test
    @DisplayName("bad bytes: not wire format, unknown schema id, tombstone each go to coop.deadletter with reason, origin and raw bytes")
    void undecodable() {
        byte[] text = "not avro".getBytes(StandardCharsets.UTF_8);
        byte[] unknownId = ByteBuffer.allocate(9).put((byte) 0).putInt(424242).putInt(7).array();
        router.requests.pipeInput("k1".getBytes(), text, T0);
        router.requests.pipeInput("k2".getBytes(), unknownId, T0);
        router.requests.pipeInput("k3".getBytes(), null, T0);
        List<DeadLetter> dead = router.deadLetters.readValuesToList();
        assertEquals(3, dead.size());
        assertTrue(dead.get(0).getReason().contains("not in Confluent wire format"), dead.get(0)::getReason);
        assertTrue(dead.get(1).getReason().contains("unknown schema id 424242"), dead.get(1)::getReason);
        assertTrue(dead.get(2).getReason().contains("tombstone"), dead.get(2)::getReason);
        assertEquals(List.of(0L, 1L, 2L), dead.stream().map(DeadLetter::getSourceOffset).toList());
        assertEquals(Topics.REQUESTS_SUBMITTED, dead.get(0).getSourceTopic());
        assertArrayEquals(text, bytes(dead.get(0).getValue()));
        assertArrayEquals("k2".getBytes(), bytes(dead.get(1).getKey()));
        assertTrue(router.caseEvents.isEmpty() && router.transmissions().isEmpty());
    }

    @Test
    @DisplayName("a record written without a required field (another writer schema) is dead-lettered, not routed")
    void missingField() throws IOException {
        Schema full = CooperationRequest.getClassSchema();
        Schema.Parser parser = new Schema.Parser();
        // The same record without 'originNode' (required, no default): readers cannot resolve it.
        String json = full.toString().replace(",{\"name\":\"originNode\",\"type\":{\"type\":\"string\",\"avro.java.string\":\"String\"},\"doc\":\"Node of the requesting state that sends the request.\"}", "");
        Schema reduced = parser.parse(json);
        assertNull(reduced.getField("originNode"));
        CooperationRequest complete = request(RequestType.MLA, Instrument.UNTOC, "ALD", "DUN").build();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(encoded, null);
        new SpecificDatumWriter<>(CooperationRequest.class).write(complete, encoder);
        encoder.flush();
        GenericRecord partial = new GenericDatumReader<GenericRecord>(full, reduced)
            .read(null, DecoderFactory.get().binaryDecoder(encoded.toByteArray(), null));
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(router.registry, false);
            router.requests.pipeInput("k".getBytes(), serializer.serialize(Topics.REQUESTS_SUBMITTED + "-old", partial), T0);
        }
        DeadLetter dead = router.deadLetters.readValue();
        assertTrue(dead.getReason().startsWith("undecodable CooperationRequest"), dead::getReason);
        assertTrue(dead.getReason().contains("originNode"), dead::getReason);
        assertTrue(router.caseEvents.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("decodable but not routable: unknown state or node, self-addressed → dead letter with the stated reason")
    @CsvSource(delimiter = '|', textBlock = """
        unknown state | QQQ | ALD-CA-MLA | unknown state QQQ: no node in the directory
        self-addressed | ALD | ALD-CA-MLA | self-addressed request: ALD asks itself
        unknown node  | DUN | ALD-GHOST  | unknown origin node ALD-GHOST for state ALD
        """)
    void unroutable(String name, String to, String origin, String reason) {
        byte[] raw = router.submit(request(RequestType.MLA, Instrument.UNTOC, "ALD", to).setOriginNode(origin).build(), T0);
        TestRecord<String, DeadLetter> dead = router.deadLetters.readRecord();
        assertEquals(reason, dead.value().getReason());
        assertArrayEquals(raw, bytes(dead.value().getValue()));
        assertEquals(Topics.REQUESTS_SUBMITTED + "-0@0", dead.key());
        assertEquals(T0, dead.timestamp());
    }

    @Test
    @DisplayName("rule 2, directory change mid-stream: a CA-EXT designated at t affects requests stamped >= t only, whatever the arrival order")
    void designationChange() {
        long designatedAt = T0 + DAY;
        DirectoryEntry designation = ShallowCopy.of(WORLD.directoryByKey().get("HAL-CA-MLA"), DirectoryEntry::new);
        designation.setNodeId("HAL-CA-EXT");
        designation.setRole(NodeRole.CA_EXT);
        designation.setHandles(List.of(RequestType.EXTRADITION));
        CooperationRequest before = request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "HAL").build();
        router.submit(before, T0);
        router.directory.pipeInput("HAL-CA-EXT", designation, designatedAt);
        CooperationRequest after = withCase(request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "HAL").build(), "C-AFTER");
        router.submit(after, designatedAt + 1);
        CooperationRequest late = withCase(request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "HAL").build(), "C-LATE");
        router.submit(late, designatedAt - 1);
        List<String> targets = router.caseEvents.readValuesToList().stream()
            .map(e -> e.getHeader().getCaseId() + "->" + e.getNodeId()).toList();
        assertEquals(List.of(before.getHeader().getCaseId() + "->HAL-MFA", "C-AFTER->HAL-CA-EXT", "C-LATE->HAL-MFA"), targets);
    }

    @Test
    @DisplayName("rule 2, withdrawn designation (tombstone): preservation to Kessaly falls back from its 24/7 point to its NCB")
    void withdrawal() {
        router.directory.pipeInput("KES-POC-247", null, T0 + DAY);
        router.submit(request(RequestType.PRESERVATION, Instrument.CYBERCRIME_CONVENTION, "ALD", "KES").build(), T0 + 2 * DAY);
        assertEquals("KES-NCB", router.channel(Channel.I247).readKeyValue().key);
    }

    @Test
    @DisplayName("rule 1, ratification mid-stream: Jasmuri joins UNTOC, MLA leaves the diplomatic channel")
    void ratification() {
        TreatyMembership ratification = ShallowCopy.of(WORLD.treatiesByKey().get("ALD|UNTOC"), TreatyMembership::new);
        ratification.setState("JAS");
        router.treaties.pipeInput("JAS|UNTOC", ratification, T0 + DAY);
        router.submit(request(RequestType.MLA, Instrument.UNTOC, "ALD", "JAS").build(), T0);
        router.submit(withCase(request(RequestType.MLA, Instrument.UNTOC, "ALD", "JAS").build(), "C-RATIFIED"), T0 + 2 * DAY);
        assertEquals(List.of(Channel.DIPLOMATIC, Channel.CENTRAL_AUTHORITY),
            router.caseEvents.readValuesToList().stream().map(CaseEvent::getChannel).toList());
    }

    @Test
    @DisplayName("rule 5: an evidential police exchange writes its own transmission; its answer opens a linked formal MLA case")
    void informalToFormal() {
        CooperationRequest informal = request(RequestType.POLICE_INFORMATION, Instrument.UNTOC, "ALD", "DUN").setEvidentialUse(true).build();
        String parent = informal.getHeader().getCaseId();
        router.submit(informal, T0);
        CaseEvent routed = router.caseEvents.readValue();
        assertEquals(parent, routed.getHeader().getCaseId());
        assertTrue(routed.getReasonCodes().contains("RES-12/1-I(q):FORMAL-MLA-ON-ANSWER"), routed.getReasonCodes()::toString);
        assertNull(routed.getSpawnedCaseId(), "the formal case opens on the answer, not with the informal request");
        assertTrue(router.caseEvents.isEmpty());
        assertEquals(List.of("DUN-NCB"), router.channel(Channel.I247).readKeyValuesToList().stream().map(kv -> kv.key).toList());

        router.nodeAction(parent, CaseStatus.EXECUTED, "DUN-NCB", T0 + 2 * DAY);
        CaseEvent formal = router.caseEvents.readValue();
        assertEquals(List.of(parent + "-MLA", CaseStatus.ROUTED, List.of(parent)),
            List.of(formal.getHeader().getCaseId(), formal.getStatus(), formal.getRequest().getLinkedCaseIds()));
        assertEquals("RES-12/1-I(q):FORMAL-MLA-SPAWNED", formal.getReasonCodes().getFirst());
        assertEquals(List.of("DUN-CA-MLA"), router.channel(Channel.CENTRAL_AUTHORITY).readKeyValuesToList().stream().map(kv -> kv.key).toList());
        assertTrue(router.caseEvents.isEmpty());
        assertTrue(router.deadLetters.isEmpty());
    }

    @Test
    @DisplayName("INTERPOL notices: a published Red Notice goes to every member NCB as of its time (one-to-many); the NCB of the hit receives the provisional arrest")
    void redNoticeToEveryMember() {
        DirectoryEntry joining = ShallowCopy.of(WORLD.directoryByKey().get("MOR-NCB"), DirectoryEntry::new);
        joining.setNodeId("NEW-NCB");
        joining.setState("NEW");
        router.directory.pipeInput("NEW-NCB", joining, T0 + DAY);
        CooperationRequest before = withCase(request(RequestType.PROVISIONAL_ARREST, Instrument.UNTOC, "ALD", "HAL")
            .setInterpolInstrument(InterpolInstrument.RED_NOTICE).setOriginNode("ALD-NCB").build(), "C-RN1");
        CooperationRequest after = withCase(CooperationRequest.newBuilder(before).build(), "C-RN2");
        router.submit(before, T0);
        router.submit(after, T0 + 2 * DAY);
        List<String> members = WORLD.directoryByKey().values().stream()
            .filter(n -> n.getRole() == NodeRole.NCB && n.getActive() && !n.getState().equals("ALD"))
            .map(DirectoryEntry::getNodeId).sorted().toList();
        List<TestRecord<String, Transmission>> sent = router.channel(Channel.I247).readRecordsToList();
        assertEquals(members, sent.stream().filter(r -> r.value().getHeader().getCaseId().startsWith("C-RN1"))
            .map(TestRecord::key).sorted().toList());
        List<String> laterMembers = new ArrayList<>(members);
        laterMembers.add("NEW-NCB");
        assertEquals(laterMembers.stream().sorted().toList(), sent.stream().filter(r -> r.value().getHeader().getCaseId().startsWith("C-RN2"))
            .map(TestRecord::key).sorted().toList(), "a member that joined before the notice receives it");
        TestRecord<String, Transmission> hit = sent.stream().filter(r -> r.value().getHeader().getCaseId().equals("C-RN1")).findFirst().orElseThrow();
        assertEquals(List.of("HAL-NCB", RequestType.PROVISIONAL_ARREST), List.of(hit.key(), hit.value().getRequest().getRequestType()));
        assertTrue(sent.stream().filter(r -> r != hit && r.value().getHeader().getCaseId().startsWith("C-RN1"))
            .allMatch(r -> r.value().getRequest().getRequestType() == RequestType.POLICE_INFORMATION
                && r.value().getFromNode().equals("INTERPOL-GS") && r.timestamp() == T0));
        List<CaseEvent> events = router.caseEvents.readValuesToList();
        assertEquals(sent.size(), events.size(), "one ROUTED event per transmission");
        assertTrue(events.stream().allMatch(e -> e.getStatus() == CaseStatus.ROUTED));
        assertTrue(router.deadLetters.isEmpty());
    }

    @Test
    @DisplayName("rule 8: a second state's extradition request for the same person opens an arbitration case for Kessaly's CA-EXT")
    void concurrentExtradition() {
        CooperationRequest first = withCase(request(RequestType.EXTRADITION, Instrument.UNTOC, "ALD", "KES").setSubjectPerson("P-c0ffee").build(), "C-1");
        CooperationRequest second = withCase(request(RequestType.EXTRADITION, Instrument.UNTOC, "DUN", "KES").setSubjectPerson("P-c0ffee").build(), "C-2");
        CooperationRequest other = withCase(request(RequestType.EXTRADITION, Instrument.UNTOC, "IRV", "KES").setSubjectPerson("P-0ther").build(), "C-3");
        router.submit(first, T0);
        router.submit(other, T0 + DAY);
        router.submit(second, T0 + 3 * DAY);
        List<CaseEvent> events = router.caseEvents.readValuesToList();
        CaseEvent arbitration = events.stream().filter(e -> e.getRequestType() == RequestType.EXTRADITION_ARBITRATION).findFirst().orElseThrow();
        assertEquals(4, events.size(), events::toString);
        assertEquals(List.of("ARB-C-1", "KES-CA-EXT"), List.of(arbitration.getHeader().getCaseId(), arbitration.getNodeId()));
        assertEquals(List.of("C-1", "C-2"), arbitration.getRequest().getLinkedCaseIds());
        List<TestRecord<String, Transmission>> sent = router.channel(Channel.CENTRAL_AUTHORITY).readRecordsToList();
        TestRecord<String, Transmission> last = sent.getLast();
        assertEquals(List.of("KES-CA-EXT", "router"), List.of(last.key(), last.value().getFromNode()));
        assertEquals(T0 + 3 * DAY, last.timestamp());
        assertTrue(last.value().getReasonCodes().contains("RES-12/1-II(i):ALT:TRANSFER-OF-ENFORCEMENT"));
        // the arbitration case, routed after the repartition by person, is counted as routed too
        assertEquals((long) sent.size(), DomainCounts.of(router.driver.metrics(), "routed", "channel").get("CENTRAL_AUTHORITY"));
    }

    @Test
    @DisplayName("domain counters: requests routed per channel, refusals per ground, dead letters per cause")
    void counters() {
        router.submit(withCase(request(RequestType.POLICE_INFORMATION, Instrument.UNTOC, "ALD", "DUN").build(), "C-1"), T0);
        router.submit(withCase(request(RequestType.POLICE_INFORMATION, Instrument.UNTOC, "ALD", "DUN").build(), "C-2"), T0);
        router.submit(request(RequestType.MLA, Instrument.UNTOC, "ALD", "DUN").build(), T0);
        router.submit(request(RequestType.MLA, Instrument.UNTOC, "ALD", "HAL").setLanguage("en").build(), T0);
        router.submit(request(RequestType.MLA, Instrument.UNTOC, "ALD", "QQQ").build(), T0);
        router.requests.pipeInput("k1".getBytes(), "not avro".getBytes(StandardCharsets.UTF_8), T0);
        router.requests.pipeInput("k2".getBytes(), null, T0);
        assertEquals(Map.of("I247", 2L, "CENTRAL_AUTHORITY", 1L), DomainCounts.of(router.driver.metrics(), "routed", "channel"));
        assertEquals(Map.of("UNTRANSLATED", 1L), DomainCounts.of(router.driver.metrics(), "refused", "ground"));
        assertEquals(Map.of("REJECTED", 1L, "UNREADABLE", 1L, "EMPTY", 1L), DomainCounts.of(router.driver.metrics(), "dead-letters", "reason"));
    }

    private static CooperationRequest withCase(CooperationRequest request, String caseId) {
        request.getHeader().setCaseId(caseId);
        request.getHeader().setEventId("E-" + caseId);
        request.getHeader().setCorrelationId(caseId);
        return request;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
