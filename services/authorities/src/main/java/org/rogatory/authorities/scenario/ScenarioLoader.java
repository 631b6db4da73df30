package org.rogatory.authorities.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.rogatory.authorities.scenario.Scenario.ArrivalStream;
import org.rogatory.authorities.scenario.Scenario.Inject;
import org.rogatory.platform.yaml.YamlLocations;

/**
 * Reads and validates a scenario file before anything starts. Every problem is reported as
 * {@code file:line:column: field: problem}: unknown fields, wrong types, missing fields, bad
 * values, and references that do not resolve (a world file that does not exist, a state code
 * the world does not have).
 */
public final class ScenarioLoader {
    private static final YAMLFactory YAML = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(YAML)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    /** The international node lives in no state (world file, {@code interpol.generalSecretariat}). */
    private static final String INTERPOL = "INTERPOL";

    private ScenarioLoader() {
    }

    public static LoadedScenario load(Path file) {
        byte[] yaml;
        try {
            yaml = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario file " + file, e);
        }
        Path folder = file.toAbsolutePath().getParent();
        return load(file.getFileName().toString(), yaml, folder);
    }

    /**
     * @param source name used in messages (usually the file name)
     * @param folder folder a relative world file is resolved against
     */
    public static LoadedScenario load(String source, byte[] yaml, Path folder) {
        Scenario scenario;
        try {
            scenario = MAPPER.readValue(yaml, Scenario.class);
        } catch (JsonMappingException e) {
            throw mappingProblem(source, yaml, e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScenarioException(source, line(at), column(at), "(syntax)", e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + source, e);
        }
        YamlLocations locations = YamlLocations.of(YAML, yaml);
        try {
            scenario.validate();
        } catch (InvalidField e) {
            JsonLocation at = locations.nearest(e.field());
            throw new ScenarioException(source, line(at), column(at), e.field(), e.getMessage(), e);
        }
        return new References(source, locations, scenario, folder).resolve();
    }

    private static ScenarioException mappingProblem(String source, byte[] yaml, JsonMappingException e) {
        String path = path(e.getPath());
        YamlLocations locations = YamlLocations.of(YAML, yaml);
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            problem = "unknown field; allowed here: " + u.getKnownPropertyIds().stream().map(Object::toString).sorted().toList();
        } else if (e instanceof InvalidFormatException f) {
            problem = "'" + f.getValue() + "' is not " + describe(f.getTargetType());
            // a bad map key (an unknown clock name) is reported on the map; point at the key itself
            String key = path.isEmpty() ? String.valueOf(f.getValue()) : path + "." + f.getValue();
            if (locations.has(key)) {
                path = key;
            }
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            problem = "expected " + describe(m.getTargetType());
        } else if (e.getCause() instanceof IllegalArgumentException cause) {
            problem = cause.getMessage();
        } else {
            problem = e.getOriginalMessage();
        }
        JsonLocation at = locations.nearest(path);
        if (at == null) {
            at = e.getLocation();
        }
        return new ScenarioException(source, line(at), column(at), path.isEmpty() ? "(root)" : path, problem, e);
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Scenario.knownNames((Enum<?>[]) type.getEnumConstants());
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping (key: value lines)";
        }
        return "a " + type.getSimpleName();
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** {@code msel[2].until} → {@code /msel/2/until}, the parser's own pointer syntax. */
    private static int line(JsonLocation at) {
        return at == null ? 0 : at.getLineNr();
    }

    private static int column(JsonLocation at) {
        return at == null ? 0 : at.getColumnNr();
    }

    /** Checks that need the file's surroundings: the world file and the states and nodes it defines. */
    private static final class References {
        private final String source;
        private final Scenario scenario;
        private final Path folder;
        private final YamlLocations locations;

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
                    world = MAPPER.readTree(worldFile.get().toFile());
                } catch (IOException e) {
                    throw fail("world.file", "world file " + worldFile.get() + " is not readable YAML: " + e.getMessage());
                }
            } else {
                world = scenario.world().inline();
            }
            checkAgainst(states(world));
            return new LoadedScenario(source, scenario, worldFile, Optional.ofNullable(scenario.world().inline()));
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
            }
        }

        private void requireState(Set<String> states, String code, String field) {
            if (!states.contains(code)) {
                throw fail(field, "'" + code + "' is not a state of the world; states: "
                        + states.stream().filter(s -> !s.equals(INTERPOL)).collect(Collectors.joining(", ")));
            }
        }

        /** Node ids start with their state's code (ALD-CA-MLA, BRV-MOJ) or are INTERPOL's. */
        private void requireNodeState(Set<String> states, String nodeId, String field) {
            String prefix = nodeId.substring(0, nodeId.indexOf('-'));
            if (!states.contains(prefix)) {
                throw fail(field, "'" + nodeId + "' does not belong to a state of the world");
            }
        }

        private ScenarioException fail(String field, String problem) {
            JsonLocation at = locations.nearest(field);
            return new ScenarioException(source, line(at), column(at), field, problem, null);
        }
    }
}
