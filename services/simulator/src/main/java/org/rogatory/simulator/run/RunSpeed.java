package org.rogatory.simulator.run;

/**
 * How simulated time maps to wall time: {@code max} runs as fast as the pipeline goes; a factor
 * of 3600 makes one wall second one simulated hour (live exercises with human players).
 */
public record RunSpeed(double factor) {

    public static final RunSpeed MAX = new RunSpeed(Double.POSITIVE_INFINITY);

    public static RunSpeed parse(String text) {
        if ("max".equalsIgnoreCase(text)) {
            return MAX;
        }
        try {
            double factor = Double.parseDouble(text);
            if (factor > 0 && Double.isFinite(factor)) {
                return new RunSpeed(factor);
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException("--speed must be 'max' or a positive factor (3600 = one simulated hour per second), was '" + text + "'");
    }

    /** Wall milliseconds that {@code simulatedMillis} should take; 0 at max speed. */
    public long wallMillis(long simulatedMillis) {
        return Double.isInfinite(factor) ? 0 : Math.round(simulatedMillis / factor);
    }

    @Override
    public String toString() {
        return Double.isInfinite(factor) ? "max" : String.valueOf(factor);
    }
}
