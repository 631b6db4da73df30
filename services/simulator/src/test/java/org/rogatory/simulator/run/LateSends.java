package org.rogatory.simulator.run;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A Kafka producer interceptor that holds every send of the service it is given to for a few
 * milliseconds: the thread timing a loaded machine gives one service, so that its outputs reach
 * the next service after those of the others instead of before. Injected through the producer's
 * own {@code interceptor.classes} setting, the seam Kafka offers for it.
 */
public final class LateSends implements ProducerInterceptor<Object, Object> {

    static final long DELAY_MILLIS = 15;

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        // Not waiting for a result: slowing this service down is the point.
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(DELAY_MILLIS));
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
