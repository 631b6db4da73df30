package org.rogatory.platform.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Interactive queries over HTTP: a key's value from whichever instance of a stream service holds
 * it. The Streams metadata names the instance ({@code application.server}) whose task owns the
 * key's partition; this one answers from its own store or asks that one, on the same path with
 * {@code ?local=true}.
 */
@Singleton
public class InteractiveQueries {

    /** The query parameter by which one instance asks another for its own store only. */
    public static final String LOCAL = "local";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceStreams services;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public InteractiveQueries(ServiceStreams services) {
        this.services = services;
    }

    /** An answer to a keyed query: the value as JSON, nothing, or not now. */
    public sealed interface Answer {
        /** As HTTP: 200 with the JSON, 404 saying {@code missing}, or 503 with the reason. */
        default HttpResponse<String> response(String missingTitle, String missingDetail) {
            return switch (this) {
                case Found found -> HttpResponse.ok(found.json()).contentType(MediaType.APPLICATION_JSON);
                case Missing ignored -> problem(HttpStatus.NOT_FOUND, missingTitle, missingDetail);
                case Unavailable unavailable -> problem(HttpStatus.SERVICE_UNAVAILABLE, "not queryable now", unavailable.reason());
            };
        }
    }

    public record Found(String json) implements Answer {
    }

    public record Missing() implements Answer {
    }

    public record Unavailable(String reason) implements Answer {
    }

    /**
     * What an HTTP query for {@code key} answers: from the instance that holds it, or, when another
     * instance asks ({@code localOnly}), from this instance's part of the store only.
     */
    public <V> Answer answer(String service, String store, String key, String path, boolean localOnly, Function<V, String> render) {
        return localOnly ? local(service, store, key, render) : query(service, store, key, path, render);
    }

