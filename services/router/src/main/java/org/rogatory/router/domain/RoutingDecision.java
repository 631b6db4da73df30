package org.rogatory.router.domain;

import org.rogatory.contracts.Channel;
import org.rogatory.contracts.Hop;
import org.rogatory.contracts.RefusalGround;

import java.util.List;

/** What the router does with one request. */
public sealed interface RoutingDecision {

    List<String> reasonCodes();

    /** Transmit on {@code channel} from {@code fromNode} to {@code toNode} along {@code hops}. */
    record Routed(Channel channel, String fromNode, String toNode, List<Hop> hops, List<String> reasonCodes,
                  double translationDelayHours) implements RoutingDecision {
        public Routed {
            hops = List.copyOf(hops);
            reasonCodes = List.copyOf(reasonCodes);
        }
    }

    /** Refused before transmission, on a ground of UNTOC 18(21)/16 or the INTERPOL Constitution. */
    record Refused(RefusalGround ground, String atNode, List<String> reasonCodes, String detail) implements RoutingDecision {
        public Refused {
            reasonCodes = List.copyOf(reasonCodes);
        }
    }

    /** Not a request the router can decide on (bad input): goes to coop.deadletter with the reason. */
    record DeadLettered(String reason) implements RoutingDecision {
        @Override
        public List<String> reasonCodes() {
            return List.of();
        }
    }
}
