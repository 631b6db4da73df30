package org.rogatory.router.domain;

import org.rogatory.contracts.CooperationRequest;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.RequestType;

import java.util.List;

/**
 * A case the router opens itself from an earlier request (a formal follow-up, an arbitration):
 * same states, offence and person, its own case id, caused by the earlier request's event.
 */
final class OpenedCase {

    private OpenedCase() {
    }

    /**
     * @param eventSuffix appended to the earlier event id, naming why this case exists
     * @param origin      node that sends the new case
     */
    static CooperationRequest from(CooperationRequest earlier, String caseId, String eventSuffix, String origin,
                                   RequestType type, List<String> linkedCaseIds) {
        EventHeader parent = earlier.getHeader();
        EventHeader header = ShallowCopy.of(parent, EventHeader::new);
        header.setEventId(parent.getEventId() + "/" + eventSuffix);
        header.setCaseId(caseId);
        header.setCausationId(parent.getEventId());
        header.setSourceNode(origin);
        CooperationRequest opened = ShallowCopy.of(earlier, CooperationRequest::new);
        opened.setHeader(header);
        opened.setRequestType(type);
        opened.setUrgent(false);
        opened.setLinkedCaseIds(linkedCaseIds);
        opened.setOriginNode(origin);
        return opened;
    }
}
