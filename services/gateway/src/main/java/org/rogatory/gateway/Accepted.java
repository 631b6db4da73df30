package org.rogatory.gateway;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to an accepted submission: the case it opened (or, for a retry, opened before). */
@Schema(name = "Accepted")
record Accepted(String caseId) {

    static String json(String caseId) {
        return "{\"caseId\":\"" + caseId + "\"}";
    }
}
