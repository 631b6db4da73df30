package org.rogatory.simulator.exercise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.rogatory.authorities.domain.PoissonArrivals;
import org.rogatory.simulator.exercise.Scenario.ArrivalStream;
import org.rogatory.simulator.exercise.Scenario.Burst;
import org.rogatory.simulator.exercise.Scenario.Inject;
import org.rogatory.contracts.InjectKind;

/**
 * When each request of a scenario's workload is submitted: the Poisson streams (within their
 * active window), their bursts, and the SURGE injects of the MSEL. Each part draws from its own
 * generator keyed by (seed, stream id, part), so adding a stream or an inject never moves the
 * requests of another. The result is sorted by (time, stream id, sequence).
 */
public final class WorkloadSchedule {
    private static final double DAY_HOURS = 24;
    private static final long HOUR = 3_600_000L;

    private WorkloadSchedule() {
    }

    /**
     * One request to submit.
     *
     * @param sequence number of the request within its stream, in time order: with the stream id it makes the case id
     */
    public record Submission(long at, ArrivalStream stream, int sequence) {
        /** A case id stable across runs of the same scenario and seed, e.g. {@code baseline/ald-to-kes-fraud-mla/0007}. */
        public String caseId(Scenario scenario) {
            return scenario.name() + "/" + stream.id() + "/" + String.format("%04d", sequence);
        }
    }

    public static List<Submission> of(Scenario scenario) {
        long start = scenario.startAt().toEpochMilli();
        long end = scenario.endAt().toEpochMilli();
        List<Submission> all = new ArrayList<>();
        for (ArrivalStream stream : scenario.workload()) {
            List<Long> times = new ArrayList<>();
            long from = stream.activeFrom() == null ? start : Math.max(start, stream.activeFrom().resolve(scenario.startAt()).toEpochMilli());
            long until = stream.activeUntil() == null ? end : Math.min(end, stream.activeUntil().resolve(scenario.startAt()).toEpochMilli());
            if (stream.ratePerDay() != null && from < until) {
                times.addAll(PoissonArrivals.times(scenario.seed(), stream.id(), stream.ratePerDay() / DAY_HOURS, from, until));
            }
            for (Burst burst : stream.bursts()) {
                times.addAll(spread(burst.at().resolve(scenario.startAt()).toEpochMilli(), burst.count(), burst.overHours(), end));
            }
            for (Inject inject : scenario.msel()) {
                if (inject.kind() == InjectKind.SURGE && inject.target().equals(stream.id())) {
                    times.addAll(surge(scenario, stream, inject, end));
                }
            }
            times.sort(Long::compare);
            for (int i = 0; i < times.size(); i++) {
                all.add(new Submission(times.get(i), stream, i));
            }
        }
        all.sort(Comparator.comparingLong(Submission::at).thenComparing(s -> s.stream().id()).thenComparingInt(Submission::sequence));
        return all;
    }

    /** {@code count} requests evenly spread over {@code hours} from {@code at}; none after the run ends. */
    private static List<Long> spread(long at, int count, double hours, long end) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t = at + Math.round(i * hours * HOUR / count);
            if (t < end) {
                times.add(t);
            }
        }
        return times;
    }

    /** A count surge is one more burst; a factor surge adds a Poisson stream at (factor − 1) × the stream's rate. */
    private static List<Long> surge(Scenario scenario, ArrivalStream stream, Inject inject, long end) {
        long at = inject.at().resolve(scenario.startAt()).toEpochMilli();
        if (inject.parameters().containsKey("count")) {
            double hours = Double.parseDouble(inject.parameters().getOrDefault("overHours", "0"));
            return spread(at, Integer.parseInt(inject.parameters().get("count")), hours, end);
        }
        double extra = (Double.parseDouble(inject.parameters().get("factor")) - 1) * stream.ratePerDay();
        long until = Math.min(end, inject.until().resolve(scenario.startAt()).toEpochMilli());
        return at < until
                ? PoissonArrivals.times(scenario.seed(), stream.id() + "/surge/" + inject.id(), extra / DAY_HOURS, at, until)
                : List.of();
    }
}
