package org.rogatory.contracts.evolution;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The current contracts (from the generated classes) and the released ones kept under schemas/released. */
final class ContractSchemas {

    static final Path SOURCES = Path.of("avro");
    static final Path RELEASED = Path.of("released");

    private ContractSchemas() {
    }

    /** Names of every .avsc under schemas/avro. */
    static List<String> names() {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".avsc"))
                .map(p -> p.getFileName().toString().replace(".avsc", "")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema current(String name) {
        try {
            return SpecificData.get().getSchema(Class.forName("org.rogatory.contracts." + name));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("no generated class for schema " + name, e);
        }
    }

    /** Every released version directory, oldest first (released/1, released/2, ...). */
    static List<Path> releases() {
        try (Stream<Path> dirs = Files.list(RELEASED)) {
            return dirs.filter(Files::isDirectory)
                .sorted(java.util.Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())))
                .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
