package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.EvidenceType;

/**
 * One e-CODEX delivery evidence of a case's message (docs/domain.md#messaging), as the case file
 * keeps it for the case view. The router records the acceptance on its ROUTED, the authorities
 * the rest on coop.node-actions; only three of them move the case: the acceptance (ROUTED), a
 * delivery in time (DELIVERED) and, on the way back, the requesting state's retrieval of the
 * evidence (EVIDENCE_RECEIVED). The others ride on an event that repeats the case's status.
 *
 * @param at        simulated epoch millis
 * @param messageId the transmission's message id; null from writers before release 5
 * @param detail    why, for a negative or a late evidence; null otherwise
 */
public record DeliveryEvidence(EvidenceType type, long at, String node, String messageId, String detail) {

    /** Whether an event reaching {@code status} with this evidence is a step of the case, not only a record of the transport. */
    public boolean movesCaseTo(CaseStatus status) {
        return movesCase(type, status);
    }

    /**
     * The rule the writers follow too: only the acceptance (ROUTED), a delivery in time (DELIVERED)
     * and the requesting state's retrieval in time of the evidence sent back (EVIDENCE_RECEIVED) move a case.
     */
    public static boolean movesCase(EvidenceType type, CaseStatus status) {
        return type == null
            || (type == EvidenceType.SUBMISSION_ACCEPTED && status == CaseStatus.ROUTED)
            || (type == EvidenceType.DELIVERED && status == CaseStatus.DELIVERED)
            || (type == EvidenceType.RETRIEVED && status == CaseStatus.EVIDENCE_RECEIVED);
    }
}
