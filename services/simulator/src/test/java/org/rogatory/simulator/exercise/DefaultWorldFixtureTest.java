package org.rogatory.simulator.exercise;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rogatory.contracts.DirectoryEntry;
import org.rogatory.contracts.NodeRole;
import org.rogatory.router.domain.PublishedWorld;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The router's tests cannot read world files (the simulator depends on the router, not the other
 * way round): they read the default world from a fixture in the router module. This test keeps
 * that fixture equal to the world file as the router receives it. After a change to the world file,
 * or to a contract the fixture holds, regenerate the fixture with the {@value #REGENERATE} property
 * (see the failure message) and review its diff.
 */
@DisplayName("The router tests' default world fixture is scenarios/worlds/default-world.yaml as the router sees it")
class DefaultWorldFixtureTest {

    private static final Path FIXTURE = Path.of("../router/src/test/resources/default-world.json");
    private static final String REGENERATE = "rogatory.regenerate-fixture";
    private static final World WORLD = WorldLoader.load(WorldLoaderTest.DEFAULT_WORLD_FILE);

    @Test
    @DisplayName("the fixture holds the world's directory and treaty records by key, their time and the routing parameters")
    void fixtureIsTheWorldFile() throws IOException {
        PublishedWorld published = new PublishedWorld(WORLD.effectiveFrom(), WORLD.parameters(), WORLD.directoryByKey(), WORLD.treatiesByKey());
        String expected = published.json();
        if (Boolean.getBoolean(REGENERATE)) {
            Files.writeString(FIXTURE, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.readString(FIXTURE, StandardCharsets.UTF_8);
        if (!expected.equals(actual)) {
            fail("services/router/src/test/resources/default-world.json is not scenarios/worlds/default-world.yaml as the router "
                + "sees it (" + firstDifference(expected, actual) + "); regenerate it with ./mvnw -B -pl services/simulator -am test "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dtest=DefaultWorldFixtureTest -D" + REGENERATE + "=true");
        }
        PublishedWorld read = PublishedWorld.read(expected.getBytes(StandardCharsets.UTF_8));
        assertEquals(published, read, "the fixture reads back as the records and parameters it was written from");
        assertEquals(List.copyOf(published.directoryByKey().keySet()), List.copyOf(read.directoryByKey().keySet()), "publication order");
        assertEquals(List.copyOf(published.treatiesByKey().keySet()), List.copyOf(read.treatiesByKey().keySet()), "publication order");
    }

    private static String firstDifference(String expected, String actual) {
        List<String> want = expected.lines().toList();
        List<String> have = actual.lines().toList();
        for (int i = 0; i < Math.max(want.size(), have.size()); i++) {
            String wanted = i < want.size() ? want.get(i) : "(end)";
            String found = i < have.size() ? have.get(i) : "(end)";
            if (!wanted.equals(found)) {
                return "line " + (i + 1) + ": expected " + wanted.strip() + " but the fixture has " + found.strip();
            }
        }
        return "line endings";
    }

    @Test
    @DisplayName("a state's first language is the first its MFA accepts (the router tests write requests in it)")
    void languagesFromTheDirectory() {
        Map<String, String> mfaFirstLanguage = WORLD.directory().stream().filter(n -> n.getRole() == NodeRole.MFA)
            .collect(Collectors.toMap(DirectoryEntry::getState, n -> n.getLanguages().getFirst()));
        assertEquals(WORLD.states().stream().collect(Collectors.toMap(StateFacts::code, s -> s.languages().getFirst())), mfaFirstLanguage);
    }
}
