package org.rogatory.gateway;

/** A submission (a request, a player's action) the gateway will not accept: the JSON field at fault and why, answered as a 4xx problem. */
public final class RefusedSubmission extends RuntimeException {

    private final String field;

    public RefusedSubmission(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The reason without the field's name. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
