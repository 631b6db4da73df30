package org.rogatory.simulator.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.rogatory.authorities.domain.NodeBehaviourTable;
import org.rogatory.simulator.exercise.Scenario.Inject;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.ClockKind;
import org.rogatory.platform.calendar.Span;
import org.rogatory.contracts.InjectKind;
import org.rogatory.contracts.NodeRole;

class ScenarioLoaderTest {
    private static final Path SCENARIOS = Path.of("../../scenarios");

    /** A small valid scenario; each malformed case below changes one line of it. */
    private static final String VALID = """
            name: small
            description: A valid scenario the malformed ones are made from.
            seed: 7
            durationDays: 30
            world:
              file: worlds/default-world.yaml
            workload:
              - id: ald-to-kes
                from: ALD
                to: KES
                requestType: MLA
                instrument: UNTOC
                crimeArea: CYBERCRIME
                conductCategory: ONLINE_FRAUD
                language: en
                ratePerDay: 2
            clocks:
              CA_ACKNOWLEDGEMENT: 5 working days
            msel:
              - id: INJ-01
                at: 2d
                kind: NODE_OUTAGE
                target: KES-CA-MLA
                until: 4d
                expected: ALD asks after its request through the liaison officer.
                expectation: {metric: clocks.CA_ACKNOWLEDGEMENT.missed, atLeast: 1}
            """;

    @ParameterizedTest(name = "ships {0}")
    @ValueSource(strings = {"baseline", "cybercrime-surge", "fugitive-race", "informal-to-formal", "mmc-queue"})
    void shipped_scenarios_load(String name) {
        LoadedScenario loaded = ScenarioLoader.load(SCENARIOS.resolve(name + ".yaml"));
        Scenario scenario = loaded.scenario();
        assertEquals(name, scenario.name());
        assertFalse(scenario.outcomes().isEmpty(), "every shipped scenario writes its expected outcomes");
        assertTrue(loaded.worldFile().isPresent() != loaded.inlineWorld().isPresent());
        loaded.worldFile().ifPresent(file -> assertEquals("default-world.yaml", file.getFileName().toString()));
        NodeBehaviourTable table = scenario.nodeBehaviourTable();
        for (NodeRole role : new NodeRole[] {NodeRole.CA_MLA, NodeRole.POC_247, NodeRole.NCB, NodeRole.MFA}) {
            table.resolve("ALD-" + role.name().replace('_', '-'), "ALD", role, 72);
        }
    }

    @Test
    @DisplayName("the valid base scenario loads with its values")
    void valid_base_loads() {
        Scenario s = load(VALID).scenario();
        assertEquals(7L, s.seed());
        assertEquals(Span.workingDays(5), s.clocks().get(ClockKind.CA_ACKNOWLEDGEMENT));
        Inject inject = s.msel().getFirst();
        assertEquals(InjectKind.NODE_OUTAGE, inject.kind());
        assertEquals(s.startAt().plus(Duration.ofDays(2)), inject.at().resolve(s.startAt()));
    }

    @Test
    @DisplayName("a scenario's expedited span, common ladder and a clock's own ladder reach the case timer's settings")
    void ladders_and_expedited_span_reach_the_timer() {
        String yaml = VALID.replace("  CA_ACKNOWLEDGEMENT: 5 working days\n", """
                  CA_ACKNOWLEDGEMENT: 5 working days
                expeditedExecution: 2d
                ladder:
                  - {level: SUPERVISOR, after: 2d}
                ladders:
                  POC_ACKNOWLEDGEMENT:
                    - {level: SUPERVISOR, after: 1h}
                """);
        org.rogatory.timer.CaseTimerConfiguration timer = load(yaml).scenario()
                .caseTimer(Duration.ofHours(48), org.rogatory.timer.topology.CaseTimerTopology.StoreKind.IN_MEMORY);
        assertEquals(Span.days(2), timer.clockPolicy().expeditedExecution());
        org.rogatory.timer.domain.LadderPolicy ladders = timer.ladderPolicy();
        assertEquals(Duration.ofHours(1), ladders.delay(ClockKind.POC_ACKNOWLEDGEMENT, org.rogatory.contracts.EscalationLevel.SUPERVISOR));
        assertEquals(Duration.ofDays(2), ladders.delay(ClockKind.EXECUTION, org.rogatory.contracts.EscalationLevel.SUPERVISOR));
        assertEquals(Duration.ofHours(48), timer.grace());
    }

