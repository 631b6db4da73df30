package org.rogatory.authorities.domain;

import java.util.Objects;

import org.rogatory.contracts.RequestType;

/**
 * A request reaching a node's inbox at simulated time {@code at} (epoch ms).
 *
 * @param priority initial priority (urgent requests start above 0); escalations raise it
 */
public record Arrival(String caseId, RequestType requestType, String language, long at, int priority) {
    public Arrival {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(requestType, "requestType");
        Objects.requireNonNull(language, "language");
    }

    public Arrival(String caseId, RequestType requestType, String language, long at) {
        this(caseId, requestType, language, at, 0);
    }
}
