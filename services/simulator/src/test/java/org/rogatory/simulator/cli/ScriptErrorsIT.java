package org.rogatory.simulator.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check ConsoleIT makes of the console's scripts: an uncaught error in a module (as a refresh
 * loop's, which stops the page without a word) is reported; a load answered 404 is not.
 */
class ScriptErrorsIT {

    private static final String PAGE = """
        <!doctype html><html lang="en"><head><title>errors</title></head><body><main><h1>Errors</h1>
        <img src="http://127.0.0.1:9/absent.png" alt="absent"><script type="module">%s</script></main></body></html>""";

    @Test
    @DisplayName("an uncaught error in a page's module is a script error; a failed load is not")
    void reportsUncaughtErrors(@TempDir Path profile) throws Exception {
        ChromeDriver browser = HeadlessChromium.start(profile);
        try {
            browser.get(page("let chart = null; chart.setData([]);"));
            assertThat(HeadlessChromium.scriptErrors(browser)).singleElement().asString()
                .contains("Uncaught TypeError").contains("setData");
            browser.get(page("document.body.dataset.ran = 'yes';"));
            assertThat(HeadlessChromium.scriptErrors(browser)).isEmpty();
        } finally {
            browser.quit();
        }
    }

    private static String page(String script) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode(PAGE.formatted(script), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
