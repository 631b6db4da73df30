package org.rogatory.simulator.report;

import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseView;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Escalation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything a run left on its topics, read back after the run: the report is computed from the
 * log alone, so it describes what the services did, not what the runner intended.
 *
 * @param submittedRecords records on coop.requests.submitted, readable or not
 * @param requests         the readable ones
 * @param decisions        router decisions (coop.case-events)
 * @param nodeActions      what nodes did (coop.node-actions)
 * @param cases            latest case view per case (coop.cases)
 * @param directory        latest directory entry per node
 * @param injects          when each inject on coop.injects starts, by inject id: the MSEL as it was played
 */
public record RunLog(long submittedRecords, List<CooperationRequest> requests, List<CaseEvent> decisions,
                     List<CaseEvent> nodeActions, List<Escalation> escalations, Map<String, CaseView> cases,
                     List<DeadLetter> deadLetters, Map<String, DirectoryEntry> directory, Map<String, Instant> injects) {

    public long eventCount() {
        return submittedRecords + decisions.size() + nodeActions.size() + escalations.size() + deadLetters.size();
    }
}
