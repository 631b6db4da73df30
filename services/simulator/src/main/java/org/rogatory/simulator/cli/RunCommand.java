package org.rogatory.simulator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Plays a scenario through the pipeline and writes the after-action report. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Play a scenario (YAML) through the pipeline and write the after-action report.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file, e.g. scenarios/baseline.yaml.")
    Path scenario;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        return options.play(scenario);
    }
}