    /**
     * The value under {@code key} in {@code service}'s {@code store}, from the instance that holds it.
     *
     * @param path   this query's HTTP path for that key, as the other instances serve it
     * @param render the stored value as JSON
     */
    public <V> Answer query(String service, String store, String key, String path, Function<V, String> render) {
        KafkaStreams streams = services.streams(service);
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return notRunning(service, streams);
        }
        KeyQueryMetadata owner = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE) || owner.activeHost().equals(self(service))) {
            return local(service, store, key, render);
        }
        return remote(owner.activeHost(), path);
    }

    /** The value under {@code key} in this instance's part of {@code store} only. */
    public <V> Answer local(String service, String store, String key, Function<V, String> render) {
        KafkaStreams streams = services.streams(service);
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return notRunning(service, streams);
        }
        try {
            V value = this.<V>store(service, store).get(key);
            return value == null ? new Missing() : new Found(render.apply(value));
        } catch (InvalidStateStoreException e) {
            return new Unavailable("the " + service + " store " + store + " is not queryable here now (rebalancing or restoring)");
        }
    }

    /** The value under {@code key} in this instance's part of {@code store}; empty also while the store is not queryable. */
    public <V> Optional<V> localValue(String service, String store, String key) {
        try {
            return Optional.ofNullable(this.<V>store(service, store).get(key));
        } catch (InvalidStateStoreException e) {
            return Optional.empty();
        }
    }

    /**
     * How a list is ordered: each value's cursor ({@code ofValue}; the same cursor read off its
     * rendered item by {@code ofItem}, to merge the instances' pages) and the order of cursors.
     */
    public record Order<V>(Function<V, String> ofValue, Function<JsonNode, String> ofItem, Comparator<String> cursors) {

        /** By a key rendered in each item's {@code keyField}, in string order. */
        public static <V> Order<V> byKey(Function<V, String> key, String keyField) {
            return new Order<>(key, item -> item.path(keyField).asText(), Comparator.naturalOrder());
        }
    }

    /**
     * One page of the values of {@code service}'s {@code store} that {@code filter} keeps, in
     * {@code order} after the cursor {@code after}: {@code {"items": [...], "next": cursor or null}},
     * {@code next} being the cursor to continue after. Every instance holding a part of the store is asked for its own
     * first {@code limit} (the same path with {@code local=true}) and the pages are merged, so the
     * answer is the same whichever instance is asked; if one cannot answer, none is given (a
     * partial list would read as a complete one). Scans the whole local store: the stores are an
     * exercise's cases, not an archive.
     *
     * @param path     this query's HTTP path and query string, as the other instances serve it
     */
    public <V> Answer page(String service, String store, String path, boolean localOnly, Predicate<V> filter,
                           Function<V, String> render, Order<V> order, String after, int limit) {
        KafkaStreams streams = services.streams(service);
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return notRunning(service, streams);
        }
        HostInfo self = self(service);
        // without application.server an instance has no metadata and cannot name others: it answers for itself
        if (localOnly || self.equals(HostInfo.unavailable())) {
            return localPage(service, store, filter, render, order, after, limit);
        }
        Collection<StreamsMetadata> holders = streams.streamsMetadataForStore(store);
        if (holders.isEmpty()) {
            return new Unavailable("no instance of " + service + " holds its store " + store + " yet (rebalancing)");
        }
        TreeMap<String, JsonNode> items = new TreeMap<>(order.cursors());
        boolean more = false;
        for (StreamsMetadata holder : holders) {
            Answer part = holder.hostInfo().equals(self)
                ? localPage(service, store, filter, render, order, after, limit) : remote(holder.hostInfo(), path);
            if (!(part instanceof Found found)) {
                return part instanceof Unavailable ? part : new Unavailable("the instance at " + holder.hostInfo() + " found no store");
            }
            JsonNode page = read(found.json());
            page.path("items").forEach(item -> items.put(order.ofItem().apply(item), item));
            more |= !page.path("next").isNull();
        }
        while (items.size() > limit) {
            items.pollLastEntry();
            more = true;
        }
        return new Found(pageJson(new ArrayList<>(items.values()), more && !items.isEmpty() ? items.lastKey() : null));
    }

    private <V> Answer localPage(String service, String store, Predicate<V> filter, Function<V, String> render,
                                 Order<V> order, String after, int limit) {
        // a store iterates in key order, task by task, not in the list's order: keep the first `limit`
        TreeMap<String, V> kept = new TreeMap<>(order.cursors());
        boolean more = false;
        try (KeyValueIterator<String, V> all = this.<V>store(service, store).all()) {
            while (all.hasNext()) {
                KeyValue<String, V> entry = all.next();
                if (filter.test(entry.value)) {
                    String cursor = order.ofValue().apply(entry.value);
                    if (after != null && order.cursors().compare(cursor, after) <= 0) {
                        continue;
                    }
                    kept.put(cursor, entry.value);
                    if (kept.size() > limit) {
                        kept.pollLastEntry();
                        more = true;
                    }
                }
            }
        } catch (InvalidStateStoreException e) {
            return new Unavailable("the " + service + " store " + store + " is not queryable here now (rebalancing or restoring)");
        }
        List<JsonNode> items = kept.values().stream().map(value -> read(render.apply(value))).toList();
        return new Found(pageJson(items, more ? kept.lastKey() : null));
    }

    private static String pageJson(List<JsonNode> items, String next) {
        ObjectNode page = JSON.createObjectNode();
        ArrayNode array = page.putArray("items");
        items.forEach(array::add);
        page.put("next", next);
        return page.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Whether {@code key} is in the global store {@code store} of {@code service} (every instance holds all of it). */
    public boolean inGlobalStore(String service, String store, String key) {
        return store(service, store).get(key) != null;
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String service, String store) {
        return services.streams(service).store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
    }

    /** A path segment as the other instance must receive it. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Answer notRunning(String service, KafkaStreams streams) {
        return new Unavailable("the " + service + " streams are " + streams.state() + ", not RUNNING");
    }

    private Answer remote(HostInfo host, String path) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + path + (path.contains("?") ? "&" : "?") + LOCAL + "=true");
        try {
            var answer = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
            return switch (answer.statusCode()) {
                case 200 -> new Found(answer.body());
                case 404 -> new Missing();
                case 503 -> new Unavailable("the instance at " + host + " that holds it is not queryable now");
                default -> throw new IllegalStateException("the instance at " + host + " answered " + answer.statusCode() + " to " + uri);
            };
        } catch (IOException e) {
            return new Unavailable("cannot reach the instance at " + host + " that holds it: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private HostInfo self(String service) {
        String server = services.configuration(service).getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG, "");
        return server.isBlank() ? HostInfo.unavailable() : HostInfo.buildFromEndpoint(server);
    }

    private static HttpResponse<String> problem(HttpStatus status, String title, String detail) {
        return problem(status, title, detail, null);
    }

    /** A problem+json answer (RFC 9457): status, title, detail, and the query parameter at fault if one is. */
    public static HttpResponse<String> problem(HttpStatus status, String title, String detail, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.getCode());
        body.put("title", title);
        body.put("detail", detail);
        if (field != null) {
            body.put("field", field);
        }
        try {
            return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON).body(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
