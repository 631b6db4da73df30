package org.rogatory.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import io.micronaut.web.router.Router;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.rogatory.contracts.CaseEvent;
import org.rogatory.contracts.Channel;
import org.rogatory.contracts.CheckStatus;
import org.rogatory.contracts.ClockTick;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.ExerciseState;
import org.rogatory.contracts.ExerciseStatus;
import org.rogatory.contracts.InjectKind;
import org.rogatory.contracts.InjectStatus;
import org.rogatory.contracts.OutcomeStatus;
import org.rogatory.contracts.RequestType;
import org.rogatory.platform.service.ServiceHost;
import org.rogatory.platform.service.StreamService;
import org.rogatory.platform.topics.TopicCatalogue;
import org.rogatory.platform.topics.Topics;
import org.rogatory.testing.Contracts;
import org.rogatory.timer.CaseTimerStream;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The OpenAPI document against the running gateway (embedded broker, case timer beside it): every
 * controller route is documented, every documented operation is called, and every answer (status,
 * content type, body) is one the document gives for that operation, its body valid against the
 * documented schema (networknt json-schema-validator, OpenAPI 3.0 dialect).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiResponsesTest {

    private static final String REGISTRY = "mock://openapi-responses-test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT_URI = "https://rogatory.invalid/api/v1/openapi.json";
    private static final String PLAYED = "KES-CA-MLA";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant TICK = T0.plus(Duration.ofHours(1));
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path state;

    private TestBroker broker;
    private ServiceHost host;
    private int port;
    private JsonNode document;
    private SchemaRegistry schemas;
    /** The operations called, as "method path-template". */
    private final Set<String> called = new TreeSet<>();

    @BeforeAll
    void start() throws Exception {
        broker = TestBroker.start(REGISTRY);
        CaseEvent routed = Contracts.routed("C-ROUTED", RequestType.MLA, Channel.CENTRAL_AUTHORITY, PLAYED, T0, false);
        try (KafkaProducer<String, Object> producer = broker.producer()) {
            for (DirectoryEntry node : List.of(TestBroker.node("ALD-CA-MLA", "ALD"), TestBroker.node(PLAYED, "KES"))) {
                producer.send(new ProducerRecord<>(Topics.DIRECTORY, node.getNodeId(), node)).get();
            }
            producer.send(new ProducerRecord<>(Topics.CASE_EVENTS, null, T0.toEpochMilli(), "C-ROUTED", routed)).get();
            for (int partition = 0; partition < TopicCatalogue.DEFAULT_PARTITIONS; partition++) {
                producer.send(new ProducerRecord<>(Topics.CLOCK, partition, TICK.toEpochMilli(), "test",
                    new ClockTick(TICK, "test", 1L))).get();
            }
            producer.send(new ProducerRecord<>(Topics.EXERCISE, Topics.EXERCISE_KEY, exercise())).get();
        }
        port = TestBroker.freePort();
        Map<String, Object> settings = new HashMap<>(GatewayConfiguration.properties(List.of(PLAYED)));
        for (String service : List.of(GatewayStream.NAME, CaseTimerStream.NAME)) {
            settings.put(StreamService.enabledProperty(service), true);
            settings.put("kafka.streams." + service + ".state.dir", state.toString());
        }
        settings.put("kafka.bootstrap.servers", broker.bootstrapServers());
        settings.put("kafka.schema.registry.url", REGISTRY);
        settings.put("micronaut.server.port", port);
        host = ServiceHost.start(settings, List.of(), true, Duration.ofMinutes(2));
        // the document as the gateway serves it, registered where its $refs resolve
        document = new ObjectMapper(new YAMLFactory()).readTree(send("GET", "/api/v1/openapi.yml", null).body());
        schemas = SchemaRegistry.withDialect(Dialects.getOpenApi30(),
            builder -> builder.schemas(Map.of(DOCUMENT_URI, document.toString())));
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", "/api/v1/cases/C-ROUTED", null).statusCode() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", "/api/v1/exercise", null).statusCode() == 200);
    }

    @AfterAll
    void stop() {
        host.close();
        broker.close();
    }

    @Test
    @DisplayName("every controller route under /api/v1 is in the document; every documented operation answers as documented")
    void everyOperationAnswersAsDocumented() throws Exception {
        Set<String> routes = new TreeSet<>();
        host.context().getBean(Router.class).uriRoutes()
            .map(route -> route.getHttpMethodName().toLowerCase(Locale.ROOT) + " " + route.getUriMatchTemplate())
            // Micronaut adds a HEAD route to every GET one; the document itself is not an operation of the API
            .filter(route -> route.contains(" /api/v1/") && !route.startsWith("head ") && !route.endsWith("/openapi.yml"))
            .forEach(routes::add);
        assertThat(routes).as("controller routes").isNotEmpty();
        assertThat(documentedOperations()).as("documented operations").containsAll(routes);

        String submission = """
            {"requestType":"MLA","instrument":"UNTOC","requestingState":"ALD","requestedState":"KES",
             "originNode":"ALD-CA-MLA","conductCategory":"ONLINE_FRAUD","nationalOffenceLabel":"wire fraud",
             "crimeArea":"FINANCIAL_CRIME_CORRUPTION","maxPenaltyYears":10,"language":"en","classification":"RESTRICTED"}""";
        check("POST", "/api/v1/requests", "/api/v1/requests", submission, 202);
        check("POST", "/api/v1/requests", "/api/v1/requests", "{\"requestType\": \"MLAA\"}", 400);
        check("POST", "/api/v1/requests", "/api/v1/requests", "\"" + "x".repeat(70_000) + "\"", 413);
        check("GET", "/api/v1/cases/{caseId}", "/api/v1/cases/C-ROUTED", null, 200);
        check("GET", "/api/v1/cases/{caseId}", "/api/v1/cases/NO-SUCH-CASE", null, 404);
        check("GET", "/api/v1/cases", "/api/v1/cases?limit=5", null, 200);
        check("GET", "/api/v1/cases", "/api/v1/cases?status=NOPE", null, 400);
        check("GET", "/api/v1/nodes", "/api/v1/nodes", null, 200);
        check("GET", "/api/v1/nodes/{node}/inbox", "/api/v1/nodes/" + PLAYED + "/inbox", null, 200);
        check("GET", "/api/v1/nodes/{node}/inbox", "/api/v1/nodes/KES-NOPE/inbox", null, 404);
        check("POST", "/api/v1/cases/{caseId}/actions", "/api/v1/cases/C-ROUTED/actions",
            "{\"node\": \"" + PLAYED + "\", \"status\": \"EXECUTED\"}", 409);
        check("POST", "/api/v1/cases/{caseId}/actions", "/api/v1/cases/C-ROUTED/actions", "{\"node\": \"ALD-CA-MLA\","
            + " \"status\": \"ACKNOWLEDGED\"}", 400);
        check("POST", "/api/v1/cases/{caseId}/actions", "/api/v1/cases/NO-SUCH-CASE/actions",
            "{\"node\": \"" + PLAYED + "\", \"status\": \"ACKNOWLEDGED\"}", 404);
        check("POST", "/api/v1/cases/{caseId}/actions", "/api/v1/cases/C-ROUTED/actions",
            "{\"node\": \"" + PLAYED + "\", \"status\": \"ACKNOWLEDGED\"}", 202);
        check("GET", "/api/v1/events", "/api/v1/events?node=" + PLAYED, null, 200);
        check("GET", "/api/v1/events", "/api/v1/events", null, 400, Map.of(EventsController.LAST_EVENT_ID, "not-a-position"));
        check("GET", "/api/v1/session", "/api/v1/session", null, 200);
        check("GET", "/api/v1/exercise", "/api/v1/exercise", null, 200);
        check("POST", "/api/v1/exercise/pause", "/api/v1/exercise/pause", null, 202);
        check("POST", "/api/v1/exercise/resume", "/api/v1/exercise/resume", null, 409);
        check("POST", "/api/v1/exercise/end", "/api/v1/exercise/end", null, 202);
        check("PUT", "/api/v1/exercise/speed", "/api/v1/exercise/speed", "{\"factor\": 7200}", 202);
        check("PUT", "/api/v1/exercise/speed", "/api/v1/exercise/speed", "{\"factor\": \"fast\"}", 400);
        check("POST", "/api/v1/exercise/injects/{injectId}/fire", "/api/v1/exercise/injects/INJ-01/fire", null, 202);
        check("POST", "/api/v1/exercise/injects/{injectId}/fire", "/api/v1/exercise/injects/INJ-99/fire", null, 404);
        check("POST", "/api/v1/exercise/injects", "/api/v1/exercise/injects", "{\"kind\": \"NODE_OUTAGE\", \"target\": \""
            + PLAYED + "\", \"lasting\": \"2d\"}", 202);
        check("POST", "/api/v1/exercise/injects", "/api/v1/exercise/injects", "{\"kind\": \"SURGE\", \"target\": \"x\"}", 400);
        check("POST", "/api/v1/exercise/designations", "/api/v1/exercise/designations", "{\"node\": \"" + PLAYED
            + "\", \"handles\": [\"MLA\", \"EXTRADITION\"]}", 202);
        check("POST", "/api/v1/exercise/designations", "/api/v1/exercise/designations",
            "{\"node\": \"KES-NOPE\", \"handles\": [\"MLA\"]}", 404);
        check("POST", "/api/v1/exercise/designations", "/api/v1/exercise/designations",
            "{\"node\": \"" + PLAYED + "\", \"handles\": []}", 400);
        check("POST", "/api/v1/exercise/ratifications", "/api/v1/exercise/ratifications",
            "{\"state\": \"KES\", \"instrument\": \"UNTOC\"}", 202);
        check("POST", "/api/v1/exercise/ratifications", "/api/v1/exercise/ratifications",
            "{\"state\": \"NOP\", \"instrument\": \"UNTOC\"}", 404);
        check("POST", "/api/v1/exercise/ratifications", "/api/v1/exercise/ratifications",
            "{\"state\": \"KES\", \"instrument\": \"NONE\"}", 400);

        assertThat(called).as("documented operations called").containsExactlyInAnyOrderElementsOf(documentedOperations());
    }

    @Test
    @DisplayName("each schema is in the document once: no two components alike under two names")
    void eachSchemaOnce() {
        Map<JsonNode, String> seen = new HashMap<>();
        document.path("components").path("schemas").properties().forEach(schema -> {
            String twin = seen.putIfAbsent(schema.getValue(), schema.getKey());
            assertThat(twin).as("%s is %s again", schema.getKey(), twin).isNull();
        });
        assertThat(seen).as("schemas").hasSizeGreaterThan(10);
    }

    /** Calls the operation and checks the answer against what the document says of it. */
    private void check(String method, String template, String path, String body, int expected) throws Exception {
        check(method, template, path, body, expected, Map.of());
    }

    private void check(String method, String template, String path, String body, int expected, Map<String, String> headers)
            throws Exception {
        String operation = method.toLowerCase(Locale.ROOT) + " " + template;
        called.add(operation);
        Answer answer = "/api/v1/events".equals(template) ? firstEvent(path, headers) : answer(method, path, body, headers);
        assertThat(answer.status()).as("%s %s: %s", method, path, answer.body()).isEqualTo(expected);
        JsonNode response = document.path("paths").path(template).path(method.toLowerCase(Locale.ROOT))
            .path("responses").path(String.valueOf(answer.status()));
        assertThat(response.isObject()).as("%s documents %d", operation, answer.status()).isTrue();
        JsonNode content = response.path("content").path(answer.contentType());
        assertThat(content.isObject()).as("%s %d documents %s (documented: %s)", operation, answer.status(),
            answer.contentType(), response.path("content")).isTrue();
        if (!answer.contentType().endsWith("json")) {
            return;
        }
        String pointer = "/paths/" + escape(template) + "/" + method.toLowerCase(Locale.ROOT) + "/responses/" + answer.status()
            + "/content/" + escape(answer.contentType()) + "/schema";
        List<Error> errors = schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + pointer))
            .validate(answer.body(), InputFormat.JSON);
        assertThat(errors).as("%s %d: %s against %s", operation, answer.status(), answer.body(), pointer).isEmpty();
        assertThat(answer.body()).as("a page with items, so that their schema is checked too").doesNotContain("\"items\":[]");
    }

    private record Answer(int status, String contentType, String body) {
    }

    private Answer answer(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpResponse<String> answer = send(method, path, body, headers);
        return new Answer(answer.statusCode(), mediaType(answer.headers().firstValue("Content-Type").orElse("")), answer.body());
    }

    /** A live stream's status, content type and first event (then the stream is closed). */
    private Answer firstEvent(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HttpResponse<InputStream> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            StringBuilder body = new StringBuilder();
            String contentType = mediaType(answer.headers().firstValue("Content-Type").orElse(""));
            if (answer.statusCode() != 200) {
                lines.lines().forEach(body::append);
                return new Answer(answer.statusCode(), contentType, body.toString());
            }
            for (String line = lines.readLine(); line != null && !line.isEmpty(); line = lines.readLine()) {
                body.append(line).append('\n');
            }
            assertThat(body.toString()).as("the first event").contains("opened");
            return new Answer(200, contentType, body.toString());
        }
    }

    private List<String> documentedOperations() {
        List<String> operations = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                operations.add(methods.next() + " " + path.getKey());
            }
        });
        return operations;
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, Map.of());
    }

    private HttpResponse<String> send(String method, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String mediaType(String contentType) {
        return contentType.split(";")[0].trim();
    }

    /** A JSON pointer's segment (RFC 6901). */
    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }

    /** A running exercise whose MSEL holds one node outage a trainer may fire now. */
    private static ExerciseStatus exercise() {
        Instant start = Instant.parse("2026-03-02T00:00:00Z");
        return ExerciseStatus.newBuilder().setScenario("openapi").setSeed(7L).setState(ExerciseState.RUNNING).setSpeed(3600)
            .setSimulatedTime(TICK).setStartAt(start).setEndAt(start.plus(Duration.ofDays(30)))
            .setInjects(List.of(InjectStatus.newBuilder().setId("INJ-01").setKind(InjectKind.NODE_OUTAGE).setTarget(PLAYED)
                .setAt(start.plus(Duration.ofDays(3))).setConditional(false).setFiredAt(null).setFiredByTrainer(false)
                .setFireable(true).setExpected("the requests wait or go to the 24/7 point")
                .setCheck(CheckStatus.newBuilder().setMetric("injects.INJ-01.fired").setAtLeast(1.0).setAtMost(null)
                    .setObserved(0).setMet(false).build()).build(),
                InjectStatus.newBuilder().setId("ADHOC-1").setKind(InjectKind.STAFF_CUT).setTarget(PLAYED)
                .setAt(start).setConditional(false).setFiredAt(start).setFiredByTrainer(true)
                .setFireable(false).setExpected("").build()))
            .setOutcomes(List.of(OutcomeStatus.newBuilder().setExpected("some MLA requests").setCheck(CheckStatus.newBuilder()
                .setMetric("requests.MLA").setAtLeast(null).setAtMost(56.0).setObserved(3).setMet(true).build()).build()))
            .setLastCommandId(null).setLastCommandRefusal(null).build();
    }
}
