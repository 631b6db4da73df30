package org.rogatory.simulator.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.report.ReportWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** docs/determinism.md: same scenario and seed, same report.json apart from "run"; another seed, other numbers. */
class DeterminismIT {

    @Test
    @DisplayName("the same seed twice gives identical report.json and cases.csv; another seed gives different numbers")
    void sameSeedSameReport() throws IOException {
        LoadedScenario scenario = ScenarioLoader.load(ScenarioOutcomesIT.SCENARIOS.resolve("informal-to-formal.yaml"));
        JsonNode first = written(scenario, "first");
        JsonNode second = written(scenario, "second");
        JsonNode reseeded = written(scenario.withSeed(scenario.scenario().seed() + 1), "reseeded");

        assertEquals(withoutRun(first), withoutRun(second));
        assertNotEquals(withoutRun(first).get("metrics"), withoutRun(reseeded).get("metrics"));
        assertEquals(scenario.scenario().seed() + 1, reseeded.get("seed").asLong());
    }

    private static JsonNode written(LoadedScenario scenario, String name) throws IOException {
        ExerciseResult result = ScenarioOutcomesIT.play(scenario);
        Path dir = Files.createTempDirectory("determinism-" + name);
        ReportWriter.write(result.report(), result.cases(), dir);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        json.put("casesCsv", Files.readString(dir.resolve("cases.csv")));
        return json;
    }

    private static JsonNode withoutRun(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove("run");
        return copy;
    }
}
