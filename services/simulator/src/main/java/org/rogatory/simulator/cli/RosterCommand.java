package org.rogatory.simulator.cli;

import org.rogatory.simulator.exercise.Scenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Issues a scenario's roster tokens for a gateway this CLI does not start (docker-compose,
 * {@code rogatory service gateway}, Kubernetes): the tokens for the trainer to hand out, and the
 * gateway's settings (the tokens' hashes) as an environment file (docs/deployment.md).
 */
@Command(name = "roster", mixinStandardHelpOptions = true,
    description = {"Issue the bearer tokens of a scenario's roster for a gateway run apart (compose, service gateway, Kubernetes).",
        "Writes DIR/" + RosterTokens.FILE + " (the tokens, readable by you alone) and DIR/" + RosterTokens.ENVIRONMENT_FILE
            + " (ROGATORY_SECURITY_ENABLED and ROGATORY_GATEWAY_ROSTER: the tokens' SHA-256, for the gateway's environment)."})
final class RosterCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file with a roster: section.")
    Path scenario;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the two files (created if missing).")
    Path out;

    @Option(names = "--verbose", description = "Stack traces on errors.")
    boolean verbose;

    @Override
    public Integer call() {
        Scenario loaded = ScenarioLoader.load(scenario).scenario();
        if (loaded.roster().isEmpty()) {
            throw new IllegalArgumentException(scenario + ": no roster: section, so no tokens to issue (the gateway's API is open)");
        }
        RosterTokens.issueForEnvironment(loaded, out);
        System.out.println("tokens=" + out.resolve(RosterTokens.FILE).toAbsolutePath() + " (hand each member theirs)");
        System.out.println("environment=" + out.resolve(RosterTokens.ENVIRONMENT_FILE).toAbsolutePath()
            + " (docker compose --env-file it, or set it for rogatory service gateway)");
        return 0;
    }
}
