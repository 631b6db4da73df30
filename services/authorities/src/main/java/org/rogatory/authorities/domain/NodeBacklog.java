package org.rogatory.authorities.domain;

import java.util.Map;
import java.util.OptionalLong;

import org.rogatory.contracts.RequestType;

/**
 * What a trainer asks of a node: the requests it holds and the staff it has, at one moment.
 * Every request at the node is in exactly one of: waiting for an officer, in service, held while
 * the node is down, or away (in translation, awaiting the requesting state's information, in
 * consultation).
 *
 * @param waiting            requests queued for an officer
 * @param oldestWaitingSince when the longest-waiting of them joined the queue (simulated epoch ms)
 * @param waitingByType      the queued requests per request type
 * @param inService          requests an officer is working on
 * @param heldByOutage       requests that arrived while the node was down
 * @param inTranslation      requests being translated (rule 6)
 * @param awaitingInformation requests waiting for the requesting state's reply (UNTOC art. 18(16))
 * @param inConsultation     requests in consultation before a refusal or postponement (UNTOC art. 18(26))
 * @param officers           officers working now (fewer than {@code baseOfficers} during a staff cut)
 * @param down               the node is in an outage
 */
public record NodeBacklog(int waiting, OptionalLong oldestWaitingSince, Map<RequestType, Integer> waitingByType,
                          int inService, int heldByOutage, int inTranslation, int awaitingInformation, int inConsultation,
                          int officers, int baseOfficers, boolean down) {

    public NodeBacklog {
        waitingByType = Map.copyOf(waitingByType);
    }
}
