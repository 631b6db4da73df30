package org.rogatory.simulator.exercise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.rogatory.platform.yaml.YamlLocations;
import org.rogatory.platform.yaml.YamlProblem;

/** The one YAML rule set of exercise files, scenario and world alike. */
final class ExerciseYaml {
    /** A key written twice is a mistake, not an override. */
    static final YAMLFactory YAML = YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    static final ObjectMapper MAPPER = JsonMapper.builder(YAML)
            // world files write their policies in lower case (noLegalBasisPolicy: refuse | diplomatic)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ExerciseYaml() {
    }

    /** @param what the kind of file, for the message when it cannot be read ("scenario file") */
    static byte[] read(String what, Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw YamlProblem.unreadable(what, file, e);
        }
    }

    static YamlLocations locations(byte[] yaml) {
        return YamlLocations.of(YAML, yaml);
    }
}
