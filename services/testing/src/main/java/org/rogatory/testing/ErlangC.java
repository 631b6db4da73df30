package org.rogatory.testing;

/**
 * The M/M/c queue in steady state (Erlang C), the test oracle for the node engine (no production
 * code uses it; the engine measures utilisation itself, NodeStatistics#utilisation):
 * Poisson arrivals at rate λ, exponential service at rate μ per officer, c officers.
 * <pre>
 *   a = λ/μ                      offered load (erlangs)
 *   ρ = λ/(cμ)                   utilisation, must be &lt; 1
 *   C(c,a) = (a^c/c! · c/(c−a)) / (Σ_{k=0}^{c−1} a^k/k! + a^c/c! · c/(c−a))   probability of waiting
 *   Wq = C(c,a) / (cμ − λ)       mean wait in queue
 * </pre>
 */
public record ErlangC(double arrivalRate, double serviceRate, int servers) {

    public ErlangC {
        if (!(arrivalRate > 0) || !(serviceRate > 0) || servers < 1) {
            throw new IllegalArgumentException("need λ > 0, μ > 0, c >= 1");
        }
        if (arrivalRate >= servers * serviceRate) {
            throw new IllegalArgumentException("unstable queue: λ >= cμ");
        }
    }

    public double offeredLoad() {
        return arrivalRate / serviceRate;
    }

    public double utilisation() {
        return arrivalRate / (servers * serviceRate);
    }

    public double probabilityOfWait() {
        double a = offeredLoad();
        double term = 1;  // a^k/k!, built up term by term to avoid factorial overflow
        double sum = 0;
        for (int k = 0; k < servers; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double waiting = term * servers / (servers - a);  // a^c/c! · c/(c−a)
        return waiting / (sum + waiting);
    }

    /** Wq, in the time unit of the rates. */
    public double meanWait() {
        return probabilityOfWait() / (servers * serviceRate - arrivalRate);
    }
}
