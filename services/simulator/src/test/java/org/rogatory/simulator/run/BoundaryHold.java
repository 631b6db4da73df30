package org.rogatory.simulator.run;

import org.rogatory.simulator.exercise.ConditionalInjects;

import java.time.Duration;

/**
 * A scripted run that a fault test may hold at a step boundary: the run goes on while a part is
 * broken, but at most a few steps, then waits there until the part is back. The faults then land
 * mid-run at any machine load, instead of a slow recovery using up the exercise's steps.
 */
public final class BoundaryHold implements ExerciseControl {

    private final ExerciseControl scripted;
    private int boundaries;
    private int holdAt = Integer.MAX_VALUE;
    private boolean held;

    public BoundaryHold(RunSpeed speed) {
        scripted = new Scripted(ExerciseRunner.STEP, speed);
    }

    /** Runs {@code options} with this hold deciding its step boundaries. */
    public ExerciseResult run(ExerciseRunner runner, ExerciseRunner.Options options) {
        return runner.run(options, this);
    }

    /** From now on, the run goes on {@code steps} more steps at most, then waits for {@link #release}. */
    public synchronized void holdAfter(int steps) {
        holdAt = boundaries + steps;
    }

    /** Whether the run waits at the boundary {@link #holdAfter} set. */
    public synchronized boolean held() {
        return held;
    }

    public synchronized void release() {
        holdAt = Integer.MAX_VALUE;
        notifyAll();
    }

    @Override
    public Duration step() {
        return scripted.step();
    }

    @Override
    public RunSpeed speed() {
        return scripted.speed();
    }

    @Override
    public synchronized Boundary atBoundary(long now, Timeline timeline, ConditionalInjects conditional) {
        boundaries++;
        while (boundaries >= holdAt) {
            held = true;
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while held at a step boundary", e);
            } finally {
                held = false;
            }
        }
        return Boundary.GO_ON;
    }

    @Override
    public void ended(long reached) {
    }
}
