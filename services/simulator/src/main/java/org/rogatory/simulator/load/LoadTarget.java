package org.rogatory.simulator.load;

import java.util.List;

/** What a load step drives: the pipeline, or the plain-Kafka yardstick. */
interface LoadTarget {

    String name();

    /** Prepares a step (the yardstick lays fresh topics) whose records are {@code recordBytes} long, where the target chooses. */
    void begin(String step, int recordBytes);

    /** The stages of the step begun, in the order a request reaches them. */
    List<Stage> stages();

    /** The stage every request reaches, whose backlog says whether the target keeps up. */
    String keyStage();

    /** Hands request {@code id} to the producer, stamped with the time it was meant to be sent. */
    void send(String id, long intendedEpochMillis);

    /** Writes out what is sent; the step's records are then all with the broker. */
    void flush();

    /** Ends the step. */
    void end();

    /** What the target read back during the step (the gateway's GETs of cases), or null if it reads nothing. */
    default StepResult.Reads reads() {
        return null;
    }
}
