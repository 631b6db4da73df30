package org.rogatory.simulator.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseView;
import org.rogatory.simulator.cli.GatewayClient;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.report.ExerciseReport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A live exercise ({@code play}) driven over HTTP as a trainer and a player would: the shipped
 * players-drill, Kessaly's central authority played by a script through the gateway, the rest
 * simulated. Pause holds simulated time; an MSEL inject fired early fires at the pause's instant;
 * commands the status refuses are 409 or 400 naming the field; the player's acknowledgements
 * reach the cases and the report's response times; the trainer's end writes the report of the
 * days played.
 */
class PlayIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PLAYED = "KES-CA-MLA";
    private static final String DESIGNATED = "KES-CA-EXT";
    private static final Duration WITHIN = Duration.ofMinutes(2);

    @Test
    @DisplayName("a trainer pauses, fires an inject early, moves a designation, resumes and ends; a scripted player answers its inbox; the report and the routing show it")
    void trainerAndPlayerOverHttp() throws Exception {
        LoadedScenario scenario = ScenarioLoader.load(ScenarioOutcomesIT.SCENARIOS.resolve("players-drill.yaml"));
        Instant start = scenario.scenario().startAt();
        int port = freePort();
        CompletableFuture<URL> serving = new CompletableFuture<>();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            // 6 simulated hours per wall second: a day in 4 s, whatever the barrier costs on a busy machine
            Future<ExerciseResult> played = runner.submit(() -> new ExerciseRunner().play(new ExerciseRunner.Options(scenario,
                scenario.world(), new RunSpeed(21_600), null, null, false), Duration.ofHours(1), port, serving::complete, ended -> { }));
            URL url = serving.get(3, TimeUnit.MINUTES);
            try (GatewayClient api = new GatewayClient(url.toString().replaceAll("/$", "") + "/api/v1")) {
                // a day in, so that requests have reached the played node
                JsonNode running = awaitStatus(api, s -> Instant.parse(s.get("simulatedTime").asText())
                    .isAfter(start.plus(Duration.ofDays(1))));
                assertThat(running.get("state").asText()).isEqualTo("RUNNING");

                String pause = accepted(api.send("POST", "/exercise/pause", null));
                JsonNode paused = awaitStatus(api, s -> pause.equals(s.path("lastCommandId").asText()));
                assertThat(paused.get("state").asText()).isEqualTo("PAUSED");
                Instant pausedAt = Instant.parse(paused.get("simulatedTime").asText());
                assertThat(api.send("POST", "/exercise/pause", null).statusCode()).isEqualTo(409);

                // the player answers its inbox while time stands still
                List<String> answered = new ArrayList<>();
                for (JsonNode item : JSON.readTree(ok(api.get("/nodes/" + PLAYED + "/inbox"))).get("items")) {
                    if (item.get("allowedActions").toString().contains("\"ACKNOWLEDGED\"")) {
                        String caseId = item.get("caseId").asText();
                        // a scenario's case ids hold '/': one path segment, percent-encoded
                        accepted(api.send("POST", "/cases/" + URLEncoder.encode(caseId, StandardCharsets.UTF_8) + "/actions",
                            "{\"node\": \"" + PLAYED + "\", \"status\": \"ACKNOWLEDGED\"}"));
                        answered.add(caseId);
                    }
                }
                assertThat(answered).as("cases delivered to the played node by day 1").isNotEmpty();

                // INJ-02 is due at day 5: fired now, it starts at the paused instant
                accepted(api.send("POST", "/exercise/injects/INJ-02/fire", null));
                assertThat(api.send("POST", "/exercise/injects/NO-SUCH/fire", null).statusCode()).isEqualTo(404);
                HttpResponse<String> badSpeed = api.send("PUT", "/exercise/speed", "{\"factor\": 0}");
                assertThat(badSpeed.statusCode()).isEqualTo(400);
                assertThat(badSpeed.body()).contains("\"field\":\"factor\"");
                HttpResponse<String> badTarget = api.send("POST", "/exercise/injects",
                    "{\"kind\": \"NODE_OUTAGE\", \"target\": \"NOWHERE-CA\", \"lasting\": \"12h\"}");
                assertThat(badTarget.statusCode()).isEqualTo(400);
                assertThat(badTarget.body()).contains("\"field\":\"target\"");

                // Kessaly moves MLA to its extradition authority: withdrawn and designated through the API
                String withdrawn = accepted(api.send("POST", "/exercise/designations",
                    "{\"node\": \"" + PLAYED + "\", \"handles\": [\"MLA\"], \"active\": false}"));
                String designated = accepted(api.send("POST", "/exercise/designations",
                    "{\"node\": \"" + DESIGNATED + "\", \"handles\": [\"EXTRADITION\", \"PROVISIONAL_ARREST\", \"MLA\"]}"));
                assertThat(withdrawn).isNotEqualTo(designated);
                HttpResponse<String> unknownNode = api.send("POST", "/exercise/designations",
                    "{\"node\": \"KES-NOWHERE\", \"handles\": [\"MLA\"]}");
                assertThat(unknownNode.statusCode()).isEqualTo(404);
                assertThat(unknownNode.body()).contains("\"field\":\"node\"");
                HttpResponse<String> badInstrument = api.send("POST", "/exercise/ratifications",
                    "{\"state\": \"KES\", \"instrument\": \"BILATERAL_TREATY\"}");
                assertThat(badInstrument.statusCode()).isEqualTo(400);
                assertThat(badInstrument.body()).contains("\"field\":\"instrument\"");

                // carried out while paused, in force from the start of the step after next (steps of an hour)
                Instant moved = pausedAt.plus(Duration.ofHours(2));
                JsonNode changed = awaitStatus(api, s -> designated.equals(s.path("lastCommandId").asText()));
                assertThat(changed.path("lastCommandRefusal").isNull()).as(changed.toString()).isTrue();
                assertThat(inject(changed, "ADHOC-2").get("kind").asText()).isEqualTo("DESIGNATION");
                assertThat(Instant.parse(inject(changed, "ADHOC-2").get("firedAt").asText())).isEqualTo(moved);

                // paused: for 1.5 s no step passes, simulated time stays where it stopped
                JsonNode stillPaused = await().during(Duration.ofMillis(1_500)).atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                    .until(() -> status(api), status -> "PAUSED".equals(status.get("state").asText())
                        && Instant.parse(status.get("simulatedTime").asText()).equals(pausedAt));
                assertThat(stillPaused.get("state").asText()).isEqualTo("PAUSED");
                assertThat(Instant.parse(stillPaused.get("simulatedTime").asText())).isEqualTo(pausedAt);
                JsonNode fired = inject(stillPaused, "INJ-02");
                assertThat(fired.get("firedByTrainer").asBoolean()).isTrue();
                assertThat(Instant.parse(fired.get("firedAt").asText())).isEqualTo(pausedAt);
                assertThat(api.send("POST", "/exercise/injects/INJ-02/fire", null).statusCode()).isEqualTo(409);

                String resume = accepted(api.send("POST", "/exercise/resume", null));
                awaitStatus(api, s -> resume.equals(s.path("lastCommandId").asText()) && "RUNNING".equals(s.get("state").asText()));
                awaitStatus(api, s -> Instant.parse(s.get("simulatedTime").asText()).isAfter(pausedAt.plus(Duration.ofHours(36))));
                accepted(api.send("POST", "/exercise/end", null));

                ExerciseResult result = played.get(3, TimeUnit.MINUTES);
                ExerciseReport report = result.report();
                assertThat(report.simulatedDays()).isGreaterThan(1.5).isLessThan(scenario.scenario().durationDays());
                ExerciseReport.InjectLine inj02 = report.injects().stream().filter(i -> i.id().equals("INJ-02")).findFirst()
                    .orElseThrow();
                assertThat(Instant.parse(inj02.firedAt())).isEqualTo(pausedAt);
                ExerciseReport.PlayerLine player = report.players().getFirst();
                assertThat(player.node()).isEqualTo(PLAYED);
                assertThat(player.answered()).isEqualTo(answered.size());
                assertThat(player.actions()).isEqualTo(answered.size());
                assertThat(player.firstResponseP50Hours()).isPositive();
                assertThat(result.cases()).filteredOn(view -> answered.contains(view.getCaseId()))
                    .allSatisfy(view -> assertThat(view.getStatusTimes()).containsEntry("ACKNOWLEDGED", pausedAt));
                // the fraud MLA requests: to the played node until the change, to the newly designated one from it
                List<CaseView> fraud = result.cases().stream()
                    .filter(view -> view.getCaseId().startsWith("players-drill/ald-to-kes-fraud-mla/"))
                    .filter(view -> view.getStatusTimes().containsKey("ROUTED")).toList();
                assertThat(fraud).filteredOn(view -> view.getStatusTimes().get("ROUTED").isBefore(moved))
                    .isNotEmpty().allSatisfy(view -> assertThat(view.getHandlingNode()).isEqualTo(PLAYED));
                assertThat(fraud).filteredOn(view -> !view.getStatusTimes().get("ROUTED").isBefore(moved))
                    .isNotEmpty().allSatisfy(view -> assertThat(view.getHandlingNode()).isEqualTo(DESIGNATED));
            }
        } finally {
            runner.shutdownNow();
        }
    }

    private static JsonNode awaitStatus(GatewayClient api, java.util.function.Predicate<JsonNode> condition) {
        return await().atMost(WITHIN).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
            .until(() -> status(api), condition::test);
    }

    private static JsonNode status(GatewayClient api) throws IOException, InterruptedException {
        return JSON.readTree(ok(api.get("/exercise")));
    }

    private static JsonNode inject(JsonNode status, String id) {
        for (JsonNode inject : status.get("injects")) {
            if (inject.get("id").asText().equals(id)) {
                return inject;
            }
        }
        throw new AssertionError("no inject " + id + " in " + status);
    }

    private static String ok(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    /** The command's id (or, for an action, the body) of a 202. */
    private static String accepted(HttpResponse<String> answer) throws IOException {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        return JSON.readTree(answer.body()).path("commandId").asText();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
