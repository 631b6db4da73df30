package org.rogatory.testing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class DockerRequirementTest {

    @ParameterizedTest(name = "CI={0}")
    @NullSource
    @ValueSource(strings = {"true", "false"})
    @DisplayName("with Docker, the test runs whatever CI says")
    void runsWithDocker(String ci) {
        assertDoesNotThrow(() -> DockerRequirement.require(true, ci));
    }

    @ParameterizedTest(name = "CI={0}")
    @ValueSource(strings = {"true", "TRUE"})
    @DisplayName("without Docker on CI, the test fails: CI never passes by skipping")
    void failsWithoutDockerOnCi(String ci) {
        AssertionFailedError failure = assertThrows(AssertionFailedError.class, () -> DockerRequirement.require(false, ci));
        assertTrue(failure.getMessage().startsWith("CI=true: Docker is not available"), failure.getMessage());
        assertTrue(failure.getMessage().contains("deploy/kafka-image/build.sh"), failure.getMessage());
    }

    @ParameterizedTest(name = "CI={0}")
    @NullSource
    @ValueSource(strings = {"false", ""})
    @DisplayName("without Docker outside CI, the test is skipped with the reason")
    void skipsWithoutDockerOutsideCi(String ci) {
        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> DockerRequirement.require(false, ci));
        assertTrue(skipped.getMessage().startsWith("SKIPPED: Docker is not available"), skipped.getMessage());
        assertTrue(skipped.getMessage().contains(".ci/run"), skipped.getMessage());
    }
}
