package org.rogatory.platform.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each field of a YAML (or JSON) file is written, so that a validation error found after
 * binding (scenario files, world files) can still name the file's line and column.
 */
public final class YamlLocations {

    private final Map<String, JsonLocation> byPointer;

    private YamlLocations(Map<String, JsonLocation> byPointer) {
        this.byPointer = byPointer;
    }

    /** Locates every field and list item; after a syntax error, the fields read before it. */
    public static YamlLocations of(JsonFactory factory, byte[] content) {
        Map<String, JsonLocation> byPointer = new HashMap<>();
        try (JsonParser parser = factory.createParser(content)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                byPointer.putIfAbsent(parser.getParsingContext().pathAsPointer().toString(), parser.currentTokenLocation());
            }
        } catch (IOException e) {
            // the prefix read so far still locates the fields before the syntax error
        }
        return new YamlLocations(byPointer);
    }

    /** JSON pointer of a field path such as {@code workload[0].requestType}. */
    public static String pointer(String path) {
        return path.isEmpty() ? "" : "/" + path.replace("[", ".").replace("]", "").replace('.', '/');
    }

    /** Whether the field is written in the file. */
    public boolean has(String path) {
        return byPointer.containsKey(pointer(path));
    }

    /**
     * Location of the field, or of the closest enclosing one written in the file (a missing field
     * points at its parent); null when not even the document's root was read.
     */
    public JsonLocation nearest(String path) {
        String p = pointer(path);
        while (!byPointer.containsKey(p) && !p.isEmpty()) {
            p = p.substring(0, p.lastIndexOf('/'));
        }
        return byPointer.get(p);
    }
}
