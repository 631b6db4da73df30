package org.rogatory.authorities.scenario;

import java.nio.file.Path;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A validated scenario with its world resolved: a world file path (relative paths resolved
 * against the scenario file's folder) or the inline world tree, in the world-file format.
 */
public record LoadedScenario(String source, Scenario scenario, Optional<Path> worldFile, Optional<JsonNode> inlineWorld) {
}
