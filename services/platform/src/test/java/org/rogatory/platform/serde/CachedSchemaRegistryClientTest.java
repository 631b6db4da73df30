package org.rogatory.platform.serde;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.CaseEvent;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client's side of the REST protocol (paths, content type, error bodies) and its caching,
 * checked against a recording HTTP endpoint. The registry itself is tested in its own module.
 */
class CachedSchemaRegistryClientTest {

    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private String url;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String schemaJson = com.fasterxml.jackson.databind.node.TextNode.valueOf(CaseEvent.getClassSchema().toString()).toString();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            calls.add(exchange.getRequestMethod() + " " + path + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            switch (exchange.getRequestMethod() + " " + path) {
                case "POST /subjects/coop.case-events-value/versions" -> reply(exchange, 200, "{\"id\":41}");
                case "GET /schemas/ids/41" -> reply(exchange, 200, "{\"schema\":" + schemaJson + "}");
                default -> reply(exchange, 404, "{\"error_code\":40401,\"message\":\"Subject 'x' not found.\"}");
            }
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void oneHttpCallPerSchemaNotPerRecord() {
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url, AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(config, false);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(config, false);
        for (int i = 0; i < 100; i++) {
            CaseEvent event = SampleEvents.caseEvent("C-" + i);
            assertEquals(event, deserializer.deserialize("coop.case-events", serializer.serialize("coop.case-events", event)));
        }
        // The serializer registered once; the deserializer found the id in the shared client's cache.
        assertEquals(List.of("POST /subjects/coop.case-events-value/versions application/vnd.schemaregistry.v1+json"), calls);
    }

    @Test
    void fetchesUnknownIdsOnceAndReadsConfluentErrorBodies() {
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(url);
        Schema schema = client.getById(41);
        assertEquals(schema, client.getById(41));
        assertEquals(1, calls.size());
        SchemaRegistryException e = assertThrows(SchemaRegistryException.class, () -> client.getLatest("x"));
        assertEquals(404, e.status());
        assertEquals(40401, e.errorCode());
    }

    @Test
    void triesTheNextUrlWhenOneIsUnreachable() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient("http://127.0.0.1:" + closedPort + "," + url);
        assertEquals(CaseEvent.getClassSchema(), client.getById(41));
    }

    @Test
    void unreachableRegistrySaysWhere() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var e = assertThrows(SchemaRegistryException.class,
            () -> new CachedSchemaRegistryClient("http://127.0.0.1:" + closedPort).getById(1));
        assertTrue(e.getMessage().contains("unreachable at [http://127.0.0.1:" + closedPort), e.getMessage());
    }
}
