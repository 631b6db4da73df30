package org.rogatory.simulator.exercise;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import org.rogatory.platform.yaml.YamlProblem;

/**
 * A validated scenario with its world resolved: a world file path (relative paths resolved
 * against the scenario file's folder) or the inline world tree, in the world-file format.
 *
 * @param nodeReferences every node id the scenario names (node behaviour, inject targets, metrics),
 *                       where it names it; checked by {@link #requireNodesOf} once the world is loaded
 */
public record LoadedScenario(String source, Scenario scenario, Optional<Path> worldFile, Optional<JsonNode> inlineWorld,
                             List<NodeReference> nodeReferences) {

    /** A node id written in the scenario file, in {@code field}, written at {@code at}. */
    public record NodeReference(String field, String nodeId, JsonLocation at) {
    }

    /** The world the scenario plays in: its world file, or the world written inline in the scenario. */
    public World world() {
        return worldFile().map(WorldLoader::load).orElseGet(() -> WorldLoader.load(source() + " (world)",
            inlineWorld().orElseThrow().toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The same exercise with another seed (the CLI's --seed): every random draw changes, nothing else. */
    public LoadedScenario withSeed(long seed) {
        Scenario s = scenario;
        return new LoadedScenario(source, new Scenario(s.name(), s.description(), seed, s.start(), s.durationDays(),
                s.world(), s.workload(), s.nodeBehaviour(), s.clocks(), s.expeditedExecution(), s.ladder(), s.ladders(),
                s.formalFollowUpDrafting(), s.msel(), s.outcomes(), s.players(), s.roster(), s.transport()),
                worldFile, inlineWorld, nodeReferences);
    }

    /**
     * Refuses a scenario that names a node the world does not have: a misspelled node in a metric
     * would otherwise read as 0 and pass its check, a misspelled inject target would fail mid-run.
     */
    public void requireNodesOf(Set<String> worldNodeIds) {
        for (NodeReference reference : nodeReferences) {
            if (!worldNodeIds.contains(reference.nodeId())) {
                String state = reference.nodeId().substring(0, reference.nodeId().indexOf('-') + 1);
                throw new ExerciseFileException(source, new YamlProblem(reference.field(), reference.at(),
                        "'" + reference.nodeId() + "' is not a node of the world; its nodes there: "
                                + worldNodeIds.stream().filter(id -> id.startsWith(state)).sorted().collect(Collectors.joining(", "))),
                        null);
            }
        }
    }
}
