package org.rogatory.simulator.run;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Ticks coop.clock with the wall clock (simulated time = wall time), so that live services work as
 * real time passes: nodes take in what arrived before the tick, clocks fire once it passes them.
 */
public final class LiveClock implements AutoCloseable {

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "live-clock");
        thread.setDaemon(true);
        return thread;
    });

    /** @param stopped told once if a tick cannot be written; the clock then stops (a silent stop would leave every clock waiting) */
    public LiveClock(Pipeline pipeline, Duration period, Consumer<RuntimeException> stopped) {
        ticker.scheduleAtFixedRate(() -> {
            try {
                pipeline.clock().tick(System.currentTimeMillis());
                pipeline.flush();
            } catch (RuntimeException e) {
                ticker.shutdown();
                stopped.accept(e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
