package org.rogatory.simulator.load;

/**
 * The max-rate search of {@code load --find-max}, OMB's feedback approach: the rate doubles while
 * it is sustained, then the gap between the last rate kept and the first lost is split (geometric
 * mean) {@link #ROUNDS} times. A rate counts as lost only when two steps at it in a row are lost:
 * on two shared cores one step's verdict varies from run to run (a collection, a commit stall;
 * docs/benchmarks.md), and a single unlucky step would stop the doubling early.
 */
final class RateSearch {

    static final int ROUNDS = 3;
    /** Where the search stops doubling: one sender thread on two cores gets no further. */
    static final double CEILING = 204_800;
    /** Steps at a rate before it counts as lost. */
    static final int ATTEMPTS = 2;

    /** One measured step at {@code rate}: whether the target sustained it. */
    interface Step {
        boolean sustained(double rate);
    }

    private RateSearch() {
    }

    /** The highest rate sustained, from {@code from} up to {@link #CEILING}; 0 if not even {@code from}. */
    static double highest(double from, Step step) {
        double kept = 0;
        double lost = 0;
        for (double rate = Math.min(from, CEILING); lost == 0; rate = Math.min(rate * 2, CEILING)) {
            if (!sustained(step, rate)) {
                lost = rate;
            } else {
                kept = rate;
                if (rate == CEILING) {
                    break;
                }
            }
        }
        for (int round = 0; round < ROUNDS && kept > 0 && lost > 0; round++) {
            double rate = Math.round(Math.sqrt(kept * lost));
            if (sustained(step, rate)) {
                kept = rate;
            } else {
                lost = rate;
            }
        }
        return kept;
    }

    private static boolean sustained(Step step, double rate) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (step.sustained(rate)) {
                return true;
            }
        }
        return false;
    }
}
