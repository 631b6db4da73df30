package org.rogatory.simulator.exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.rogatory.simulator.exercise.Scenario.ArrivalStream;
import org.rogatory.simulator.exercise.LoadedScenario.NodeReference;
import org.rogatory.simulator.exercise.Scenario.Inject;
import org.rogatory.platform.yaml.YamlLocations;
import org.rogatory.platform.yaml.YamlProblem;

/**
 * Reads and validates a scenario file before anything starts. Every problem is reported as
 * {@code file:line:column: field: problem}: unknown fields, wrong types, missing fields, bad
 * values, and references that do not resolve (a world file that does not exist, a state code
 * the world does not have).
 */
public final class ScenarioLoader {
    /** The international node lives in no state (world file, {@code interpol.generalSecretariat}). */
    private static final String INTERPOL = "INTERPOL";

    private ScenarioLoader() {
    }

    public static LoadedScenario load(Path file) {
        byte[] yaml = ExerciseYaml.read("scenario file", file);
        return load(file.getFileName().toString(), yaml, file.toAbsolutePath().getParent());
    }

    /**
     * @param source name used in messages (usually the file name)
     * @param folder folder a relative world file is resolved against
     */
    public static LoadedScenario load(String source, byte[] yaml, Path folder) {
        Scenario scenario;
        try {
            scenario = ExerciseYaml.MAPPER.readValue(yaml, Scenario.class);
        } catch (JsonProcessingException e) {
            throw new ExerciseFileException(source, YamlProblem.of(e, ExerciseYaml.locations(yaml)), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + source, e);
        }
        YamlLocations locations = ExerciseYaml.locations(yaml);
        try {
            scenario.validate();
        } catch (InvalidField e) {
            throw new ExerciseFileException(source, new YamlProblem(e.field(), locations.nearest(e.field()), e.getMessage()), e);
        }
        return new References(source, locations, scenario, folder).resolve();
    }

    /** Checks that need the file's surroundings: the world file and the states and nodes it defines. */
    private static final class References {
        private final String source;
        private final Scenario scenario;
        private final Path folder;
        private final YamlLocations locations;
        private final List<NodeReference> nodes = new ArrayList<>();

        References(String source, YamlLocations locations, Scenario scenario, Path folder) {
            this.source = source;
            this.scenario = scenario;
            this.folder = folder;
            this.locations = locations;
        }

        LoadedScenario resolve() {
            Optional<Path> worldFile = Optional.ofNullable(scenario.world().file()).map(folder::resolve).map(Path::normalize);
            JsonNode world;
            if (worldFile.isPresent()) {
                if (!Files.isRegularFile(worldFile.get())) {
                    throw fail("world.file", "world file " + worldFile.get() + " does not exist");
                }
                try {
                    world = ExerciseYaml.MAPPER.readTree(worldFile.get().toFile());
                } catch (JsonProcessingException e) {
                    // the mistake is in the world file: point there
                    throw new ExerciseFileException(worldFile.get().getFileName().toString(), YamlProblem.syntax(e), e);
                } catch (IOException e) {
                    throw fail("world.file", "world file " + worldFile.get() + " cannot be read: " + e.getMessage());
                }
            } else {
                world = scenario.world().inline();
            }
            checkAgainst(states(world));
            return new LoadedScenario(source, scenario, worldFile, Optional.ofNullable(scenario.world().inline()), List.copyOf(nodes));
        }

        /** State codes of the world ({@code states[].code}); its full validation is the world loader's. */
        private static Set<String> states(JsonNode world) {
            Set<String> codes = new LinkedHashSet<>();
            world.path("states").forEach(state -> codes.add(state.path("code").asText()));
            codes.add(INTERPOL);
            return codes;
        }

        private void checkAgainst(Set<String> states) {
            List<ArrivalStream> workload = scenario.workload();
            for (int i = 0; i < workload.size(); i++) {
                requireState(states, workload.get(i).from(), "workload[" + i + "].from");
                requireState(states, workload.get(i).to(), "workload[" + i + "].to");
            }
            for (int i = 0; i < scenario.nodeBehaviour().size(); i++) {
                Scenario.Match match = scenario.nodeBehaviour().get(i).match();
                if (match.state() != null) {
                    requireState(states, match.state(), "nodeBehaviour[" + i + "].match.state");
                }
                if (match.node() != null) {
                    requireNodeState(states, match.node(), "nodeBehaviour[" + i + "].match.node");
                }
            }
            for (int i = 0; i < scenario.msel().size(); i++) {
                Inject inject = scenario.msel().get(i);
                String at = "msel[" + i + "]";
                switch (inject.kind()) {
                    case NODE_OUTAGE, STAFF_CUT, DESIGNATION -> requireNodeState(states, inject.target(), at + ".target");
                    case DIRECTORY_ERROR -> {
                        requireNodeState(states, inject.target(), at + ".target");
                        requireNodeState(states, inject.parameters().get("misroutesTo"), at + ".parameters.misroutesTo");
                    }
                    case RATIFICATION -> requireState(states, inject.target(), at + ".target");
                    case CHANNEL_OUTAGE, SURGE, UNKNOWN -> {
                        // channels are a closed list and surges name a stream: both checked on the record
                    }
                }
                requireMetricNode(states, inject.expectation(), at + ".expectation.metric");
                requireConditionStates(states, inject.when(), at + ".when");
                requireConditionStates(states, inject.unless(), at + ".unless");
            }
            for (int i = 0; i < scenario.outcomes().size(); i++) {
                requireMetricNode(states, scenario.outcomes().get(i).expectation(), "outcomes[" + i + "].expectation.metric");
            }
            for (int i = 0; i < scenario.players().size(); i++) {
                requireNodeState(states, scenario.players().get(i).node(), "players[" + i + "].node");
            }
            for (int i = 0; i < scenario.roster().size(); i++) {
                if (scenario.roster().get(i).state() != null) {
                    requireState(states, scenario.roster().get(i).state(), "roster[" + i + "].state");
                }
            }
        }

        private void requireConditionStates(Set<String> states, Condition condition, String field) {
            if (condition != null && condition.from() != null) {
                requireState(states, condition.from(), field + ".from");
            }
            if (condition != null && condition.to() != null) {
                requireState(states, condition.to(), field + ".to");
            }
        }

        private void requireMetricNode(Set<String> states, Scenario.Expectation expectation, String field) {
            expectation.node().ifPresent(node -> requireNodeState(states, node, field));
        }

        private void requireState(Set<String> states, String code, String field) {
            if (!states.contains(code)) {
                throw fail(field, "'" + code + "' is not a state of the world; states: "
                        + states.stream().filter(s -> !s.equals(INTERPOL)).collect(Collectors.joining(", ")));
            }
        }

        /**
         * Node ids start with their state's code (ALD-CA-MLA, BRV-MOJ) or are INTERPOL's; whether
         * the world has the node itself is known once the world loader has read it (default ids).
         */
        private void requireNodeState(Set<String> states, String nodeId, String field) {
            String prefix = nodeId.substring(0, nodeId.indexOf('-'));
            if (!states.contains(prefix)) {
                throw fail(field, "'" + nodeId + "' does not belong to a state of the world");
            }
            nodes.add(new NodeReference(field, nodeId, locations.nearest(field)));
        }

        private ExerciseFileException fail(String field, String problem) {
            return new ExerciseFileException(source, new YamlProblem(field, locations.nearest(field), problem), null);
        }
    }
}
