package org.rogatory.authorities.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.rogatory.authorities.topology.TestRecords.HOUR;
import static org.rogatory.authorities.topology.TestRecords.POC;
import static org.rogatory.authorities.topology.TestRecords.T0;
import static org.rogatory.authorities.topology.TestRecords.executingAuthority;
import static org.rogatory.authorities.topology.TestRecords.minuteSteps;
import static org.rogatory.authorities.topology.TestRecords.outage;
import static org.rogatory.authorities.topology.TestRecords.pocEntry;
import static org.rogatory.authorities.topology.TestRecords.roundTripBehaviours;
import static org.rogatory.authorities.topology.TestRecords.transmission;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.Handover;
import org.rogatory.contracts.Inject;
import org.rogatory.contracts.RequestType;
import org.rogatory.contracts.Transmission;

/**
 * An executing authority has one model, in the partition that holds it, whichever partition the
 * nodes sending it work run in: the two 24/7 points of Kessaly run in one task each, the
 * executing authority in the second, and the round trip's hops go between the tasks as the
 * handovers-by-node topic carries them. An outage aimed at the executing authority holds both
 * requests, and its one officer works them one after the other.
 */
class OneExecutingAuthorityTest {
    private static final String SECOND_POC = "KES-POC-EAST";
    private static final String EXECUTOR = "KES-EXEC";
    private static final long DAY = 24 * HOUR;

    @Test
    @DisplayName("two 24/7 points on two partitions: the executing authority's outage holds both requests, and its one queue serves them in turn")
    void oneQueueWhateverThePartitionOfTheSender() {
        List<DirectoryEntry> directory = List.of(pocEntry(), DirectoryEntry.newBuilder(pocEntry()).setNodeId(SECOND_POC).build(),
                executingAuthority(EXECUTOR, List.of()));
        NodeFactory factory = new NodeFactory(roundTripBehaviours(), 72, 99, Set.of(), minuteSteps());
        AuthoritiesTask first = new AuthoritiesTask(factory, directory);
        AuthoritiesTask second = new AuthoritiesTask(factory, directory);
        Map<String, AuthoritiesTask> holder = Map.of(POC, first, SECOND_POC, second, EXECUTOR, second);

        Inject down = Inject.newBuilder(outage(T0, T0 + 2 * DAY)).setTarget(EXECUTOR).build();
        second.inject(down);
        first.transmission(disclosure("C-1", POC), T0);
        second.transmission(disclosure("C-2", SECOND_POC), T0);
        for (long at = T0 + HOUR; at <= T0 + 3 * DAY; at += HOUR) {
            for (AuthoritiesTask task : List.of(first, second)) {
                task.tick(at);
            }
            // what a tick released reaches the task holding its node before the next tick, as the barrier ensures
            for (AuthoritiesTask task : List.of(first, second)) {
                for (Handover hop : task.newHandovers()) {
                    holder.get(hop.getToNode()).handover(hop);
                }
            }
        }

        // both granted at 2:03 and taken at 3:00; the authority comes back after two days and has one officer for three hours each
        assertThat(executions(first, second)).containsExactlyInAnyOrder(
                tuple("C-1", EXECUTOR, T0 + 2 * DAY + 3 * HOUR), tuple("C-2", EXECUTOR, T0 + 2 * DAY + 6 * HOUR));
        assertThat(first.actions()).filteredOn(e -> e.getStatus() == CaseStatus.EVIDENCE_RECEIVED)
                .extracting(e -> e.getHeader().getCaseId()).containsExactly("C-1");
        assertThat(second.actions()).filteredOn(e -> e.getStatus() == CaseStatus.EVIDENCE_RECEIVED)
                .extracting(e -> e.getHeader().getCaseId()).containsExactly("C-2");
        assertThat(second.actions()).filteredOn(e -> e.getNodeId().equals(EXECUTOR) && e.getHeader().getCaseId().equals("C-1"))
                .extracting(e -> e.getPreviousStatus(), e -> e.getHeader().getCorrelationId())
                .containsExactly(tuple(CaseStatus.IN_EXECUTION, "C-1"), tuple(CaseStatus.IN_EXECUTION, "C-1"),
                        tuple(CaseStatus.IN_EXECUTION, "C-1"));
    }

    private static List<Tuple> executions(AuthoritiesTask... tasks) {
        return Arrays.stream(tasks).flatMap(task -> task.actions().stream())
                .filter(e -> e.getStatus() == CaseStatus.EXECUTED)
                .map(e -> tuple(e.getHeader().getCaseId(), e.getNodeId(), e.getHeader().getSimulatedTime().toEpochMilli()))
                .toList();
    }

    private static Transmission disclosure(String caseId, String toNode) {
        Transmission t = transmission(caseId, T0, toNode);
        t.getRequest().setRequestType(RequestType.DISCLOSURE);
        return t;
    }
}
