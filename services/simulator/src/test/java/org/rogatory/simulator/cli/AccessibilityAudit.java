package org.rogatory.simulator.cli;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Deque's axe-core run inside the page a browser shows, injected from its webjar on the test
 * classpath (nothing is fetched): the page fails on any violation of impact serious or critical,
 * listed with the rule, its impact and the selectors of the elements it found. Minor and moderate
 * findings (mostly best practices) are logged and do not fail it.
 */
final class AccessibilityAudit {

    private static final Logger LOG = LoggerFactory.getLogger(AccessibilityAudit.class);
    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
    static final String VERSION = webjarVersion();
    private static final String AXE = resource(WEBJAR + VERSION + "/axe.min.js");

    private AccessibilityAudit() {
    }

    /** Throws an {@link AssertionError} naming {@code view} and each serious or critical violation on the page shown. */
    static void assertAccessible(WebDriver browser, String view) {
        Map<Boolean, List<String>> failing = violations(browser).stream().collect(Collectors.partitioningBy(
            violation -> FAILING.contains(String.valueOf(violation.get("impact"))),
            Collectors.mapping(violation -> "%s (%s): %s: %s".formatted(violation.get("id"), violation.get("impact"),
                violation.get("help"), String.join(", ", targets(violation))), Collectors.toList())));
        if (!failing.get(false).isEmpty()) {
            LOG.info("axe-core {} notes in {}:\n  {}", VERSION, view, String.join("\n  ", failing.get(false)));
        }
        List<String> violations = failing.get(true);
        if (!violations.isEmpty()) {
            throw new AssertionError("axe-core " + VERSION + " finds " + violations.size() + " serious or critical violations in "
                + view + ":\n  " + String.join("\n  ", violations));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> violations(WebDriver browser) {
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript(AXE);
        Object found = page.executeAsyncScript("""
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
              .then(result => done(result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(node => node.target.join(' '))}))), failed => done(String(failed)));""");
        if (!(found instanceof List<?>)) {
            throw new AssertionError("axe-core " + VERSION + " did not run: " + found);
        }
        return (List<Map<String, Object>>) found;
    }

    @SuppressWarnings("unchecked")
    private static List<String> targets(Map<String, Object> violation) {
        return ((List<Object>) violation.get("targets")).stream().map(String::valueOf).toList();
    }

    /** The version of the axe-core webjar on the classpath (the root pom's {@code axe-core.version}), which names its folder. */
    private static String webjarVersion() {
        Properties webjar = new Properties();
        try (InputStream in = open("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            webjar.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return webjar.getProperty("version");
    }

    private static String resource(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String path) throws IOException {
        InputStream in = AccessibilityAudit.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException(path + " is not on the test classpath: the webjar org.webjars.npm:axe-core is missing");
        }
        return in;
    }
}
