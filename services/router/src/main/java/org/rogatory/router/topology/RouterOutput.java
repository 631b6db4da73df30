package org.rogatory.router.topology;

import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.Transmission;

/** One record the router writes, with its key; split by kind onto the sinks. */
sealed interface RouterOutput {

    String key();

    /** A request on its channel topic, keyed by receiving node. */
    record Transmitted(String key, Transmission transmission) implements RouterOutput {
    }

    /** A routing decision on coop.case-events, keyed by case id. */
    record Decided(String key, CaseEvent event) implements RouterOutput {
    }

    /** Input the router could not handle, on coop.deadletter. */
    record Rejected(String key, DeadLetter deadLetter) implements RouterOutput {
    }

    /** A routed extradition, keyed by person, on its way to the concurrent-extradition check (rule 8). */
    record Claimed(String key, CooperationRequest request) implements RouterOutput {
    }
}
