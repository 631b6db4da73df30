package org.rogatory.simulator.load;

import org.rogatory.authorities.domain.CaseRandom;
import org.rogatory.contracts.CooperationRequest;
import org.rogatory.simulator.exercise.Scenario;
import org.rogatory.simulator.exercise.Scenario.ArrivalStream;
import org.rogatory.simulator.exercise.World;
import org.rogatory.simulator.exercise.WorkloadSchedule;
import org.rogatory.simulator.workload.WorkloadGenerator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The requests of a load run: each one of a scenario's streams, drawn in the proportions the
 * scenario's own schedule submits them (bursts and surges included), or always the one stream
 * asked for; the requests themselves are the workload generator's.
 */
final class RequestMix {

    private final Scenario scenario;
    private final WorkloadGenerator generator;
    private final List<ArrivalStream> streams = new ArrayList<>();
    /** Cumulative shares of the streams, the last 1. */
    private final double[] upTo;

    /** @param only the id of the one stream to submit, or null for the scenario's mix */
    RequestMix(Scenario scenario, World world, String only) {
        this.scenario = scenario;
        this.generator = new WorkloadGenerator(scenario, world);
        Map<ArrivalStream, Integer> counts = new LinkedHashMap<>();
        for (WorkloadSchedule.Submission submission : WorkloadSchedule.of(scenario)) {
            if (only == null || submission.stream().id().equals(only)) {
                counts.merge(submission.stream(), 1, Integer::sum);
            }
        }
        if (only != null && counts.isEmpty()) {
            counts.put(scenario.workload().stream().filter(s -> s.id().equals(only)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--stream " + only + ": the scenario " + scenario.name()
                    + " has no such stream (its streams: " + scenario.workload().stream().map(ArrivalStream::id).toList() + ")")),
                1);
        }
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("the scenario " + scenario.name() + " submits no request: nothing to load with");
        }
        double total = counts.values().stream().mapToInt(Integer::intValue).sum();
        upTo = new double[counts.size()];
        double sum = 0;
        for (var entry : counts.entrySet()) {
            sum += entry.getValue();
            upTo[streams.size()] = sum / total;
            streams.add(entry.getKey());
        }
    }

    /** Request {@code caseId}, submitted at {@code at} (epoch ms): its stream drawn from the case's own random numbers. */
    CooperationRequest request(String caseId, long at) {
        double draw = CaseRandom.of(scenario.seed(), caseId, "load-stream").nextDouble();
        int i = 0;
        while (i < upTo.length - 1 && draw >= upTo[i]) {
            i++;
        }
        return generator.request(streams.get(i), caseId, at);
    }
}
