package org.rogatory.router.domain;

import org.rogatory.contracts.CooperationRequest;

import java.util.List;

/**
 * The decision on a request and on the cases it spawned (a formal MLA follow-up, rule 5; an
 * extradition arbitration, rule 8; the copies of a published Red Notice), each spawned case with
 * its own decision.
 */
public record RoutingOutcome(CooperationRequest request, RoutingDecision decision, List<RoutingOutcome> spawned) {

    public RoutingOutcome {
        spawned = List.copyOf(spawned);
    }

    public static RoutingOutcome of(CooperationRequest request, RoutingDecision decision) {
        return new RoutingOutcome(request, decision, List.of());
    }
}
