package org.rogatory.gateway;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's scripts tested where they run, in JavaScript: {@code node --test src/test/js/} (every {@code *.test.mjs})
 * (Node's own runner, no package to install). Node is installed by .ci/run; without it the test is
 * skipped with the reason logged, and fails under {@code CI=true}.
 */
class ConsoleScriptsTest {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleScriptsTest.class);

    @Test
    @DisplayName("node --test src/test/js/: the API calls, the live-event client's resumption, the trainer's load by state")
    void scripts() throws IOException, InterruptedException {
        Process node;
        try {
            node = new ProcessBuilder("node", "--test", "src/test/js/").redirectErrorStream(true).start();
        } catch (IOException missing) {
            String reason = "the console's script tests need Node.js (apt-get install nodejs, as .ci/run does): " + missing.getMessage();
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionFailedError("CI=true: " + reason);
            }
            LOG.warn("SKIPPED: {}", reason);
            throw new TestAbortedException("SKIPPED: " + reason);
        }
        String report = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
        assertThat(node.exitValue()).as(report).isZero();
        assertThat(report).contains("# fail 0").doesNotContain("# pass 0");
    }
}
