package org.rogatory.router.domain;

/** An extradition request already routed for a person, kept to detect concurrent requests (rule 8). */
public record ExtraditionClaim(String caseId, String requestingState, String requestedState, long at) {
}
