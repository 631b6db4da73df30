package org.rogatory.gateway;

/** What a roster member may do through the API (docs/api.md, Access control). */
public enum Role {
    /** Everything: every case, the exercise control. */
    TRAINER,
    /** One played node: its inbox, its cases, the events addressed to it, its actions. */
    PLAYER,
    /** One state's case system: submit its requests, follow the cases its state sends or receives. */
    SERVICE
}
