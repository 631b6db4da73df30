package org.rogatory.authorities.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.authorities.domain.ExecutionRoute;
import org.rogatory.authorities.domain.TransportPolicy;
import org.rogatory.authorities.domain.Arrival;
import org.rogatory.authorities.domain.Authority;
import org.rogatory.authorities.domain.NodeAction;
import org.rogatory.authorities.domain.NodeBehaviourRule;
import org.rogatory.authorities.domain.NodeBehaviourRule.Match;
import org.rogatory.authorities.domain.NodeBehaviourRule.Outcomes;
import org.rogatory.authorities.domain.NodeBehaviourRule.ServiceTimes;
import org.rogatory.authorities.domain.NodeBehaviourTable;
import org.rogatory.authorities.domain.ServiceTimeDistribution;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.DayOfWeek;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.OfficeHours;
import org.rogatory.contracts.RequestType;

/** A node is built from its directory entry: its state's weekend included (docs/domain.md#nodes). */
class NodeFactoryTest {

    /** Every central authority needs exactly two officer hours per request and executes it. */
    private static final NodeBehaviourTable TWO_HOURS = new NodeBehaviourTable(List.of(new NodeBehaviourRule(
            new Match(null, NodeRole.CA_MLA, null), null, new ServiceTimes(Map.of(), new ServiceTimeDistribution.Fixed(2.0)),
            new Outcomes(0, 0, 0, 0, Map.of()), null, null, null, null)));
    /** Monday 4 January 2027, 00:00 UTC. */
    private static final long START = Instant.parse("2027-01-04T00:00:00Z").toEpochMilli();

    @Test
    @DisplayName("a central authority resting on Friday and Saturday works a request received on Thursday evening on Sunday morning")
    void friday_saturday_weekend() {
        // Thursday 7 January, 18:00 in UTC+04:00; the office keeps 08-15 local.
        long thursdayEvening = Instant.parse("2027-01-07T14:00:00Z").toEpochMilli();
        Authority node = new NodeFactory(TWO_HOURS, 72, 1, Set.of(), TransportPolicy.DEFAULT).create(entry(List.of(DayOfWeek.FRIDAY, DayOfWeek.SATURDAY)), START, ExecutionRoute.NONE);
        node.receive(new Arrival("C-1", RequestType.MLA, "ar", thursdayEvening));
        List<NodeAction> actions = node.advanceTo(Instant.parse("2027-01-20T00:00:00Z").toEpochMilli());
        assertEquals(Instant.parse("2027-01-10T04:00:00Z"), at(actions, CaseStatus.ACKNOWLEDGED), "Sunday 08:00 local");
        assertEquals(Instant.parse("2027-01-10T06:00:00Z"), at(actions, CaseStatus.EXECUTED), "Sunday 10:00 local");
    }

    @Test
    @DisplayName("the same node resting on Saturday and Sunday works it on Friday morning")
    void saturday_sunday_weekend() {
        long thursdayEvening = Instant.parse("2027-01-07T14:00:00Z").toEpochMilli();
        Authority node = new NodeFactory(TWO_HOURS, 72, 1, Set.of(), TransportPolicy.DEFAULT).create(entry(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)), START, ExecutionRoute.NONE);
        node.receive(new Arrival("C-1", RequestType.MLA, "ar", thursdayEvening));
        List<NodeAction> actions = node.advanceTo(Instant.parse("2027-01-20T00:00:00Z").toEpochMilli());
        assertEquals(Instant.parse("2027-01-08T06:00:00Z"), at(actions, CaseStatus.EXECUTED), "Friday 10:00 local");
    }

    private static DirectoryEntry entry(List<DayOfWeek> weekend) {
        return DirectoryEntry.newBuilder().setNodeId("HAL-CA-MLA").setState("HAL").setRole(NodeRole.CA_MLA)
                .setLanguages(List.of("ar")).setTimeZone("UTC+04:00").setHours(new OfficeHours(false, 8, 15))
                .setWeekend(weekend).setOfficers(1).build();
    }

    private static Instant at(List<NodeAction> actions, CaseStatus status) {
        return actions.stream().filter(a -> a.status() == status).map(a -> Instant.ofEpochMilli(a.at())).findFirst().orElseThrow();
    }
}
