package org.rogatory.simulator.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/cli.md, "Submitting a request to a running stack", done as the page says: {@code up}
 * started, then {@code java -cp rogatory.jar docs/examples/SubmitRequest.java} run as a separate
 * process. It must print the routing decision the page shows, and the case timer must then
 * answer for the case at {@code /cases/{id}} with the id's slashes written %2F.
 */
@DisplayName("the documented example submits a request to a running up stack and gets its decision")
class SubmitRequestExampleIT {

    private static final Path EXAMPLE = DocumentedExamplesTest.DOCS.resolve("examples/SubmitRequest.java");

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void submitsAndPrintsTheDocumentedDecision() throws Exception {
        int httpPort = freePort();
        try (CliProcess up = CliProcess.start(tmp.resolve("up"), "up", "--kafka-port", String.valueOf(freePort()),
                "--registry-port", String.valueOf(freePort()), "--http-port", String.valueOf(httpPort))) {
            String bootstrap = up.awaitValue("bootstrap.servers", CliProcess.STARTS_WITHIN);
            String registry = up.awaitValue("schema.registry.url", Duration.ofSeconds(5));

            List<String> printed = runExample(bootstrap, registry);

            assertEquals(2, printed.size(), String.join("\n", printed));
            assertTrue(printed.get(0).startsWith("submitted example/ald-to-kes-mla/"), printed.get(0));
            assertEquals(documentedDecision(), printed.get(1), "the decision docs/cli.md shows");
            String caseId = printed.get(0).substring("submitted ".length());
            String view = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> caseView(httpPort, caseId), body -> body != null);
            assertTrue(view.contains("\"handlingNode\": \"KES-CA-MLA\""), view);
        }
    }

    /** The example as the page runs it: a Java source file with the CLI's jar on the class path. */
    private List<String> runExample(String bootstrap, String registry) throws IOException, InterruptedException {
        Path out = tmp.resolve("example.out");
        Path err = tmp.resolve("example.err");
        Process example = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(),
            "-cp", Path.of("target", "rogatory.jar").toString(), EXAMPLE.toString(), bootstrap, registry)
            .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!example.waitFor(2, TimeUnit.MINUTES)) {
            example.destroyForcibly();
            throw new AssertionError("the example did not finish within 2 minutes; stderr:\n" + Files.readString(err));
        }
        assertEquals(0, example.exitValue(), Files.readString(err));
        return Files.readAllLines(out);
    }

    private static String documentedDecision() {
        return DocumentedExamplesTest.read(DocumentedExamplesTest.DOCS.resolve("cli.md")).lines()
            .filter(l -> l.startsWith("ROUTED to ")).findFirst().orElseThrow();
    }

    /** The case view, or null while the case timer does not know the case yet. */
    private static String caseView(int port, String caseId) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port + "/cases/" + URLEncoder.encode(caseId, StandardCharsets.UTF_8));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
