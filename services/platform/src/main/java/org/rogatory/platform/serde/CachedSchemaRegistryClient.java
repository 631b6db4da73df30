package org.rogatory.platform.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * HTTP client of the Confluent Schema Registry REST API with caches, so that serializing or
 * deserializing a record costs no HTTP call once its schema is known. Several base URLs may be
 * given (comma-separated, as Confluent's {@code schema.registry.url}); they are tried in turn.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<URI> baseUrls;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Map<Schema, Integer>> idsBySubject = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public CachedSchemaRegistryClient(String urls) {
        this.baseUrls = java.util.Arrays.stream(urls.split(","))
            .map(String::trim).filter(s -> !s.isEmpty())
            .map(s -> URI.create(s.endsWith("/") ? s : s + "/"))
            .toList();
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("schema.registry.url is empty");
        }
    }

    @Override
    public int register(String subject, Schema schema) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
            .computeIfAbsent(schema, s -> {
                int id = post("subjects/" + encode(subject) + "/versions", schema).get("id").asInt();
                schemasById.putIfAbsent(id, schema);
                return id;
            });
    }

    @Override
    public int getId(String subject, Schema schema) {
        return idsBySubject.computeIfAbsent(subject, s -> new ConcurrentHashMap<>())
            .computeIfAbsent(schema, s -> {
                int id = post("subjects/" + encode(subject), schema).get("id").asInt();
                schemasById.putIfAbsent(id, schema);
                return id;
            });
    }

    @Override
    public Schema getById(int id) {
        return schemasById.computeIfAbsent(id, i -> parse(get("schemas/ids/" + i).get("schema").asText()));
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        // Not cached: "latest" changes as schemas evolve; callers cache per their own policy.
        JsonNode node = get("subjects/" + encode(subject) + "/versions/latest");
        Schema schema = parse(node.get("schema").asText());
        int id = node.get("id").asInt();
        schemasById.putIfAbsent(id, schema);
        return new RegisteredSchema(subject, node.get("version").asInt(), id, schema);
    }

    private static Schema parse(String text) {
        return new Schema.Parser().parse(text);
    }

    private static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode post(String path, Schema schema) {
        String body = JSON.createObjectNode().put("schema", schema.toString()).toString();
        return send(path, HttpRequest.BodyPublishers.ofString(body), "POST");
    }

    private JsonNode get(String path) {
        return send(path, HttpRequest.BodyPublishers.noBody(), "GET");
    }

    private JsonNode send(String path, HttpRequest.BodyPublisher body, String method) {
        IOException last = null;
        for (URI base : baseUrls) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", CONTENT_TYPE)
                .header("Accept", CONTENT_TYPE + ", application/json")
                .method(method, body)
                .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                JsonNode json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
                if (response.statusCode() / 100 != 2) {
                    throw new SchemaRegistryException(response.statusCode(),
                        json.path("error_code").asInt(response.statusCode()),
                        json.path("message").asText(response.body()));
                }
                return json;
            } catch (IOException e) {
                last = e; // this registry is unreachable: try the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SchemaRegistryException("interrupted while calling the schema registry", e);
            }
        }
        throw new SchemaRegistryException("schema registry unreachable at " + baseUrls + ": " + last, last);
    }
}
