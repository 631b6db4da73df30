package org.rogatory.simulator.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit ConsoleIT runs on the console's pages fails a page with an unlabelled field and passes one without. */
class AccessibilityAuditIT {

    private static final String PAGE = """
        <!doctype html><html lang="en"><head><title>audit</title></head><body><main><h1>Audit</h1>
        %s<input id="token"></main></body></html>""";

    @Test
    @DisplayName("an unlabelled input fails the page with the rule, its impact and the selector; labelled, it passes")
    void failsOnAMissingLabel(@TempDir Path profile) throws Exception {
        ChromeDriver browser = HeadlessChromium.start(profile);
        try {
            browser.get(page(""));
            assertThatThrownBy(() -> AccessibilityAudit.assertAccessible(browser, "the unlabelled page"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 serious or critical violations in the unlabelled page")
                .hasMessageContaining("label (critical)").hasMessageContaining("#token");
            browser.get(page("<label for=\"token\">Token</label>"));
            assertThatCode(() -> AccessibilityAudit.assertAccessible(browser, "the labelled page")).doesNotThrowAnyException();
        } finally {
            browser.quit();
        }
    }

    private static String page(String label) {
        return "data:text/html;charset=utf-8," + URLEncoder.encode(PAGE.formatted(label), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
