package org.rogatory.router.topology;

import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.DeadLetter;
import org.rogatory.contracts.Transmission;
import org.rogatory.platform.deadletter.DeadLetters;
import org.rogatory.platform.streams.DomainCounters;

/** One record the router writes, with its key; split by kind onto the sinks. */
sealed interface RouterOutput {

    String key();

    /** Counts what this record says happened: a request routed on its channel, refused on its ground, dead-lettered. */
    void count(DomainCounters counters);

    /** A request on its channel topic, keyed by receiving node. */
    record Transmitted(String key, Transmission transmission) implements RouterOutput {
        @Override
        public void count(DomainCounters counters) {
            counters.count("routed", "channel", transmission.getChannel());
        }
    }

    /** A routing decision on coop.case-events, keyed by case id. */
    record Decided(String key, CaseEvent event) implements RouterOutput {
        @Override
        public void count(DomainCounters counters) {
            // a ROUTED event goes with its transmission, counted there
            if (event.getStatus() == CaseStatus.REFUSED) {
                counters.count("refused", "ground", event.getRefusalGround());
            }
        }
    }

    /** Input the router could not handle, on coop.deadletter. */
    record Rejected(String key, DeadLetter deadLetter, DeadLetters.Cause cause) implements RouterOutput {
        @Override
        public void count(DomainCounters counters) {
            counters.deadLetter(cause);
        }
    }

    /** A routed extradition, keyed by person, on its way to the concurrent-extradition check (rule 8). */
    record Claimed(String key, CooperationRequest request) implements RouterOutput {
        @Override
        public void count(DomainCounters counters) {
            // the extradition's transmission already counted it as routed
        }
    }

    /** A routed informal exchange whose answer calls for a formal MLA request (rule 5), keyed by case id, to wait for that answer. */
    record AwaitingAnswer(String key, CaseEvent routed) implements RouterOutput {
        @Override
        public void count(DomainCounters counters) {
            // its transmission already counted it as routed
        }
    }
}
