package org.rogatory.simulator.bench;

import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.exercise.WorldLoader;
import org.rogatory.simulator.report.ExerciseReport;
import org.rogatory.simulator.run.ExerciseResult;
import org.rogatory.simulator.run.ExerciseRunner;
import org.rogatory.simulator.run.RunSpeed;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutionException;

/**
 * The benchmark behind the numbers of docs/benchmarks.md: a scenario through the whole pipeline (broker and
 * registry in-process, three services, the lockstep barrier), then the raw-Kafka yardstick for
 * the same event count in the same JVM, one after the other so they do not share the two cores.
 */
public final class PipelineBench {

    /** Router, authorities, case timer: the stages a request passes through. */
    static final int STAGES = 3;
    /** Typical size of one of the run's Avro events in the Confluent wire format, bytes. */
    static final int EVENT_BYTES = 300;

    private PipelineBench() {
    }

    public record Result(String scenario, long cases, long events, double simulatedDays, double pipelineSeconds,
                         double rawKafkaSeconds) {
        public String describe() {
            return String.format(Locale.ROOT, """
                scenario            %s (%d cases, %.0f simulated days)
                pipeline            %.1f s wall for %d events (%.0f events/s), start-up and report included
                raw Kafka relay     %.1f s wall for the same %d events through %d consume-produce hops
                ratio               pipeline / raw Kafka = %.2f
                """, scenario, cases, simulatedDays, pipelineSeconds, events, events / pipelineSeconds,
                rawKafkaSeconds, events, STAGES, pipelineSeconds / rawKafkaSeconds);
        }
    }

    public static Result run(Path scenarioFile) throws ExecutionException, InterruptedException {
        LoadedScenario scenario = ScenarioLoader.load(scenarioFile);
        Path world = scenario.worldFile().orElseThrow(() ->
            new IllegalArgumentException("bench needs a scenario with a world file, not an inline world"));
        ExerciseResult result = new ExerciseRunner().run(new ExerciseRunner.Options(scenario, WorldLoader.load(world),
            RunSpeed.MAX, null, null, false));
        ExerciseReport report = result.report();
        double raw = RawKafkaRelay.seconds(report.run().events(), EVENT_BYTES, STAGES, 4, RawKafkaRelay.PATIENCE);
        return new Result(report.scenario(), report.totals().submitted(), report.run().events(), report.simulatedDays(),
            report.run().wallSeconds(), raw);
    }
}
