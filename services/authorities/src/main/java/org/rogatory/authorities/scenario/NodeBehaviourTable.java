package org.rogatory.authorities.scenario;

import static org.rogatory.authorities.scenario.Scenario.NodeBehaviourSpec.DEFAULT_TYPE;
import static org.rogatory.authorities.scenario.Scenario.NodeBehaviourSpec.zero;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.rogatory.authorities.domain.NodeBehaviour;
import org.rogatory.authorities.domain.ServiceTimeDistribution;
import org.rogatory.authorities.scenario.Scenario.NodeBehaviourSpec;
import org.rogatory.contracts.NodeRole;
import org.rogatory.contracts.RequestType;

/**
 * Resolves the behaviour of one node from the scenario's {@code nodeBehaviour} entries: every
 * entry whose match applies contributes, the most specific winning field by field (node id over
 * state and role, over role, over state). The service-time table, and the outcome group
 * (probabilities and refusal grounds), are each taken whole from the most specific entry that
 * sets them, so a node's behaviour never mixes two entries' tables.
 */
public final class NodeBehaviourTable {
    /** Engine defaults when a scenario says nothing about a node. */
    static final ServiceTimeDistribution DEFAULT_SERVICE_TIME = new ServiceTimeDistribution.Exponential(4);
    static final double DEFAULT_CONSULTATION_HOURS = 120;
    static final double DEFAULT_MORE_INFO_REPLY_HOURS = 240;

    private final List<NodeBehaviourSpec> specs;

    public NodeBehaviourTable(List<NodeBehaviourSpec> specs) {
        this.specs = specs.stream()
                .sorted(Comparator.comparingInt((NodeBehaviourSpec s) -> s.match().specificity()).reversed())
                .toList();
    }

    /**
     * @param worldTranslationHours translation delay the world sets (rule 6), used unless an entry overrides it
     */
    public ResolvedNode resolve(String nodeId, String state, NodeRole role, double worldTranslationHours) {
        List<NodeBehaviourSpec> applicable = specs.stream().filter(s -> s.match().matches(nodeId, state, role)).toList();
        Map<String, Scenario.ServiceTimeSpec> written = applicable.stream().map(NodeBehaviourSpec::serviceTime)
                .filter(m -> !m.isEmpty()).findFirst().orElse(Map.of());
        Map<RequestType, ServiceTimeDistribution> serviceTimes = new EnumMap<>(RequestType.class);
        written.forEach((type, spec) -> {
            if (!type.equals(DEFAULT_TYPE)) {
                serviceTimes.put(RequestType.valueOf(type), spec.toDistribution());
            }
        });
        ServiceTimeDistribution defaultTime = written.containsKey(DEFAULT_TYPE)
                ? written.get(DEFAULT_TYPE).toDistribution() : DEFAULT_SERVICE_TIME;
        Optional<NodeBehaviourSpec> outcomes = applicable.stream().filter(NodeBehaviourSpec::setsOutcomes).findFirst();
        NodeBehaviour behaviour = new NodeBehaviour(serviceTimes, defaultTime,
                outcomes.map(s -> zero(s.moreInfo())).orElse(0.0),
                outcomes.map(s -> zero(s.consult())).orElse(0.0),
                outcomes.map(s -> zero(s.refuse())).orElse(0.0),
                outcomes.map(s -> zero(s.partial())).orElse(0.0),
                outcomes.map(NodeBehaviourSpec::refusalGrounds).filter(g -> g != null).orElse(Map.of()),
                first(applicable, NodeBehaviourSpec::translationHours).orElse(worldTranslationHours),
                first(applicable, NodeBehaviourSpec::consultationHours).orElse(DEFAULT_CONSULTATION_HOURS),
                first(applicable, NodeBehaviourSpec::moreInfoReplyHours).orElse(DEFAULT_MORE_INFO_REPLY_HOURS));
        return new ResolvedNode(behaviour, first(applicable, NodeBehaviourSpec::officers));
    }

    private static <T> Optional<T> first(List<NodeBehaviourSpec> applicable, Function<NodeBehaviourSpec, T> field) {
        return applicable.stream().map(field).filter(v -> v != null).findFirst();
    }

    /**
     * @param officers staffing override, when the scenario sets one (otherwise the world's)
     */
    public record ResolvedNode(NodeBehaviour behaviour, Optional<Integer> officers) {
    }
}
