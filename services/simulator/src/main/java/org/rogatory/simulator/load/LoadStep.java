package org.rogatory.simulator.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One target at one rate, open loop: request i is due at start + i / rate whatever happened to
 * the ones before (a sender that falls behind sends at once, and the delay counts in the latencies).
 * A warm-up, then the measured window, then a drain until every measured request is through the
 * key stage (bounded), and a short settle for the later stages.
 */
final class LoadStep {

    /** A target keeps up while its backlog grows by less than this much of its offered load over the window. */
    static final Duration BACKLOG_TOLERANCE = Duration.ofMillis(500);
    private static final Duration SETTLE = Duration.ofSeconds(1);

    private final Duration warmup;
    private final Duration duration;
    private final Duration drainLimit;
    private final PrintStream progress;

    LoadStep(Duration warmup, Duration duration, Duration drainLimit, PrintStream progress) {
        this.warmup = warmup;
        this.duration = duration;
        this.drainLimit = drainLimit;
        this.progress = progress;
    }

    StepResult run(LoadTarget target, String stepId, double rate, int recordBytes, String bootstrapServers) {
        long beginning = System.nanoTime();
        target.begin(stepId, recordBytes);
        double readySeconds = StepResult.round((System.nanoTime() - beginning) / 1e9);
        StepLedger ledger = new StepLedger(target.stages());
        int key = target.stages().stream().map(Stage::name).toList().indexOf(target.keyStage());
        ScheduledExecutorService line = Executors.newSingleThreadScheduledExecutor();
        try (StageProbe probe = new StageProbe(bootstrapServers, ledger)) {
            long start = System.nanoTime() + 50_000_000L;
            long epochAtStart = System.currentTimeMillis() + 50;
            long windowStart = start + warmup.toNanos();
            long windowEnd = windowStart + duration.toNanos();
            line.scheduleAtFixedRate(() -> progress.printf(Locale.ROOT, "\r%-9s %8.1f/s  %5.1f s  sent %d  %s %d  backlog %d   ",
                target.name(), rate, (System.nanoTime() - start) / 1e9, ledger.sentCount(), target.keyStage(),
                ledger.reached(key), ledger.backlog(key)), 1, 1, TimeUnit.SECONDS);
            long backlogAtStart = -1;
            long lag = 0;
            for (long i = 0; ; i++) {
                long intended = start + (long) (i * 1e9 / rate);
                if (intended >= windowEnd) {
                    break;
                }
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                boolean measured = intended >= windowStart;
                if (measured && backlogAtStart < 0) {
                    backlogAtStart = ledger.backlog(key);
                }
                lag = System.nanoTime() - intended;
                String id = stepId + "/" + i;
                ledger.sent(id, intended, measured);
                target.send(id, epochAtStart + (intended - start) / 1_000_000);
            }
            long backlogGrowth = ledger.backlog(key) - Math.max(0, backlogAtStart);
            target.flush();
            long drainUntil = System.nanoTime() + drainLimit.toNanos();
            while (ledger.backlog(key) > 0 && System.nanoTime() < drainUntil) {
                probe.requireRunning();
                LockSupport.parkNanos(20_000_000L);
            }
            LockSupport.parkNanos(SETTLE.toNanos());
            probe.requireRunning();
            probe.close(); // the figures are read once nothing records any more
            double lagMs = StepResult.round(lag / 1e6);
            boolean sustained = backlogGrowth <= rate * BACKLOG_TOLERANCE.toMillis() / 1000.0
                && lagMs <= BACKLOG_TOLERANCE.toMillis();
            return new StepResult(target.name(), readySeconds, StepResult.round(rate),
                StepResult.round(ledger.measuredCount() / (duration.toNanos() / 1e9)), ledger.measuredCount(), lagMs,
                target.keyStage(), backlogGrowth, sustained, ledger.figures(windowStart, windowEnd), target.reads());
        } finally {
            line.shutdownNow();
            progress.print("\r" + " ".repeat(100) + "\r");
            target.end();
        }
    }
}
