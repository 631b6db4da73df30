package org.rogatory.authorities.domain;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * A duration in hours drawn from a distribution: the officer time a request needs (working hours;
 * the scenario's node behaviour) or a step of the e-CODEX transport ({@link TransportPolicy}).
 */
public sealed interface ServiceTimeDistribution {

    double sampleHours(RandomGenerator random);

    double meanHours();

    /** Memoryless service: the M in M/M/c. */
    record Exponential(double meanHours) implements ServiceTimeDistribution {
        public Exponential {
            requirePositive("mean", meanHours);
        }

        @Override
        public double sampleHours(RandomGenerator random) {
            return meanHours * random.nextExponential();
        }
    }

    /** Right-skewed handling times (most requests quick, a long tail of complex ones). */
    record LogNormal(double medianHours, double sigma) implements ServiceTimeDistribution {
        public LogNormal {
            requirePositive("median", medianHours);
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("sigma must be a finite number >= 0, was " + sigma);
            }
        }

        @Override
        public double sampleHours(RandomGenerator random) {
            return medianHours * Math.exp(sigma * random.nextGaussian());
        }

        @Override
        public double meanHours() {
            return medianHours * Math.exp(sigma * sigma / 2);
        }
    }

    record Fixed(double hours) implements ServiceTimeDistribution {
        public Fixed {
            if (!(hours >= 0) || Double.isInfinite(hours)) {
                throw new IllegalArgumentException("value must be a finite number >= 0, was " + hours);
            }
        }

        @Override
        public double sampleHours(RandomGenerator random) {
            return hours;
        }

        @Override
        public double meanHours() {
            return hours;
        }
    }

    /**
     * Builds a distribution from scenario parameters (hours): exponential needs {@code mean};
     * lognormal needs {@code median} (or {@code mean}) and {@code sigma}; fixed needs {@code value}.
     */
    static ServiceTimeDistribution of(String distribution, Double mean, Double median, Double sigma, Double value) {
        String name = distribution == null ? "" : distribution.toLowerCase(Locale.ROOT);
        return switch (name) {
            case "exponential" -> {
                onlyAllowed(name, median == null && sigma == null && value == null, "mean");
                yield new Exponential(required(name, "mean", mean));
            }
            case "lognormal" -> {
                onlyAllowed(name, value == null && (mean == null || median == null), "median or mean, and sigma");
                double s = required(name, "sigma", sigma);
                // mean = median * exp(sigma^2 / 2)
                yield new LogNormal(median != null ? median : required(name, "median or mean", mean) / Math.exp(s * s / 2), s);
            }
            case "fixed" -> {
                onlyAllowed(name, mean == null && median == null && sigma == null, "value");
                yield new Fixed(required(name, "value", value));
            }
            default -> throw new IllegalArgumentException(
                    "distribution must be one of exponential, lognormal, fixed, was '" + distribution + "'");
        };
    }

    private static double required(String distribution, String parameter, Double value) {
        if (value == null) {
            throw new IllegalArgumentException(distribution + " distribution needs '" + parameter + "'");
        }
        return value;
    }

    private static void onlyAllowed(String distribution, boolean ok, String parameters) {
        if (!ok) {
            throw new IllegalArgumentException(distribution + " distribution takes only " + parameters);
        }
    }

    private static void requirePositive(String parameter, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(parameter + " must be a finite number > 0, was " + value);
        }
    }
}
