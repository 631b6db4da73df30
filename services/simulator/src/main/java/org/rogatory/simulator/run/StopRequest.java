package org.rogatory.simulator.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to end an exercise early (Ctrl-C, SIGTERM): the runner stops before its next simulated
 * day and reports as of the simulated time reached.
 */
public final class StopRequest {

    private final CountDownLatch requested = new CountDownLatch(1);

    public void request() {
        requested.countDown();
    }

    public boolean requested() {
        return requested.getCount() == 0;
    }

    /** Waits until a stop is requested (Ctrl-C ends the after-action of a live exercise). */
    public void await() throws InterruptedException {
        requested.await();
    }

    /** Waits up to {@code millis}, less if a stop is requested meanwhile. */
    void pause(long millis) throws InterruptedException {
        requested.await(millis, TimeUnit.MILLISECONDS);
    }
}
