package org.rogatory.simulator.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The main job: the baseline exercise with everything in-process. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run scenarios/baseline.yaml: same options as run.")
final class DemoCommand implements Callable<Integer> {

    @Mixin
    RunOptions options;

    @Override
    public Integer call() {
        // The launcher says where the project is, so demo works from any folder.
        Path baseline = Path.of(System.getProperty("rogatory.home", "."), "scenarios", "baseline.yaml");
        if (!Files.isRegularFile(baseline)) {
            throw new IllegalArgumentException(baseline.toAbsolutePath().normalize() + " not found: run ./rogatory from the project");
        }
        return options.play(baseline);
    }
}
