package org.rogatory.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The OpenAPI 3.0 schemas of Avro records as the gateway answers them: the JSON Avro writes for a
 * record ({@code SpecificRecord.toString()}), where every field is present, a union with null is
 * the value or null, an enum is its symbol, a timestamp is an ISO-8601 string and a map an object.
 * Records become components (referenced), enums are inline.
 */
final class AvroJsonSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMPONENTS = "#/components/schemas/";

    private AvroJsonSchemas() {
    }

    /** The components of {@code roots} and of every record they hold, by name, sorted. */
    static Map<String, ObjectNode> components(List<Schema> roots) {
        Map<String, ObjectNode> components = new TreeMap<>();
        roots.forEach(root -> record(root, components));
        return components;
    }

    private static void record(Schema record, Map<String, ObjectNode> components) {
        if (!components.containsKey(record.getName())) {
            components.put(record.getName(), body(record, components));
        }
    }

    /** A record's schema: every field is present, null or not. */
    private static ObjectNode body(Schema record, Map<String, ObjectNode> components) {
        ObjectNode schema = JSON.createObjectNode().put("type", "object");
        if (record.getDoc() != null) {
            schema.put("description", record.getDoc());
        }
        ArrayNode required = schema.putArray("required");
        ObjectNode properties = schema.putObject("properties");
        for (Schema.Field field : record.getFields()) {
            required.add(field.name());
            ObjectNode property = value(field.schema(), components);
            if (field.doc() != null && !property.has("$ref")) {
                property.put("description", field.doc());
            }
            properties.set(field.name(), property);
        }
        return schema;
    }

    private static ObjectNode value(Schema schema, Map<String, ObjectNode> components) {
        return switch (schema.getType()) {
            case RECORD -> {
                record(schema, components);
                yield JSON.createObjectNode().put("$ref", COMPONENTS + schema.getName());
            }
            case UNION -> nullable(schema, components);
            case ENUM -> {
                ObjectNode symbols = JSON.createObjectNode().put("type", "string");
                schema.getEnumSymbols().forEach(symbols.putArray("enum")::add);
                yield symbols;
            }
            case ARRAY -> {
                ObjectNode array = JSON.createObjectNode().put("type", "array");
                array.set("items", value(schema.getElementType(), components));
                yield array;
            }
            case MAP -> {
                ObjectNode map = JSON.createObjectNode().put("type", "object");
                map.set("additionalProperties", value(schema.getValueType(), components));
                yield map;
            }
            case LONG -> schema.getLogicalType() instanceof LogicalTypes.TimestampMillis
                ? JSON.createObjectNode().put("type", "string").put("format", "date-time")
                : JSON.createObjectNode().put("type", "integer").put("format", "int64");
            case INT -> JSON.createObjectNode().put("type", "integer").put("format", "int32");
            case DOUBLE, FLOAT -> JSON.createObjectNode().put("type", "number");
            case BOOLEAN -> JSON.createObjectNode().put("type", "boolean");
            case STRING -> JSON.createObjectNode().put("type", "string");
            default -> throw new IllegalArgumentException("no JSON view of Avro " + schema.getType() + " in the API yet");
        };
    }

    /**
     * {@code ["null", X]}: X or null. A record is written out in place: OpenAPI 3.0 has no null
     * type, and {@code nullable} beside a {@code $ref} (or around it in an allOf) does not admit null.
     */
    private static ObjectNode nullable(Schema union, Map<String, ObjectNode> components) {
        List<Schema> types = union.getTypes().stream().filter(type -> type.getType() != Schema.Type.NULL).toList();
        if (types.size() != 1 || union.getTypes().size() != 2) {
            throw new IllegalArgumentException("only unions of null and one type have a JSON view here: " + union);
        }
        Schema type = types.getFirst();
        return (type.getType() == Schema.Type.RECORD ? body(type, components) : value(type, components)).put("nullable", true);
    }
}
