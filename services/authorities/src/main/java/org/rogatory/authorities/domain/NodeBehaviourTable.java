package org.rogatory.authorities.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.rogatory.authorities.domain.NodeBehaviourRule.Outcomes;
import org.rogatory.authorities.domain.NodeBehaviourRule.ServiceTimes;
import org.rogatory.contracts.NodeRole;

/**
 * Resolves the behaviour of one node from an exercise's node behaviour rules: every rule whose
 * match applies contributes, the most specific winning field by field (node id over state and
 * role, over role, over state). The service-time table, and the outcome group (probabilities and
 * refusal grounds), are each taken whole from the most specific rule that sets them, so a node's
 * behaviour never mixes two rules' tables.
 */
public final class NodeBehaviourTable {
    /** Engine defaults when an exercise says nothing about a node. */
    static final ServiceTimeDistribution DEFAULT_SERVICE_TIME = new ServiceTimeDistribution.Exponential(4);
    static final double DEFAULT_CONSULTATION_HOURS = 120;
    static final double DEFAULT_MORE_INFO_REPLY_HOURS = 240;
    private static final Outcomes NONE = new Outcomes(0, 0, 0, 0, Map.of());

    private final List<NodeBehaviourRule> rules;
    private final double preservationPeriodHours;

    /** Rules for a run with the default preservation period. */
    public NodeBehaviourTable(List<NodeBehaviourRule> rules) {
        this(rules, Procedure.DEFAULT_PRESERVATION_PERIOD_HOURS);
    }

    /** @param preservationPeriodHours the case timer's PRESERVATION_PERIOD in this run, which renewals are asked against */
    public NodeBehaviourTable(List<NodeBehaviourRule> rules, double preservationPeriodHours) {
        this.preservationPeriodHours = preservationPeriodHours;
        this.rules = rules.stream()
                .sorted(Comparator.comparingInt((NodeBehaviourRule r) -> r.match().specificity()).reversed())
                .toList();
    }

    /**
     * @param worldTranslationHours translation delay the world sets (rule 6), used unless a rule overrides it
     */
    public ResolvedNode resolve(String nodeId, String state, NodeRole role, double worldTranslationHours) {
        List<NodeBehaviourRule> applicable = rules.stream().filter(r -> r.match().matches(nodeId, state, role)).toList();
        Optional<ServiceTimes> times = first(applicable, NodeBehaviourRule::serviceTimes);
        Outcomes outcomes = first(applicable, NodeBehaviourRule::outcomes).orElse(NONE);
        NodeBehaviour behaviour = new NodeBehaviour(times.map(ServiceTimes::byType).orElse(Map.of()),
                times.map(ServiceTimes::otherwise).orElse(DEFAULT_SERVICE_TIME),
                outcomes.moreInfo(), outcomes.consult(), outcomes.refuse(), outcomes.partial(), outcomes.refusalGrounds(),
                first(applicable, NodeBehaviourRule::translationHours).orElse(worldTranslationHours),
                first(applicable, NodeBehaviourRule::consultationHours).orElse(DEFAULT_CONSULTATION_HOURS),
                first(applicable, NodeBehaviourRule::moreInfoReplyHours).orElse(DEFAULT_MORE_INFO_REPLY_HOURS),
                first(applicable, NodeBehaviourRule::consultBeforeRefusingExtradition)
                        .orElse(NodeBehaviour.DEFAULT_CONSULT_BEFORE_REFUSING_EXTRADITION),
                first(applicable, NodeBehaviourRule::procedure).orElse(Procedure.NONE)
                        .withPreservationPeriodHours(preservationPeriodHours));
        return new ResolvedNode(behaviour, first(applicable, NodeBehaviourRule::officers));
    }

    private static <T> Optional<T> first(List<NodeBehaviourRule> applicable, Function<NodeBehaviourRule, T> field) {
        return applicable.stream().map(field).filter(v -> v != null).findFirst();
    }

    /**
     * @param officers staffing override, when the exercise sets one (otherwise the world's)
     */
    public record ResolvedNode(NodeBehaviour behaviour, Optional<Integer> officers) {
    }
}
