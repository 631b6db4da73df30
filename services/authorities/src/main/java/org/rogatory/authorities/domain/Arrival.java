package org.rogatory.authorities.domain;

import java.util.Objects;

import org.rogatory.contracts.RequestType;

/**
 * A request reaching a node's inbox at simulated time {@code at} (epoch ms).
 *
 * @param priority        initial priority (urgent requests start above 0); escalations raise it
 * @param retrievalMillis how long after its delivery the node's system retrieves it ({@link ECodexTransport} draws it)
 */
public record Arrival(String caseId, RequestType requestType, String language, long at, int priority, long retrievalMillis) {
    public Arrival {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(language, "language");
        if (retrievalMillis < 0) {
            throw new IllegalArgumentException("retrieval delay must not be negative, got " + retrievalMillis);
        }
    }

    /** Retrieved at the instant it is delivered. */
    public Arrival(String caseId, RequestType requestType, String language, long at, int priority) {
        this(caseId, requestType, language, at, priority, 0);
    }

    public Arrival(String caseId, RequestType requestType, String language, long at) {
        this(caseId, requestType, language, at, 0);
    }
}