    @Test
    @DisplayName("transport: a channel's step replaces its default, the others keep theirs; clocks.TRANSPORT_STEP is the evidence timeout")
    void transport_reaches_the_authorities() {
        org.rogatory.authorities.domain.TransportPolicy defaults = load(VALID).scenario().transportPolicy();
        assertEquals(org.rogatory.authorities.domain.TransportPolicy.DEFAULT, defaults, "the defaults: practice");
        String yaml = VALID.replace("durationDays: 30\n", """
                durationDays: 30
                transport:
                  CENTRAL_AUTHORITY: {relay: {distribution: fixed, value: 0.5}}
                """).replace("  CA_ACKNOWLEDGEMENT: 5 working days\n", "  CA_ACKNOWLEDGEMENT: 5 working days\n  TRANSPORT_STEP: 12h\n");
        org.rogatory.authorities.domain.TransportPolicy policy = load(yaml).scenario().transportPolicy();
        assertEquals(new org.rogatory.authorities.domain.ServiceTimeDistribution.Fixed(0.5), policy.of(Channel.CENTRAL_AUTHORITY).relay());
        assertEquals(defaults.of(Channel.CENTRAL_AUTHORITY).delivery(), policy.of(Channel.CENTRAL_AUTHORITY).delivery());
        assertEquals(defaults.of(Channel.I247), policy.of(Channel.I247));
        assertEquals(Duration.ofHours(12).toMillis(), policy.timeoutMillis());
    }

