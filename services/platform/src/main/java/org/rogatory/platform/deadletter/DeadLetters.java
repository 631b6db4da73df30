package org.rogatory.platform.deadletter;

import org.rogatory.contracts.DeadLetter;

import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds the dead letter of a record no processor could handle: why, where from, and its raw bytes. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /**
     * Why a record became a dead letter, in a few stable categories (the reason text says it in
     * full): what the services count dead letters by.
     */
    public enum Cause {
        /** No value (a tombstone) where a record was expected. */
        EMPTY,
        /** The value does not decode as the expected record. */
        UNREADABLE,
        /** The record's key is not the id the record itself names. */
        MISKEYED,
        /** The record names a node or a case the service does not know. */
        UNKNOWN_REFERENCE,
        /**
         * Readable, but the domain rules cannot take it: an invalid request, no node to receive it,
         * a step out of order, an inject without its values.
         */
        REJECTED,
        /** Handling it failed with an exception: a defect, kept with the record. */
        FAILED
    }

    public static DeadLetter of(String reason, String processor, String topic, int partition, long offset,
                                byte[] key, byte[] value, long recordTimestamp, Throwable error) {
        return DeadLetter.newBuilder()
            .setReason(reason)
            .setProcessor(processor)
            .setSourceTopic(topic == null ? "unknown" : topic)
            .setSourcePartition(partition)
            .setSourceOffset(offset)
            .setKey(key == null ? null : ByteBuffer.wrap(key))
            .setValue(value == null ? null : ByteBuffer.wrap(value))
            .setFailedAt(Instant.ofEpochMilli(recordTimestamp))
            .setExceptionClass(error == null ? null : error.getClass().getName())
            .build();
    }
}
