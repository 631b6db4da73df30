package org.rogatory.platform.serde;

import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.CaseStatus;
import org.rogatory.contracts.Classification;
import org.rogatory.contracts.EventHeader;
import org.rogatory.contracts.RequestType;

import java.time.Instant;
import java.util.List;

final class SampleEvents {
    private SampleEvents() {
    }

    static CaseEvent caseEvent(String caseId) {
        return CaseEvent.newBuilder()
            .setHeader(EventHeader.newBuilder().setEventId("E-" + caseId).setCaseId(caseId).setCorrelationId(caseId)
                .setCausationId("E-" + caseId).setSimulatedTime(Instant.parse("2030-03-01T10:15:30Z"))
                .setSourceNode("ALD-CA-MLA").setClassification(Classification.RESTRICTED).build())
            .setStatus(CaseStatus.ROUTED).setNodeId("BRV-CA-MLA").setRequestType(RequestType.MLA)
            .setReasonCodes(List.of("UNTOC-18:BOTH-PARTIES")).build();
    }
}
