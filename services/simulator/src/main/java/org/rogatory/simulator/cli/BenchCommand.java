package org.rogatory.simulator.cli;

import org.rogatory.simulator.bench.PipelineBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Measures a scenario's run against plain Kafka moving the same events on this machine, in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Time a scenario at maximum speed against plain Kafka moving as many events.",
        "Plays the scenario (default scenarios/baseline.yaml), then relays the same number of events through plain Kafka "
            + "consume-produce hops on a fresh in-process broker, and prints both times and their ratio."})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (default: the baseline).")
    Path scenario;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Path file = scenario != null ? scenario
            : Path.of(System.getProperty("rogatory.home", "."), "scenarios", "baseline.yaml");
        PipelineBench.Result result = PipelineBench.run(file);
        System.out.println(result.describe());
        return 0;
    }
}
