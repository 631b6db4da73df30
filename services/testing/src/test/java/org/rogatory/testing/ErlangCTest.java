package org.rogatory.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ErlangCTest {

    @ParameterizedTest(name = "λ={0} μ={1} c={2}: C={3}, Wq={4}, ρ={5}")
    @CsvSource({
            // M/M/1: C = ρ, Wq = ρ/(μ−λ)
            "0.5, 1.0, 1, 0.5, 1.0, 0.5",
            // M/M/2, a = 1: C = (1/2·2) / (1 + 1 + 1) = 1/3, Wq = (1/3)/(2−1)
            "1.0, 1.0, 2, 0.3333333333, 0.3333333333, 0.5",
            // M/M/3, a = 2.4: C = 11.52 / (6.28 + 11.52), Wq = C/0.6
            "2.4, 1.0, 3, 0.6471910112, 1.0786516854, 0.8",
    })
    void hand_computed_values(double lambda, double mu, int c, double pWait, double wq, double rho) {
        ErlangC q = new ErlangC(lambda, mu, c);
        assertEquals(pWait, q.probabilityOfWait(), 1e-9);
        assertEquals(wq, q.meanWait(), 1e-9);
        assertEquals(rho, q.utilisation(), 1e-12);
    }

    @Test
    void unstable_queue_is_rejected() {
        assertThrows(IllegalArgumentException.class, () -> new ErlangC(3, 1, 3));
    }
}
