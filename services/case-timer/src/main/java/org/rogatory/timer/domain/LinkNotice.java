package org.rogatory.timer.domain;

import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.RequestType;

import java.util.EnumSet;
import java.util.Set;

/**
 * A follow-up case's step, told to the earlier case it links to (a different case id, possibly
 * on another partition: the timer carries it through its link topic keyed by the earlier case).
 */
public record LinkNotice(String parentCaseId, String caseId, RequestType requestType, CaseStatus status,
                         Channel channel, long at) {

    /** Statuses that show the requested state has received the request. */
    static final Set<CaseStatus> RECEIVED = EnumSet.of(CaseStatus.TRANSLATING, CaseStatus.DELIVERED,
        CaseStatus.ACKNOWLEDGED, CaseStatus.UNDER_REVIEW, CaseStatus.MORE_INFO_REQUESTED, CaseStatus.CONSULTATION,
        CaseStatus.IN_EXECUTION, CaseStatus.EXECUTED, CaseStatus.PARTIALLY_EXECUTED);

    boolean routed() {
        return status == CaseStatus.ROUTED;
    }

    boolean received() {
        return RECEIVED.contains(status);
    }
}