    @Test
    void formal_follow_up_drafting_reaches_the_router() {
        org.rogatory.router.domain.RoutingParameters world = org.rogatory.router.domain.RoutingParameters.defaults();
        assertEquals(Duration.ofDays(5), load(VALID).scenario().routing(world).formalFollowUpDrafting(), "the default: practice");
        String yaml = VALID.replace("durationDays: 30\n", "durationDays: 30\nformalFollowUpDrafting: 36h\n");
        assertEquals(Duration.ofHours(36), load(yaml).scenario().routing(world).formalFollowUpDrafting());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case                 | replace                                | with                                    | expected message prefix
            "wrong type             | seed: 7                                | seed: seven                             | small.yaml:3:1: seed: 'seven' is not a whole number",
            "unknown field          | durationDays: 30                       | durationDay: 30                         | small.yaml:4:1: durationDay: unknown field",
            "missing field          | seed: 7                                | '#'                                     | small.yaml:1:1: seed: is required",
            "bad inject kind        | kind: NODE_OUTAGE                      | kind: EARTHQUAKE                        | small.yaml:22:5: msel[0].kind: 'EARTHQUAKE' is not one of [NODE_OUTAGE, CHANNEL_OUTAGE",
            "missing until          | '    until: 4d'                        | '#'                                     | small.yaml:20:5: msel[0].until: is required",
            "inject after the end   | at: 2d                                 | at: 45d                                 | small.yaml:21:5: msel[0].at: '45d' falls outside the run",
            "bad duration           | CA_ACKNOWLEDGEMENT: 5 working days     | CA_ACKNOWLEDGEMENT: soon                | small.yaml:18:3: clocks.CA_ACKNOWLEDGEMENT: 'soon' is not a duration",
            "unknown clock          | CA_ACKNOWLEDGEMENT: 5 working days     | LUNCH_BREAK: 1h                         | small.yaml:18:3: clocks.LUNCH_BREAK: 'LUNCH_BREAK' is not one of [POC_ACKNOWLEDGEMENT",
            "bad metric             | clocks.CA_ACKNOWLEDGEMENT.missed       | clocks.CA_ACK.missed                    | small.yaml:26:19: msel[0].expectation.metric: 'clocks.CA_ACK.missed' is not a metric",
            "state not in world     | to: KES                                | to: XYZ                                 | small.yaml:10:5: workload[0].to: 'XYZ' is not a state of the world",
            "node not in world      | target: KES-CA-MLA                     | target: QQQ-CA-MLA                      | small.yaml:23:5: msel[0].target: 'QQQ-CA-MLA' does not belong to a state",
            "missing world file     | file: worlds/default-world.yaml        | file: worlds/atlantis.yaml              | small.yaml:6:3: world.file: world file",
            "list expected          | '  - id: ald-to-kes'                   | '  - id: [ald, kes]'                    | small.yaml:8:5: workload[0].id: expected text",
            "notice on MLA          | '    language: en'                     | '    interpolInstrument: RED_NOTICE\n    language: en' | small.yaml:15:5: workload[0].interpolInstrument: applies to PROVISIONAL_ARREST only",
            "zero-year penalty      | '    language: en'                     | '    maxPenaltyYears: 0\n    language: en' | small.yaml:15:5: workload[0].maxPenaltyYears: must be a number of years between 1 and 100",
            "negative rate          | ratePerDay: 2                          | ratePerDay: -2                          | small.yaml:16:5: workload[0].ratePerDay: must be > 0",
            "empty clock value      | CA_ACKNOWLEDGEMENT: 5 working days     | CA_ACKNOWLEDGEMENT:                     | small.yaml:18:3: clocks.CA_ACKNOWLEDGEMENT: '' is not a duration",
            "empty list item        | 'workload:'                            | 'workload:\n  -'                      | small.yaml:8:4: workload[0]: '' is not a mapping",
            "duplicate key          | seed: 7                                | 'seed: 7\nseed: 8'                      | small.yaml:4:5: (syntax): Duplicate field 'seed'",
            "own ladder out of order| CA_ACKNOWLEDGEMENT: 5 working days     | 'CA_ACKNOWLEDGEMENT: 5 working days\nladders:\n  POC_ACKNOWLEDGEMENT:\n    - {level: SUPERVISOR, after: 4h}\n    - {level: REMINDER, after: 0h}' | small.yaml:22:8: ladders.POC_ACKNOWLEDGEMENT[1].level: steps must climb in order",
            "own ladder late step   | CA_ACKNOWLEDGEMENT: 5 working days     | 'CA_ACKNOWLEDGEMENT: 5 working days\nladders:\n  POC_ACKNOWLEDGEMENT:\n    - {level: REMINDER, after: 4h}\n    - {level: SUPERVISOR, after: 1h}' | small.yaml:22:27: ladders.POC_ACKNOWLEDGEMENT[1].after: a step cannot fall due before the step below it",
            "own ladder of no clock | CA_ACKNOWLEDGEMENT: 5 working days     | 'CA_ACKNOWLEDGEMENT: 5 working days\nladders:\n  LUNCH_BREAK: []' | small.yaml:20:3: ladders.LUNCH_BREAK: 'LUNCH_BREAK' is not one of [POC_ACKNOWLEDGEMENT",
            "zero expedited span    | durationDays: 30                       | 'durationDays: 30\nexpeditedExecution: 0h' | small.yaml:5:1: expeditedExecution: must be longer than zero",
            "drafting in working days| durationDays: 30                      | 'durationDays: 30\nformalFollowUpDrafting: 5wd' | small.yaml:5:1: formalFollowUpDrafting: counts calendar hours or days",
            "requested deadline wd  | '    language: en'                     | '    requestedDeadline: 5 working days\n    language: en' | small.yaml:15:5: workload[0].requestedDeadline: counts calendar hours or days",
            "when and unless        | '    until: 4d'                        | '    lasting: 2d\n    when: {status: REFUSED}\n    unless: {status: EXECUTED}' | small.yaml:26:5: msel[0].unless: give 'when' (a conditional inject) or 'unless' (a contingency inject), not both",
            "condition of nothing   | '    until: 4d'                        | '    lasting: 2d\n    when: {to: KES}' | small.yaml:25:5: msel[0].when.status: give 'status' (a case reached it) or 'clock' with 'elapsed'",
            "clock without elapsed  | '    until: 4d'                        | '    lasting: 2d\n    when: {clock: CA_ACKNOWLEDGEMENT}' | small.yaml:25:5: msel[0].when.elapsed: is required with 'clock'",
            "elapsed above 1        | '    until: 4d'                        | '    lasting: 2d\n    when: {clock: CA_ACKNOWLEDGEMENT, elapsed: 1.5}' | small.yaml:25:39: msel[0].when.elapsed: is required with 'clock'",
            "elapsed with status    | '    until: 4d'                        | '    lasting: 2d\n    when: {status: REFUSED, elapsed: 0.5}' | small.yaml:25:29: msel[0].when.elapsed: applies to a 'clock' only",
            "unknown condition key  | '    until: 4d'                        | '    lasting: 2d\n    when: {status: REFUSED, node: KES-CA-MLA}' | small.yaml:25:29: msel[0].when.node: unknown field",
            "conditional until      | '    until: 4d'                        | '    until: 4d\n    when: {status: REFUSED}' | small.yaml:24:5: msel[0].until: a conditional inject fires at an instant known only during the run: give 'lasting'",
            "conditional no end     | '    until: 4d'                        | '    unless: {status: EXECUTED}' | small.yaml:20:5: msel[0].lasting: is required",
            "conditional surge      | kind: NODE_OUTAGE                      | 'kind: SURGE\n    when: {status: REFUSED}' | small.yaml:22:5: msel[0].kind: a conditional inject acts on nodes or channels: [CHANNEL_OUTAGE, NODE_OUTAGE, STAFF_CUT]",
            "lasting, not conditional| '    until: 4d'                       | '    lasting: 2d'                        | small.yaml:24:5: msel[0].lasting: only a conditional ('when') or contingency ('unless') inject takes 'lasting'",
            "condition's stream     | '    until: 4d'                        | '    lasting: 2d\n    unless: {status: EXECUTED, stream: kes-to-ald}' | small.yaml:25:32: msel[0].unless.stream: 'kes-to-ald' is not a workload stream id; one of [ald-to-kes]",
            "condition's state      | '    until: 4d'                        | '    lasting: 2d\n    unless: {status: EXECUTED, to: XYZ}' | small.yaml:25:32: msel[0].unless.to: 'XYZ' is not a state of the world",
            "fired metric of no inject | clocks.CA_ACKNOWLEDGEMENT.missed    | injects.INJ-9.fired                     | small.yaml:26:19: msel[0].expectation.metric: 'INJ-9' is not an inject of the msel; its injects: [INJ-01]",
            "transport of no channel| durationDays: 30                       | 'durationDays: 30\ntransport:\n  PIGEON: {relay: {distribution: fixed, value: 1}}' | small.yaml:6:3: transport.PIGEON: 'PIGEON' is not one of [CENTRAL_AUTHORITY",
            "transport bad step     | durationDays: 30                       | 'durationDays: 30\ntransport:\n  I247: {relay: {distribution: fixed}}' | small.yaml:6:10: transport.I247.relay: fixed distribution needs 'value'",
            "transport step nothing | durationDays: 30                       | 'durationDays: 30\ntransport:\n  I247: {}' | small.yaml:6:3: transport.I247.relay: name at least one of relay, delivery, retrieval",
            "transport timeout wd   | CA_ACKNOWLEDGEMENT: 5 working days     | 'CA_ACKNOWLEDGEMENT: 5 working days\n  TRANSPORT_STEP: 1wd' | small.yaml:19:3: clocks.TRANSPORT_STEP: '1wd' counts working days, which depend on a node's calendar",
    })
    void malformed_scenario_is_refused_with_file_line_and_field(String name, String replace, String with, String expected) {
        String yaml = VALID.replace(replace, with.equals("#") ? "# removed" : with.replace("\\n", "\n"));
        assertFalse(yaml.equals(VALID), "test case must change the scenario");
        ExerciseFileException e = assertThrows(ExerciseFileException.class, () -> load(yaml));
        assertTrue(e.getMessage().startsWith(expected), () -> "expected '" + expected + "...' but was: " + e.getMessage());
    }

    @Test
    @DisplayName("node ids in injects and metrics are checked against the world's nodes, at their line")
    void node_ids_are_checked_against_the_world() {
        String yaml = VALID + """
                outcomes:
                  - expected: Kessaly's central authority keeps up.
                    expectation: {metric: nodes.KES-CA-MLX.meanWaitHours, atMost: 24}
                """;
        LoadedScenario loaded = load(yaml);
        assertEquals(java.util.List.of("KES-CA-MLA", "KES-CA-MLX"),
                loaded.nodeReferences().stream().map(LoadedScenario.NodeReference::nodeId).toList());
        loaded.requireNodesOf(java.util.Set.of("KES-CA-MLA", "KES-CA-MLX"));
        ExerciseFileException e = assertThrows(ExerciseFileException.class,
                () -> loaded.requireNodesOf(java.util.Set.of("KES-CA-MLA", "KES-NCB", "ALD-CA-MLA")));
        assertEquals("small.yaml:29:19: outcomes[0].expectation.metric: 'KES-CA-MLX' is not a node of the world; "
                + "its nodes there: KES-CA-MLA, KES-NCB", e.getMessage());
        ExerciseFileException target = assertThrows(ExerciseFileException.class,
                () -> loaded.requireNodesOf(java.util.Set.of("KES-CA-MLX")));
        assertEquals("msel[0].target", target.field());
        assertEquals(23, target.line());
    }

    @Test
    @DisplayName("a conditional and a contingency inject load with their conditions and how long they last")
    void conditional_and_contingency_injects_load() {
        Scenario s = load(VALID.replace("    until: 4d", String.join("\n",
                "    lasting: 2d",
                "    when: {clock: CA_ACKNOWLEDGEMENT, elapsed: 0.75, to: KES}",
                "    expected: KES's supervisor hears of it.",
                "    expectation: {metric: injects.INJ-01.fired, atLeast: 0, atMost: 1}",
                "  - id: INJ-02",
                "    at: 20d",
                "    kind: STAFF_CUT",
                "    target: KES-CA-MLA",
                "    lasting: 10d",
                "    parameters: {officers: \"3\"}",
                "    unless: {status: EXECUTED, stream: ald-to-kes, requestType: MLA}"))).scenario();
        Inject when = s.msel().get(0);
        assertTrue(when.conditional());
        assertEquals(new Condition(null, ClockKind.CA_ACKNOWLEDGEMENT, 0.75, null, null, "KES", null), when.when());
        assertEquals(Span.parse("2d"), when.lasting());
        Inject unless = s.msel().get(1);
        assertTrue(unless.conditional() && unless.when() == null);
        assertEquals("a case EXECUTED, stream ald-to-kes, MLA", unless.unless().describe());
        assertEquals(java.util.Optional.of("INJ-01"), when.expectation().inject());
    }

    @Test
    @DisplayName("players: the played nodes reach the scenario; a node the world lacks is refused at its line, a node played twice too")
    void players_are_checked() {
        String yaml = VALID + """
                players:
                  - {node: KES-CA-MLA, name: Team Kessaly}
                  - node: KES-NCB
                """;
        LoadedScenario loaded = load(yaml);
        assertEquals(java.util.Set.of("KES-CA-MLA", "KES-NCB"), loaded.scenario().playedNodes());
        assertEquals("Team Kessaly", loaded.scenario().players().getFirst().name());
        ExerciseFileException unknown = assertThrows(ExerciseFileException.class,
                () -> loaded.requireNodesOf(java.util.Set.of("KES-CA-MLA", "KES-POC-247")));
        assertEquals("small.yaml:29:5: players[1].node: 'KES-NCB' is not a node of the world; its nodes there: "
                + "KES-CA-MLA, KES-POC-247", unknown.getMessage());
        ExerciseFileException twice = assertThrows(ExerciseFileException.class,
                () -> load(yaml.replace("node: KES-NCB", "node: KES-CA-MLA")));
        assertEquals("players[1].node", twice.field());
        assertEquals("players[0].node", assertThrows(ExerciseFileException.class,
                () -> load(yaml.replace("{node: KES-CA-MLA, name: Team Kessaly}", "{name: Team Kessaly}"))).field());
    }

    @Test
    @DisplayName("roster: trainer, player of a played node, service client of a state; each wrong scope refused at its field")
    void roster_is_checked() {
        String yaml = VALID + """
                players:
                  - {node: KES-CA-MLA}
                roster:
                  - {name: Exercise control, role: TRAINER}
                  - {name: Team Kessaly, role: PLAYER, node: KES-CA-MLA}
                  - {name: Aldoria case system, role: SERVICE, state: ALD, cleared: true}
                """;
        LoadedScenario loaded = load(yaml);
        assertEquals(3, loaded.scenario().roster().size());
        assertTrue(loaded.scenario().roster().get(0).clearedForConfidential(), "a trainer is always cleared");
        assertEquals(false, loaded.scenario().roster().get(1).clearedForConfidential());
        assertEquals("ALD", loaded.scenario().roster().get(2).scope());
        assertEquals("roster[1].node", assertThrows(ExerciseFileException.class,
                () -> load(yaml.replace("PLAYER, node: KES-CA-MLA", "PLAYER, node: KES-NCB"))).field(), "not a played node");
        assertEquals("roster[2].state", assertThrows(ExerciseFileException.class,
                () -> load(yaml.replace("state: ALD", "state: XYZ"))).field(), "not a state of the world");
        assertEquals("roster[0].node", assertThrows(ExerciseFileException.class,
                () -> load(yaml.replace("role: TRAINER}", "role: TRAINER, node: KES-CA-MLA}"))).field());
        assertEquals("roster[1].name", assertThrows(ExerciseFileException.class,
                () -> load(yaml.replace("Team Kessaly", "Exercise control"))).field(), "a name twice");
        assertEquals("roster[0].role", assertThrows(ExerciseFileException.class,
                () -> load(yaml.replace("role: TRAINER", "role: ADMIN"))).field());
    }

    @Test
    @DisplayName("a staff cut needs the officers left; the message points at the inject")
    void staff_cut_needs_officers() {
        String yaml = VALID.replace("kind: NODE_OUTAGE", "kind: STAFF_CUT");
        ExerciseFileException e = assertThrows(ExerciseFileException.class, () -> load(yaml));
        assertEquals("small.yaml", e.file());
        assertEquals("msel[0].parameters.officers", e.field());
        assertEquals(20, e.line());
        assertEquals(5, e.column());
        assertEquals("is required: officers left at work (>= 0)", e.problem());
    }

    @Test
    @DisplayName("probabilities above 1 in total are refused (consult before refusal needs grounds, UNTOC art. 18(21), 18(26))")
    void behaviour_probabilities_are_checked() {
        String yaml = VALID + """
                nodeBehaviour:
                  - match: {role: CA_MLA}
                    moreInfo: 0.5
                    partial: 0.4
                    refuse: 0.2
                    refusalGrounds: {NOT_IN_CONFORMITY: 1}
                """;
        ExerciseFileException e = assertThrows(ExerciseFileException.class, () -> load(yaml));
        assertEquals("nodeBehaviour[0].partial", e.field());
        String noGrounds = VALID + """
                nodeBehaviour:
                  - match: {role: CA_MLA}
                    refuse: 0.2
                """;
        assertEquals("nodeBehaviour[0].refusalGrounds", assertThrows(ExerciseFileException.class, () -> load(noGrounds)).field());
    }

    @Test
    @DisplayName("rule 10's procedure reaches the nodes, taken whole per entry with defaults; the renewal lead is checked against the period")
    void procedure_reaches_the_nodes() {
        String yaml = VALID + """
                nodeBehaviour:
                  - match: {role: CA_MLA}
                    conditions: 0.4
                    withdrawal: 0.1
                  - match: {role: POC_247}
                    preservationRenewals: 2
                    renewalLeadHours: 48
                """;
        var table = load(yaml).scenario().nodeBehaviourTable();
        var mla = table.resolve("KES-CA-MLA", "KES", org.rogatory.contracts.NodeRole.CA_MLA, 72).behaviour().procedure();
        assertEquals(new org.rogatory.authorities.domain.Procedure(0.4, 0.9, 240, 0.1, 720, 0, 168, 2160), mla);
        var poc = table.resolve("KES-POC-247", "KES", org.rogatory.contracts.NodeRole.POC_247, 72).behaviour().procedure();
        assertEquals(2, poc.preservationRenewals());
        assertEquals(48, poc.renewalLeadHours());
        assertEquals(2160, poc.preservationPeriodHours(), "the timer's default period");

        String tooLikely = VALID + """
                nodeBehaviour:
                  - match: {role: CA_MLA}
                    withdrawal: 1.5
                """;
        assertEquals("nodeBehaviour[0].withdrawal", assertThrows(ExerciseFileException.class, () -> load(tooLikely)).field());
        String leadTooLong = VALID.replace("clocks:\n", "clocks:\n  PRESERVATION_PERIOD: 60d\n") + """
                nodeBehaviour:
                  - match: {role: POC_247}
                    preservationRenewals: 1
                    renewalLeadHours: 1440
                """;
        assertEquals("nodeBehaviour[0].renewalLeadHours",
                assertThrows(ExerciseFileException.class, () -> load(leadTooLong)).field());
    }

    private static LoadedScenario load(String yaml) {
        return ScenarioLoader.load("small.yaml", yaml.getBytes(StandardCharsets.UTF_8), SCENARIOS);
    }
}
