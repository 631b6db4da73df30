package org.rogatory.timer.topology;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockWarning;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.Escalation;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.platform.streams.DomainCounters;
import org.rogatory.testing.Contracts;
import org.rogatory.testing.MemoryStores;
import org.rogatory.timer.domain.CaseChange;
import org.rogatory.timer.domain.CaseDocket;
import org.rogatory.timer.domain.CaseFile;
import org.rogatory.timer.domain.ClockPolicy;
import org.rogatory.timer.domain.LadderPolicy;
import org.rogatory.timer.domain.NodeRegister;
import org.rogatory.platform.calendar.WorkingCalendar;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The timer's store-backed pieces over in-memory stores, with what they send recorded: for testing each alone. */
final class TimerPieces implements CaseOutputs {

    static final Instant T0 = Instant.parse("2027-01-04T09:00:00Z");
    static final NodeRegister REGISTER = new NodeRegister() {
        @Override
        public WorkingCalendar calendarOf(String nodeId) {
            return WorkingCalendar.officeHours(ZoneOffset.UTC, 9, 17, Set.of());
        }

        @Override
        public Optional<String> liaisonOfficer(String ofState, String postedIn) {
            return Optional.of("ALD-LO-BRV");
        }

        @Override
        public Optional<String> foreignMinistry(String state) {
            return Optional.empty();
        }
    };

    final CaseDocket docket = new CaseDocket(ClockPolicy.defaults(), LadderPolicy.defaults(), REGISTER);
    final DeadlineIndex deadlines = new DeadlineIndex(MemoryStores.keyValue("deadlines", Serdes.String(), Serdes.String()));
    final DomainCounters counters = new DomainCounters(new MockProcessorContext<>());
    final CaseFiles files = new CaseFiles(MemoryStores.keyValue("files", Serdes.String(), new CaseFileSerde()), deadlines, counters);
    final List<String> views = new ArrayList<>();
    final List<Escalation> escalations = new ArrayList<>();
    final List<ClockWarning> warnings = new ArrayList<>();
    final List<DeadLetter> deadLetters = new ArrayList<>();

    /** An urgent request routed to BRV's NCB over I-24/7 at {@code at}, opened and saved. */
    CaseFile open(String caseId, Instant at, String... linkedCaseIds) {
        CaseDocket.Recorded recorded = docket.record(null, CaseRecords.change(
            Contracts.routed(caseId, RequestType.MLA, Channel.I247, "BRV-NCB", at, true, linkedCaseIds), CaseChange.Source.ROUTER,
            at.toEpochMilli()));
        CaseFile file = ((CaseDocket.Accepted) recorded).file();
        files.save(caseId, null, file);
        return file;
    }

    @Override
    public void view(CaseFile file, long at) {
        views.add(file.caseId() + " " + file.status() + " @" + Instant.ofEpochMilli(at));
    }

    @Override
    public void escalation(String caseId, Escalation escalation, long at) {
        escalations.add(escalation);
    }

    @Override
    public void warning(String caseId, ClockWarning warning, long at) {
        warnings.add(warning);
    }

    @Override
    public void deadLetter(String key, DeadLetter letter, DeadLetters.Cause cause, long at) {
        deadLetters.add(letter);
    }
}
