package org.rogatory.platform.streams;

import org.apache.kafka.common.serialization.Serde;

/**
 * For Processor-API processors inside a DSL topology: a processor that forwards each kind of output
 * to the child sink named for it ({@code context.forward(record, "cases-sink")}) has one output
 * stream of {@code Object} values, and each sink serialises the one kind it is sent.
 */
public final class NamedSinks {

    private NamedSinks() {
    }

    /** The sink's serde, typed for the processor's {@code Object} output; the sink only ever receives its own kind. */
    @SuppressWarnings("unchecked")
    public static Serde<Object> serde(Serde<?> serde) {
        return (Serde<Object>) serde;
    }
}
