package org.rogatory.router.domain;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.io.JsonEncoder;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.TreatyMembership;
import org.rogatory.platform.topics.Topics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A world as the router sees it: the records published on {@code coop.directory} and
 * {@code coop.treaties} (by record key, in publication order) at {@code effectiveFrom}, and the
 * routing parameters the router is configured with. The router's tests read the default world from
 * {@code src/test/resources/default-world.json}, a file in {@link #json()}'s form; the simulator's
 * {@code DefaultWorldFixtureTest} keeps it equal to what its world reader makes of
 * {@code scenarios/worlds/default-world.yaml}.
 *
 * <p>Records are in Avro's JSON encoding, one per line, so a change to the world shows in a diff
 * as the records it changes.
 */
public record PublishedWorld(long effectiveFrom, RoutingParameters parameters,
                             Map<String, DirectoryEntry> directoryByKey, Map<String, TreatyMembership> treatiesByKey) {

    private static final JsonMapper JSON = JsonMapper.builder()
        // Durations as ISO-8601 text (PT1440H).
        .addModule(new SimpleModule().addSerializer(Duration.class, ToStringSerializer.instance)
            .addDeserializer(Duration.class, new FromStringDeserializer<>(Duration.class) {
                @Override
                protected Duration _deserialize(String value, DeserializationContext context) {
                    return Duration.parse(value);
                }
            }))
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS) // Map.copyOf has no stable order
        .build();

    public PublishedWorld {
        directoryByKey = Collections.unmodifiableMap(new LinkedHashMap<>(directoryByKey));
        treatiesByKey = Collections.unmodifiableMap(new LinkedHashMap<>(treatiesByKey));
    }

    /** The world as it is published, unchanged by later events. */
    public WorldView view() {
        return view(directoryByKey.values(), treatiesByKey.values());
    }

    /** A world of just these records. */
    public static WorldView view(Collection<DirectoryEntry> directory, Collection<TreatyMembership> treaties) {
        Map<String, List<DirectoryEntry>> nodes = directory.stream().collect(Collectors.groupingBy(DirectoryEntry::getState));
        Map<String, List<TreatyMembership>> memberships = treaties.stream().collect(Collectors.groupingBy(TreatyMembership::getState));
        List<String> states = nodes.keySet().stream().sorted().toList();
        return new WorldView() {
            @Override
            public List<String> states() {
                return states;
            }

            @Override
            public List<DirectoryEntry> nodesOf(String state) {
                return nodes.getOrDefault(state, List.of());
            }

            @Override
            public List<TreatyMembership> membershipsOf(String state) {
                return memberships.getOrDefault(state, List.of());
            }
        };
    }

    public static PublishedWorld read(byte[] json) {
        try {
            JsonNode root = JSON.readTree(json);
            Map<String, DirectoryEntry> directory = new LinkedHashMap<>();
            root.get(Topics.DIRECTORY).properties().forEach(e -> directory.put(e.getKey(), avro(e.getValue(), DirectoryEntry.getClassSchema())));
            Map<String, TreatyMembership> treaties = new LinkedHashMap<>();
            root.get(Topics.TREATIES).properties().forEach(e -> treaties.put(e.getKey(), avro(e.getValue(), TreatyMembership.getClassSchema())));
            return new PublishedWorld(Instant.parse(root.get("effectiveFrom").asText()).toEpochMilli(),
                JSON.treeToValue(root.get("parameters"), RoutingParameters.class), directory, treaties);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a published world", e);
        }
    }

    /** The world as a JSON object: effective time, parameters, then one record per line under its topic and key. */
    public String json() {
        try {
            StringBuilder out = new StringBuilder("{\n");
            out.append("  \"effectiveFrom\": ").append(JSON.writeValueAsString(Instant.ofEpochMilli(effectiveFrom).toString())).append(",\n");
            out.append("  \"parameters\": ").append(JSON.writeValueAsString(parameters)).append(",\n");
            appendRecords(out, Topics.DIRECTORY, directoryByKey);
            out.append(",\n");
            appendRecords(out, Topics.TREATIES, treatiesByKey);
            return out.append("\n}\n").toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a published world", e);
        }
    }

    private static void appendRecords(StringBuilder out, String topic, Map<String, ? extends SpecificRecord> records) throws IOException {
        out.append("  ").append(JSON.writeValueAsString(topic)).append(": {\n");
        String separator = "";
        for (Map.Entry<String, ? extends SpecificRecord> record : records.entrySet()) {
            out.append(separator).append("    ").append(JSON.writeValueAsString(record.getKey())).append(": ").append(avroJson(record.getValue()));
            separator = ",\n";
        }
        out.append("\n  }");
    }

    private static String avroJson(SpecificRecord record) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonEncoder encoder = EncoderFactory.get().jsonEncoder(record.getSchema(), bytes);
        new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static <T extends SpecificRecord> T avro(JsonNode record, Schema schema) {
        try {
            return new SpecificDatumReader<T>(schema).read(null, DecoderFactory.get().jsonDecoder(schema, record.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode a " + schema.getName() + " from " + record, e);
        }
    }
}
