package org.rogatory.authorities.domain;

import java.util.List;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.EvidenceType;
import org.rogatory.contracts.RefusalGround;
import org.rogatory.timer.domain.DeliveryEvidence;

/**
 * What a node did with a case at simulated time {@code at}: one status transition, or one
 * e-CODEX delivery evidence ({@link ECodexTransport}).
 *
 * @param refusalGround ground for CONSULTATION and REFUSED, otherwise null
 * @param reasonCodes   rules behind the transition, each naming its source
 * @param evidence      the delivery evidence this action records, null for none
 */
public record NodeAction(
        String caseId,
        String nodeId,
        CaseStatus status,
        long at,
        RefusalGround refusalGround,
        List<String> reasonCodes,
        String detail,
        EvidenceType evidence) {

    public NodeAction {
        reasonCodes = List.copyOf(reasonCodes);
    }

    /** Whether this is a step of the case, not only a record of the transport (the case timer's rule). */
    public boolean movesCase() {
        return DeliveryEvidence.movesCase(evidence, status);
    }

    /** A status transition with no delivery evidence. */
    public NodeAction(String caseId, String nodeId, CaseStatus status, long at, RefusalGround refusalGround,
                      List<String> reasonCodes, String detail) {
        this(caseId, nodeId, status, at, refusalGround, reasonCodes, detail, null);
    }
}
