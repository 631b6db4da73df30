package org.rogatory.simulator.run;

import org.rogatory.simulator.exercise.ConditionalInjects;
import org.rogatory.simulator.report.ReportBuilder;
import org.rogatory.simulator.workload.TimedRecord;

import java.time.Duration;
import java.util.List;

/**
 * What decides, between two steps of a run, how it goes on: the scenario alone ({@code run}:
 * {@link Scripted}) or a trainer too ({@code play}: {@link ExerciseConductor}).
 */
interface ExerciseControl extends AutoCloseable {

    /** Simulated time per lockstep step; the case timer decides a clock one step after it is due. */
    Duration step();

    /** The pace of the next step. */
    RunSpeed speed();

    /**
     * Called at each step boundary, once every service has committed the step whose tick is at
     * {@code now} and the step's wall time has elapsed. It may hold the run there (a pause: no
     * tick is written, so simulated time and every clock stand still).
     *
     * @return what the trainer asked for at this boundary
     */
    Boundary atBoundary(long now, Timeline timeline, ConditionalInjects conditional);

    /** Whether a trainer watches the scenario's checks while it runs; if so, {@link #checked} gets them before each boundary. */
    default boolean showsChecks() {
        return false;
    }

    /** The scenario's expectations checked on the run so far, before a boundary (only when {@link #showsChecks()}). */
    default void checked(ReportBuilder.Checks checks) {
    }

    /** The exercise is over at simulated {@code reached}, drained and about to be reported. */
    void ended(long reached);

    /** Lets go of what the control holds (a trainer's command consumer); nothing to throw. */
    @Override
    default void close() {
    }

    /**
     * @param fire records of injects fired now, stamped {@code now}
     * @param end  whether to end the exercise here
     */
    record Boundary(List<TimedRecord> fire, boolean end) {
        static final Boundary GO_ON = new Boundary(List.of(), false);
    }

    /** The scenario decides everything: its speed, steps of {@code step} ({@code run}). */
    record Scripted(Duration step, RunSpeed speed) implements ExerciseControl {
        @Override
        public Boundary atBoundary(long now, Timeline timeline, ConditionalInjects conditional) {
            return Boundary.GO_ON;
        }

        @Override
        public void ended(long reached) {
        }
    }
}
