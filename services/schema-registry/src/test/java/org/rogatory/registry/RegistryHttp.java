package org.rogatory.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for the registry's REST API, as a Confluent client talks to it. */
public final class RegistryHttp {

    public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One response: status, raw body, parsed body (null when not JSON) and content type. */
    public record Answer(int status, String text, JsonNode json, String contentType) {
        public int errorCode() {
            return json.path("error_code").asInt();
        }

        public String message() {
            return json.path("message").asText();
        }
    }

    private final String baseUrl;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Answer get(String path) {
        return send("GET", path, null, V1_JSON, V1_JSON);
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, V1_JSON, V1_JSON);
    }

    public Answer post(String path, String body) {
        return send("POST", path, body, V1_JSON, V1_JSON);
    }

    public Answer put(String path, String body) {
        return send("PUT", path, body, V1_JSON, V1_JSON);
    }

    /** Registers an Avro schema and returns its id, failing on any other answer. */
    public int register(String subject, String avroSchema) {
        Answer answer = post("/subjects/" + subject + "/versions", schemaBody(avroSchema));
        if (answer.status() != 200) {
            throw new AssertionError("registration of " + subject + " failed: " + answer);
        }
        return answer.json().path("id").asInt();
    }

    public Answer send(String method, String path, String body, String contentType, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), parse(response.body()),
                response.headers().firstValue("Content-Type").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code {"schema": "<schema as a JSON string>"}} */
    public static String schemaBody(String avroSchema) {
        return json(Map.of("schema", avroSchema));
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? null : JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
