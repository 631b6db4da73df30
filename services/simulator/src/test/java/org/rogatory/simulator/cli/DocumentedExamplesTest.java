package org.rogatory.simulator.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.exercise.World;
import org.rogatory.simulator.exercise.WorldLoader;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every example in the docs is a file under {@code docs/examples/} that this test loads: a block
 * marked {@code <!-- file: examples/X -->} is that file word for word, every scenario and world
 * there loads as {@code run} loads it, and a block marked {@code <!-- output: examples/X -->}
 * shows exactly what {@code ./rogatory run} prints for that (deliberately broken) file.
 */
class DocumentedExamplesTest {

    static final Path PROJECT = Path.of("../..").toAbsolutePath().normalize();
    static final Path DOCS = PROJECT.resolve("docs");
    private static final Path EXAMPLES = DOCS.resolve("examples");
    /** A marker comment, then a fenced block: the marker names the file the block stands for. */
    private static final Pattern MARKED_BLOCK = Pattern.compile(
        "<!-- (file|output): (\\S+) -->\\n```[a-z]*\\n(.*?)\\n```", Pattern.DOTALL);

    record MarkedBlock(Path doc, String kind, Path file, String text) {
    }

    @Test
    @DisplayName("a block marked with a file is that file, word for word")
    void blocksAreTheirFiles() {
        List<MarkedBlock> blocks = blocks("file");
        assertFalse(blocks.isEmpty(), "the docs show example files");
        assertAll(blocks.stream().map(b -> () ->
            assertEquals(read(b.file()).stripTrailing(), b.text(), b.doc().getFileName() + " shows " + b.file())));
    }

    @Test
    @DisplayName("every scenario and world under docs/examples (but broken/) loads as run loads it, world and node names included")
    void examplesLoad() throws IOException {
        List<Path> files = yamlFiles().stream().filter(f -> !f.startsWith(EXAMPLES.resolve("broken"))).toList();
        List<Path> scenarios = files.stream().filter(DocumentedExamplesTest::isScenario).toList();
        assertFalse(scenarios.isEmpty(), "a scenario example");
        assertTrue(files.size() > scenarios.size(), "a world example");
        for (Path file : files) {
            if (isScenario(file)) {
                LoadedScenario loaded = ScenarioLoader.load(file);
                World world = loaded.world();
                loaded.requireNodesOf(world.directoryByKey().keySet());
            } else {
                assertFalse(WorldLoader.load(file).directoryByKey().isEmpty(), file + " has nodes");
            }
        }
    }

    @Test
    @DisplayName("every error shown in the docs is the line ./rogatory run prints for that broken example, with exit code 2")
    void shownErrorsAreWhatTheCliPrints() {
        List<MarkedBlock> blocks = blocks("output");
        assertFalse(blocks.isEmpty(), "the docs show error messages");
        for (MarkedBlock block : blocks) {
            List<String> lines = block.text().lines().toList();
            assertEquals(2, lines.size(), "a command and its one line of output: " + block);
            assertEquals("$ ./rogatory run " + PROJECT.relativize(block.file()), lines.get(0), block.doc().toString());
            StringWriter err = new StringWriter();
            CommandLine cli = RogatoryCli.commandLine();
            cli.setErr(new PrintWriter(err));
            assertEquals(2, cli.execute("run", block.file().toString()), err.toString());
            assertEquals(lines.get(1), err.toString().strip(), block.doc().getFileName() + " shows what run prints for " + block.file());
        }
    }

    @Test
    @DisplayName("every broken scenario under docs/examples/broken is shown with its message in the docs")
    void everyBrokenScenarioIsShown() throws IOException {
        List<Path> shown = blocks("output").stream().map(MarkedBlock::file).toList();
        List<Path> broken = yamlFiles().stream()
            .filter(f -> f.startsWith(EXAMPLES.resolve("broken")) && isScenario(f)).toList();
        assertFalse(broken.isEmpty());
        assertAll(broken.stream().map(f -> () -> assertTrue(shown.contains(f), f + " has no message shown in the docs")));
    }

    static List<Path> markdownFiles() {
        try (Stream<Path> docs = Files.list(DOCS)) {
            List<Path> files = new ArrayList<>(docs.filter(p -> p.toString().endsWith(".md")).sorted().toList());
            files.add(PROJECT.resolve("README.md"));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<MarkedBlock> blocks(String kind) {
        List<MarkedBlock> blocks = new ArrayList<>();
        for (Path doc : markdownFiles()) {
            Matcher m = MARKED_BLOCK.matcher(read(doc));
            while (m.find()) {
                if (m.group(1).equals(kind)) {
                    blocks.add(new MarkedBlock(doc, kind, doc.getParent().resolve(m.group(2)).normalize(), m.group(3)));
                }
            }
        }
        return blocks;
    }

    private static List<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** A scenario names itself at the top level; a world does not. */
    private static boolean isScenario(Path yaml) {
        return read(yaml).lines().anyMatch(l -> l.startsWith("name:"));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
