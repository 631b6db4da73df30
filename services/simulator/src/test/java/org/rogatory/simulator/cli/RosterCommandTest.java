package org.rogatory.simulator.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rogatory.gateway.Caller;
import org.rogatory.gateway.GatewayConfiguration;
import org.rogatory.gateway.Role;
import org.rogatory.gateway.Roster;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rogatory roster}: a scenario's tokens for a gateway run apart (compose, service gateway). */
class RosterCommandTest {

    private static final Path SCENARIOS = Path.of("../../scenarios");
    private final StringWriter err = new StringWriter();

    @TempDir
    Path out;

    private int run(String... args) {
        CommandLine cli = RogatoryCli.commandLine();
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    @DisplayName("writes the tokens (0600) and the gateway's environment, whose roster takes each token as its member")
    void issuesTokensAndEnvironment() throws Exception {
        assertThat(run("roster", SCENARIOS.resolve("players-drill.yaml").toString(), "--out", out.toString()))
            .as(err.toString()).isZero();

        Path tokens = out.resolve(RosterTokens.FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokens))).isEqualTo("rw-------");
        List<String> rows = Files.readAllLines(tokens);
        assertThat(rows.getFirst()).isEqualTo("name,role,scope,cleared,token");
        assertThat(rows).hasSize(4);

        Map<String, String> environment = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out.resolve(RosterTokens.ENVIRONMENT_FILE))) {
            String[] variable = line.split("=", 2);
            environment.put(variable[0], variable[1]);
        }
        assertThat(environment).containsOnlyKeys("ROGATORY_SECURITY_ENABLED", "ROGATORY_GATEWAY_ROSTER");
        assertThat(environment.get("ROGATORY_SECURITY_ENABLED")).isEqualTo("true");
        // the gateway reads the variable as a list, split at commas
        Roster roster = new Roster(new GatewayConfiguration(null,
            Arrays.asList(environment.get("ROGATORY_GATEWAY_ROSTER").split(","))));
        assertThat(roster.enforced()).isTrue();
        for (String row : rows.subList(1, rows.size())) {
            String[] member = row.split(",");
            Caller caller = roster.member(member[4]).orElseThrow(() -> new AssertionError("no member for " + row));
            assertThat(caller.name()).isEqualTo(member[0]);
            assertThat(caller.role()).isEqualTo(Role.valueOf(member[1]));
        }
        assertThat(roster.member("not-a-token")).isEmpty();
    }

    @Test
    @DisplayName("a scenario without a roster is refused, naming it; no file is written")
    void noRoster() throws Exception {
        assertThat(run("roster", SCENARIOS.resolve("baseline.yaml").toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("baseline.yaml", "no roster");
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    @DisplayName("an empty ROGATORY_GATEWAY_ROSTER, as docker-compose.yml passes without one, is no roster: the API stays open")
    void emptyRosterVariable() {
        assertThat(new Roster(new GatewayConfiguration(null, List.of(""))).enforced()).isFalse();
    }
}
