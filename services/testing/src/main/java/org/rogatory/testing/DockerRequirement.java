package org.rogatory.testing;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Guards tests that need Docker. Without Docker a developer's run skips them with a loud reason;
 * a CI run ({@code CI=true}) fails instead, because CI must never pass by skipping them.
 * Use {@code @ExtendWith(DockerRequirement.class)} on the test class, or call
 * {@link #assumeDocker()} first thing in a test.
 */
public final class DockerRequirement implements BeforeEachCallback {

    private static final Logger LOG = LoggerFactory.getLogger(DockerRequirement.class);

    /** Per test rather than per class, so every skipped test shows in the skipped count. */
    @Override
    public void beforeEach(ExtensionContext context) {
        assumeDocker();
    }

    /** Returns if Docker answers; otherwise aborts (skips) the test, or fails it when {@code CI=true}. */
    public static void assumeDocker() {
        try {
            require(DockerClientFactory.instance().isDockerAvailable(), System.getenv("CI"));
        } catch (TestAbortedException skipped) {
            // Surefire prints a skip only as a count: the reason goes to the log as well.
            LOG.warn(skipped.getMessage());
            throw skipped;
        }
    }

    static void require(boolean dockerAvailable, String ciVariable) {
        if (dockerAvailable) {
            return;
        }
        String reason = "Docker is not available, so the tests that need a real Kafka broker ("
                + OfflineKafka.IMAGE + ") cannot run. Start a Docker daemon and build the image with"
                + " deploy/kafka-image/build.sh, or run .ci/run, which does both.";
        if ("true".equalsIgnoreCase(ciVariable)) {
            throw new AssertionFailedError("CI=true: " + reason);
        }
        throw new TestAbortedException("SKIPPED: " + reason);
    }
}
