package org.rogatory.platform.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the reader of a YAML file (scenario, world) could not bind, in the file's terms rather
 * than Java's: the field's path ({@code workload[0].requestType}), where it is written, and the
 * problem ({@code 'TELEPATHY' is not one of [MLA, …]}), never a Java class name.
 *
 * @param at null when not even the document's start was read
 */
public record YamlProblem(String field, JsonLocation at, String problem) {

    /** Field name used for a file that is not YAML at all. */
    private static final String SYNTAX = "(syntax)";
    private static final String UNKNOWN = "UNKNOWN";

    /** The problem of a failed {@code readValue}: syntax, unknown field, wrong type or value. */
    public static YamlProblem of(JsonProcessingException e, YamlLocations locations) {
        if (!(e instanceof JsonMappingException mapping)) {
            return syntax(e);
        }
        String path = path(mapping);
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            return unknownField(path, u.getKnownPropertyIds().stream().map(Object::toString).toList(), locations);
        } else if (e instanceof InvalidFormatException f) {
            problem = "'" + f.getValue() + "' is not " + describe(f.getTargetType());
            // a bad map key (an unknown clock name) is reported on the map; point at the key itself
            String key = path.isEmpty() ? String.valueOf(f.getValue()) : path + "." + f.getValue();
            if (locations.has(key)) {
                path = key;
            }
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            problem = "expected " + describe(m.getTargetType());
        } else if (e.getCause() instanceof IllegalArgumentException cause) {
            problem = cause.getMessage();
        } else {
            problem = e.getOriginalMessage();
        }
        JsonLocation at = locations.nearest(path);
        return new YamlProblem(path.isEmpty() ? "(root)" : path, at != null ? at : e.getLocation(), problem);
    }

    /** A field the reader does not know, with the ones it does. */
    public static YamlProblem unknownField(String path, Collection<String> allowed, YamlLocations locations) {
        return new YamlProblem(path, locations.nearest(path), "unknown field; allowed here: " + allowed.stream().sorted().toList());
    }

    /**
     * A file that is not YAML: the parser's own problem ("found unexpected end of stream") at its
     * place, with what it was reading and where that began.
     */
    public static YamlProblem syntax(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            Mark mark = yaml.getProblemMark();
            String context = yaml.getContext() == null ? ""
                    : " " + yaml.getContext() + (yaml.getContextMark() == null ? ""
                    : " that begins at line " + (yaml.getContextMark().getLine() + 1) + ", column " + (yaml.getContextMark().getColumn() + 1));
            return new YamlProblem(SYNTAX, new JsonLocation(ContentReference.unknown(), -1L, mark.getLine() + 1, mark.getColumn() + 1),
                    yaml.getProblem() + context);
        }
        return new YamlProblem(SYNTAX, e.getLocation(), e.getOriginalMessage());
    }

    /** A file that cannot be opened, said plainly: {@code cannot read scenario file x.yaml: no such file}. */
    public static UncheckedIOException unreadable(String what, Path file, IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such file"
                : e instanceof AccessDeniedException ? "permission denied"
                : Files.isDirectory(file) ? "it is a folder" : e.getMessage();
        return new UncheckedIOException("cannot read " + what + " " + file + ": " + reason, e);
    }

    /** {@code line:column}, or {@code 0:0} when unknown. */
    public String where() {
        return at == null ? "0:0" : at.getLineNr() + ":" + at.getColumnNr();
    }

    /** The dotted path of a binding exception, e.g. {@code states[1].nodes[0].role}; empty for the root. */
    public static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The values a user may write for an enum: every symbol but {@code UNKNOWN}, the Avro default for unreadable values. */
    public static List<String> knownNames(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> v : values) {
            if (!v.name().equals(UNKNOWN)) {
                names.add(v.name());
            }
        }
        return names;
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + knownNames((Enum<?>[]) type.getEnumConstants());
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping (key: value lines)";
        }
        return type == String.class ? "text" : "a " + type.getSimpleName();
    }
}
