package org.rogatory.platform.deadletter;

import org.rogatory.contracts.DeadLetter;

import java.nio.ByteBuffer;
import java.time.Instant;

/** Builds the dead letter of a record no processor could handle: why, where from, and its raw bytes. */
public final class DeadLetters {

    private DeadLetters() {
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
