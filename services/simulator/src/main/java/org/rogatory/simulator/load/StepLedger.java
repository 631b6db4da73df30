package org.rogatory.simulator.load;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests of one step: when each was meant to be sent, which stages it has reached, and the
 * latency to each stage from the intended send time (so a sender that falls behind shows in the
 * latencies instead of hiding them: no coordinated omission). Only requests meant to be sent
 * inside the measured window count in the figures; the warm-up's count in the backlog only.
 */
final class StepLedger {

    /** Latencies above this are recorded as this: a step never lasts ten minutes. */
    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    private final List<Stage> stages;
    private final ConcurrentHashMap<String, Sent> sent = new ConcurrentHashMap<>();
    private final AtomicLong sentCount = new AtomicLong();
    private long measuredCount;
    /** Per stage, written by the probe's thread only. */
    private final Histogram[] latency;
    private final long[] measuredReached;
    private final long[] lastMeasuredArrival;
    private final long[] bytes;
    /** Per stage, every request's first arrival: read by the sender and the progress line. */
    private final AtomicLong[] reached;

    private static final class Sent {
        final long intendedNanos;
        final boolean measured;
        int reachedStages;

        Sent(long intendedNanos, boolean measured) {
            this.intendedNanos = intendedNanos;
            this.measured = measured;
        }
    }

    StepLedger(List<Stage> stages) {
        this.stages = List.copyOf(stages);
        int n = stages.size();
        latency = new Histogram[n];
        measuredReached = new long[n];
        lastMeasuredArrival = new long[n];
        bytes = new long[n];
        reached = new AtomicLong[n];
        for (int i = 0; i < n; i++) {
            latency[i] = new Histogram(MAX_MICROS, 3);
            reached[i] = new AtomicLong();
        }
    }

    List<Stage> stages() {
        return stages;
    }

    /** Before the request is handed to the producer, so that no arrival can precede it here. */
    void sent(String id, long intendedNanos, boolean measured) {
        sent.put(id, new Sent(intendedNanos, measured));
        sentCount.incrementAndGet();
        if (measured) {
            measuredCount++;
        }
    }

    /** A record about request {@code id} seen on stage {@code stage}; all but the request's first there are ignored. */
    void arrived(int stage, String id, long nanos, int valueBytes) {
        Sent request = id == null ? null : sent.get(id);
        if (request == null || (request.reachedStages & (1 << stage)) != 0) {
            return; // another run's request, a case the router spawned, or a later record of the same request
        }
        request.reachedStages |= 1 << stage;
        reached[stage].incrementAndGet();
        if (request.measured) {
            latency[stage].recordValue(Math.min(MAX_MICROS, Math.max(0, (nanos - request.intendedNanos) / 1000)));
            measuredReached[stage]++;
            lastMeasuredArrival[stage] = Math.max(lastMeasuredArrival[stage], nanos);
            bytes[stage] += valueBytes;
        }
    }

    long sentCount() {
        return sentCount.get();
    }

    long measuredCount() {
        return measuredCount;
    }

    /** Requests sent that have not yet reached {@code stage}. */
    long backlog(int stage) {
        return sentCount.get() - reached[stage].get();
    }

    long reached(int stage) {
        return reached[stage].get();
    }

    /**
     * The figures of each stage. Throughput is the measured requests that reached the stage over the
     * window, or over the time from its start to the last one's arrival if longer: never more than
     * offered, and less when the stage falls behind.
     */
    List<StepResult.StageFigures> figures(long windowStartNanos, long windowEndNanos) {
        List<StepResult.StageFigures> figures = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Histogram h = latency[i];
            double span = (Math.max(windowEndNanos, lastMeasuredArrival[i]) - windowStartNanos) / 1e9;
            long count = measuredReached[i];
            List<StepResult.Point> spectrum = new ArrayList<>();
            if (count > 0) {
                for (double p : StepResult.SPECTRUM) {
                    spectrum.add(new StepResult.Point(p, millis(h.getValueAtPercentile(p))));
                }
            }
            figures.add(new StepResult.StageFigures(stages.get(i).name(), stages.get(i).hops(), count,
                count == 0 || span <= 0 ? 0 : StepResult.round(count / span),
                count == 0 ? 0 : StepResult.round((double) bytes[i] / count),
                millis(h.getValueAtPercentile(50)), millis(h.getValueAtPercentile(90)), millis(h.getValueAtPercentile(99)),
                millis(h.getValueAtPercentile(99.9)), millis(h.getMaxValue()), spectrum));
        }
        return figures;
    }

    private static double millis(long micros) {
        return StepResult.round(micros / 1000.0);
    }
}
