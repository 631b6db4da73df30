package org.rogatory.simulator.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A malformed scenario or an unreachable cluster: one clear line, a non-zero exit, a stack trace only with --verbose. */
class RogatoryCliTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = RogatoryCli.commandLine();
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    @DisplayName("a malformed scenario is refused before anything starts, with file, line and field")
    void malformedScenario() throws IOException {
        Path scenario = Files.createTempFile("bad", ".yaml");
        Files.writeString(scenario, "name: bad\ndescription: x\nseed: 1\ndurationDays: 90\nworld: {file: nowhere.yaml}\n"
            + "workload:\n  - {id: s, from: ALD, to: KES, requestType: TELEPATHY}\n");
        assertEquals(2, run("run", scenario.toString()));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("rogatory: " + scenario.getFileName() + ":7:"), message);
        assertTrue(message.contains(":7:") && message.contains("requestType"), message);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("each kind of mistake in a scenario or its world file: file:line:column: field: problem, nothing Java")
    @CsvSource(delimiter = '|', textBlock = """
        scenario-missing-field.yaml       | scenario-missing-field.yaml:1:1: description: is required: say what the exercise rehearses
        scenario-bad-value.yaml           | scenario-bad-value.yaml:4:1: durationDays: is required: a number of days above 0 and at most 3650
        scenario-bad-enum.yaml            | scenario-bad-enum.yaml:7:35: workload[0].requestType: 'TELEPATHY' is not one of [MLA, EXTRADITION, PROVISIONAL_ARREST, PRESERVATION, DISCLOSURE, POLICE_INFORMATION, CONFISCATION, TRANSFER_OF_PROCEEDINGS, TEMPORARY_SURRENDER, SPONTANEOUS_INFORMATION, EXTRADITION_ARBITRATION]
        scenario-unknown-state.yaml       | scenario-unknown-state.yaml:7:26: workload[0].to: 'ZZZ' is not a state of the world; states: ALD, KES
        scenario-unknown-node.yaml        | scenario-unknown-node.yaml:11:19: outcomes[0].expectation.metric: 'KES-CA-MLX' is not a node of the world; its nodes there: KES-CA-MLA, KES-MFA
        scenario-unknown-metric.yaml      | scenario-unknown-metric.yaml:11:19: outcomes[0].expectation.metric: 'nodes.KES-CA-MLA.meanWait' is not a metric; see the list in docs/report.md (e.g. clocks.POC_ACKNOWLEDGEMENT.missed)
        scenario-syntax.yaml              | scenario-syntax.yaml:9:1: (syntax): found unexpected end of stream while scanning a quoted scalar that begins at line 2, column 14
        scenario-unknown-key.yaml         | scenario-unknown-key.yaml:2:1: descripton: unknown field; allowed here: [clocks, description, durationDays, expeditedExecution, formalFollowUpDrafting, ladder, ladders, msel, name, nodeBehaviour, outcomes, players, roster, seed, start, transport, workload, world]
        scenario-world-missing-field.yaml | world-missing-field.yaml:12:5: states[1].name: name is required
        scenario-world-bad-value.yaml     | world-bad-value.yaml:14:5: states[1].timeZone: timeZone 'Kessaly/Capital' is not a zone id or UTC offset
        scenario-world-bad-enum.yaml      | world-bad-enum.yaml:10:10: states[0].nodes[0].role: 'CENTRAL_AUTHORITY' is not one of [CA_MLA, CA_EXT, POC_247, NCB, MFA, EXECUTING_AUTHORITY, LIAISON_OFFICER, INTERPOL_GS]
        scenario-world-unknown-state.yaml | world-unknown-state.yaml:9:17: states[0].bilateral[0]: unknown state 'QQQ' (known: ALD, KES)
        scenario-world-syntax.yaml        | world-syntax.yaml:7:12: (syntax): expected ',' or ']', but got : while parsing a flow sequence that begins at line 6, column 16
        scenario-world-unknown-key.yaml   | world-unknown-key.yaml:13:5: states[1].naem: unknown field; allowed here: [bilateral, code, conducts, holidays, languages, name, noLegalBasisPolicy, nodes, parties, reciprocity, refusesUntranslated, timeZone, waivesDualCriminalityNonCoercive, weekend]
        """)
    void placedErrors(String scenario, String expected) {
        assertEquals(2, run("run", "src/test/resources/errors/" + scenario));
        assertEquals("rogatory: " + expected, err.toString().strip());
    }

    @Test
    @DisplayName("a scenario naming a node the world lacks is refused before its report folder is created")
    void refusedScenarioLeavesNoReportFolder(@TempDir Path tmp) {
        Path out = tmp.resolve("report");
        assertEquals(2, run("run", "src/test/resources/errors/scenario-unknown-node.yaml", "--out", out.toString()));
        assertFalse(Files.exists(out), "no report folder, no log, for a run that never started");
    }

    @Test
    @DisplayName("a scenario file that is not there: said plainly")
    void missingScenario() {
        assertEquals(2, run("run", "src/test/resources/errors/nowhere.yaml"));
        assertEquals("rogatory: cannot read scenario file src/test/resources/errors/nowhere.yaml: no such file", err.toString().strip());
    }

    @Test
    @DisplayName("--help: every paragraph of a command's description is whole sentences, so no line of the help breaks one")
    void helpParagraphs() {
        CommandLine.Model.CommandSpec root = RogatoryCli.commandLine().getCommandSpec();
        List<String> broken = new ArrayList<>();
        root.subcommands().forEach((name, sub) -> {
            for (String paragraph : sub.getCommandSpec().usageMessage().description()) {
                if (!paragraph.endsWith(".")) {
                    broken.add(name + ": " + paragraph);
                }
            }
        });
        assertEquals(List.of(), broken);
    }

    @Test
    @DisplayName("up with a malformed scenario is refused before the broker starts: no data directory, nothing listening")
    void upRefusesABadScenarioBeforeStarting(@TempDir Path tmp) throws IOException {
        Path scenario = tmp.resolve("bad.yaml");
        Files.writeString(scenario, "name: bad\ndescription: x\nseed: 1\ndurationDays: 90\nworld: {file: nowhere.yaml}\n"
            + "workload:\n  - {id: s, from: ALD, to: KES, requestType: TELEPATHY}\n");
        Path data = tmp.resolve("data");
        int kafkaPort = freePort();
        assertEquals(2, run("up", "--scenario", scenario.toString(), "--data-dir", data.toString(),
            "--kafka-port", String.valueOf(kafkaPort), "--registry-port", String.valueOf(freePort())));
        String message = err.toString().strip();
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith("rogatory: bad.yaml:7:") && message.contains("requestType"), message);
        assertFalse(Files.exists(data), "the broker never formatted its data directory");
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", kafkaPort)); // free: no broker was left listening
        }
    }

    @Test
    @DisplayName("an unreachable external broker is one line and exit code 2")
    void unreachableBroker() throws IOException {
        int closed = freePort();
        assertEquals(2, run("run", "../../scenarios/fugitive-race.yaml", "--bootstrap-servers", "127.0.0.1:" + closed,
            "--schema-registry-url", "http://127.0.0.1:" + closed));
        String message = err.toString().strip();
        assertEquals("rogatory: cannot reach Kafka at 127.0.0.1:" + closed + " within 10 s", message);
    }

    @Test
    @DisplayName("an external broker without a registry is refused at once")
    void brokerWithoutRegistry() {
        assertEquals(2, run("run", "../../scenarios/fugitive-race.yaml", "--bootstrap-servers", "127.0.0.1:9"));
        assertTrue(err.toString().startsWith("rogatory: give both --bootstrap-servers and --schema-registry-url"), err.toString());
    }

    @Test
    @DisplayName("--use-running-services without an external cluster is refused at once, in one line")
    void runningServicesNeedAnExternalCluster() {
        assertEquals(2, run("run", "../../scenarios/fugitive-race.yaml", "--use-running-services"));
        assertEquals("rogatory: --use-running-services drives services running against an external cluster: give"
            + " --bootstrap-servers and --schema-registry-url too", err.toString().strip());
    }

    @Test
    @DisplayName("a bad --speed is one line; --verbose adds the stack trace")
    void badSpeedAndVerbose() {
        assertEquals(2, run("run", "../../scenarios/fugitive-race.yaml", "--speed", "fast"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertTrue(err.toString().contains("--speed must be 'max' or a positive factor"), err.toString());
        err.getBuffer().setLength(0);
        assertEquals(2, run("run", "../../scenarios/fugitive-race.yaml", "--speed", "fast", "--verbose"));
        assertTrue(err.toString().contains("\tat org.rogatory"), "stack trace with --verbose");
    }

    @Test
    @DisplayName("a mistyped option value is one line naming the option and the expected form, then where the usage is")
    void badOptionValue() {
        assertEquals(2, run("load", "--warmup", "5"));
        assertEquals(List.of(
            "rogatory: Invalid value for option '--warmup': '5' is not an ISO-8601 duration (e.g. PT0.005S for 5 ms, PT20S, PT2M)",
            "See 'rogatory load --help'."), err.toString().strip().lines().toList());
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("load --commit-interval: a mistyped interval or service is one line, before anything starts")
    @CsvSource(delimiter = '|', textBlock = """
        5                 | rogatory: --commit-interval: '5' is not an ISO-8601 duration (e.g. PT0.005S for 5 ms, PT20S, PT2M)
        router=10ms       | rogatory: --commit-interval router: '10ms' is not an ISO-8601 duration (e.g. PT0.005S for 5 ms, PT20S, PT2M)
        timer=PT0.1S      | rogatory: --commit-interval: 'timer' is not a service; services: router, authorities, case-timer
        PT0S              | rogatory: --commit-interval must be positive
        """)
    void badCommitInterval(String given, String expected) {
        assertEquals(2, run("load", "--commit-interval", given));
        assertEquals(expected, err.toString().strip());
    }

    @Test
    @DisplayName("an unknown option keeps picocli's suggestion, without the whole usage")
    void unknownOption() {
        assertEquals(2, run("demo", "--bogus"));
        List<String> lines = err.toString().strip().lines().toList();
        assertEquals("rogatory: Unknown option: '--bogus'", lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("--bootstrap-servers")), err.toString());
        assertEquals("See 'rogatory demo --help'.", lines.get(lines.size() - 1));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
