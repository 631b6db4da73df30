package org.rogatory.authorities.domain;

import java.util.List;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.RefusalGround;

/**
 * What a node did with a case at simulated time {@code at}: one status transition.
 *
 * @param refusalGround ground for CONSULTATION and REFUSED, otherwise null
 * @param reasonCodes   rules behind the transition, each naming its source
 */
public record NodeAction(
        String caseId,
        String nodeId,
        CaseStatus status,
        long at,
        RefusalGround refusalGround,
        List<String> reasonCodes,
        String detail) {

    public NodeAction {
        reasonCodes = List.copyOf(reasonCodes);
    }
}
