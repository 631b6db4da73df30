package org.rogatory.simulator.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rogatory.simulator.report.ReportWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What two runs of one scenario and seed must agree on, wherever they ran (docs/determinism.md). */
public final class ReportAggregates {

    private ReportAggregates() {
    }

    /** report.json and cases.csv as written, without the wall-clock "run" block. */
    public static JsonNode of(ExerciseResult result) throws IOException {
        Path dir = Files.createTempDirectory("report-aggregates");
        ReportWriter.write(result.report(), result.cases(), dir);
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(dir.resolve("report.json").toFile());
        json.remove("run");
        json.put("casesCsv", Files.readString(dir.resolve("cases.csv")));
        return json;
    }
}
