package org.rogatory.authorities.domain;

import java.util.Map;

import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.contracts.RequestType;

/**
 * One entry of an exercise's node behaviour: what it sets for the nodes it matches. Null fields
 * are not set by this entry, so a less specific entry (or the engine default) decides them.
 *
 * @param officers     staffing override of the matched nodes (otherwise the world's)
 * @param serviceTimes officer time per request type, taken whole from the most specific entry that sets it
 * @param outcomes     outcome probabilities and refusal grounds, taken whole the same way
 * @param consultBeforeRefusingExtradition probability of consulting before refusing an extradition (UNTOC art. 16(16))
 * @param procedure    conditional grants, withdrawals and preservation renewals (rule 10), taken whole from the most
 *                     specific entry that sets it; its preservation period is the scenario's, set by the table
 */
public record NodeBehaviourRule(Match match, Integer officers, ServiceTimes serviceTimes, Outcomes outcomes,
                                Double translationHours, Double consultationHours, Double moreInfoReplyHours,
                                Double consultBeforeRefusingExtradition, Procedure procedure) {

    /** An entry that leaves rule 10's procedure to less specific entries. */
    public NodeBehaviourRule(Match match, Integer officers, ServiceTimes serviceTimes, Outcomes outcomes,
                             Double translationHours, Double consultationHours, Double moreInfoReplyHours,
                             Double consultBeforeRefusingExtradition) {
        this(match, officers, serviceTimes, outcomes, translationHours, consultationHours, moreInfoReplyHours,
                consultBeforeRefusingExtradition, null);
    }

    /** Which nodes an entry applies to: a node id, or a role, a state, or both. */
    public record Match(String node, NodeRole role, String state) {
        /** Node id beats role and state, which beats role, which beats state. */
        int specificity() {
            return node != null ? 4 : role != null && state != null ? 3 : role != null ? 2 : 1;
        }

        boolean matches(String nodeId, String nodeState, NodeRole nodeRole) {
            return node != null ? node.equals(nodeId)
                    : (role == null || role == nodeRole) && (state == null || state.equals(nodeState));
        }
    }

    /** @param otherwise officer time for the types not listed; null: the engine default */
    public record ServiceTimes(Map<RequestType, ServiceTimeDistribution> byType, ServiceTimeDistribution otherwise) {
        public ServiceTimes {
            byType = Map.copyOf(byType);
        }
    }

    /** What reviews end in (see {@link NodeBehaviour}); probabilities an entry leaves out are 0. */
    public record Outcomes(double moreInfo, double consult, double refuse, double partial,
                           Map<RefusalGround, Double> refusalGrounds) {
        public Outcomes {
            refusalGrounds = Map.copyOf(refusalGrounds);
        }
    }
}
