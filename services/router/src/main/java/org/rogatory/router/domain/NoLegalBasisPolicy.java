package org.rogatory.router.domain;

/** What the requested state does with a request that has no legal basis binding both states (docs/rules.md rule 1). */
public enum NoLegalBasisPolicy {
    /** Refuse outright: ground NO_LEGAL_BASIS. */
    REFUSE,
    /** Fall back to the diplomatic channel (MFA to MFA), where comity may still obtain assistance. */
    DIPLOMATIC
}
