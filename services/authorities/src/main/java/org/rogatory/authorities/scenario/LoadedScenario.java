package org.rogatory.authorities.scenario;

import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A validated scenario with its world resolved: a world file path (relative paths resolved
 * against the scenario file's folder) or the inline world tree, in the world-file format.
 */
public record LoadedScenario(String source, Scenario scenario, Optional<Path> worldFile, Optional<JsonNode> inlineWorld) {

    /** The same exercise with another seed (the CLI's --seed): every random draw changes, nothing else. */
    public LoadedScenario withSeed(long seed) {
        Scenario s = scenario;
        return new LoadedScenario(source, new Scenario(s.name(), s.description(), seed, s.start(), s.durationDays(),
                s.world(), s.workload(), s.nodeBehaviour(), s.clocks(), s.ladder(), s.msel(), s.outcomes()),
                worldFile, inlineWorld);
    }
}
