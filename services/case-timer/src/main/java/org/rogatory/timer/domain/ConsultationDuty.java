package org.rogatory.timer.domain;

import org.rogatory.contracts.RequestType;

/**
 * Whether the requested state must consult the requesting state before it refuses (or postpones)
 * a request of a type (docs/rules.md, rule 7). The duty is a text's, so it is imposed only where a
 * text imposes it; the case timer rejects a refusal that skips a required consultation, and the
 * simulated nodes consult accordingly.
 */
public enum ConsultationDuty {

    /**
     * UNTOC art. 18(26): before refusing under 18(21) or postponing under 18(25), the requested
     * state "shall consult". MLA, and confiscation, to which art. 13(3) applies art. 18.
     */
    REQUIRED("UNTOC art. 18(26)"),
    /**
     * UNTOC art. 16(16): before refusing extradition the requested state consults "where
     * appropriate": each node decides, with the probability the scenario gives it.
     */
    WHERE_APPROPRIATE("UNTOC art. 16(16)"),
    /**
     * No text the project models requires it: police information (INTERPOL membership, UNTOC 27,
     * Cybercrime 47), preservation and disclosure (Cybercrime Convention arts. 42, 43: grounds for
     * refusal, no consultation), notices, and the other requests.
     */
    NONE("no text");

    private final String source;

    ConsultationDuty(String source) {
        this.source = source;
    }

    /** The text the duty rests on, as cited in rejections. */
    public String source() {
        return source;
    }

    public static ConsultationDuty of(RequestType type) {
        return switch (type) {
            case MLA, CONFISCATION -> REQUIRED;
            case EXTRADITION -> WHERE_APPROPRIATE;
            default -> NONE;
        };
    }
}
