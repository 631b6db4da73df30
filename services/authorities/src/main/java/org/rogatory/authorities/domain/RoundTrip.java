package org.rogatory.authorities.domain;

import java.util.EnumSet;
import java.util.Set;

import org.rogatory.contracts.RequestType;

/**
 * The round trip of a request for evidence (docs/nodes.md#the-round-trip): the requested node that
 * grants it transmits it to its state's executing authority (UNTOC art. 18(13): central authorities
 * "execute them or transmit them to the competent authorities for execution"), which executes it
 * and returns the results; the node transmits them back to the requesting state, whose receipt
 * closes the case. Only requests whose answer is evidence to be handed over take it: MLA and
 * e-evidence disclosure. Police information is answered by the NCB itself, a preservation is a
 * lasting measure kept at the requested state, and arrests and extradition decisions end with
 * the decision notified, not with evidence sent back.
 */
public final class RoundTrip {
    public static final Set<RequestType> TYPES = EnumSet.of(RequestType.MLA, RequestType.DISCLOSURE);

    /** UNTOC art. 18(13): the central authority transmits the request to the competent authority for execution. */
    public static final String TRANSMITTED_FOR_EXECUTION = "UNTOC-18.13:TRANSMITTED-FOR-EXECUTION";
    /** UNTOC art. 18(13): the central authority transmits the results back to the requesting state. */
    public static final String EVIDENCE_TRANSMITTED = "UNTOC-18.13:EVIDENCE-TRANSMITTED";

    private RoundTrip() {
    }

    public static boolean takes(RequestType type) {
        return TYPES.contains(type);
    }

    /**
     * One domestic hop of the round trip, arriving at {@code to} at {@code at}.
     *
     * @param forExecution true from the granting node to the executing authority, false back with the results
     */
    public record Handover(String caseId, RequestType requestType, String language, int priority, String from, String to,
                           long at, boolean forExecution) {
    }
}
