package org.rogatory.simulator.cli;

import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

/**
 * Debian's Chromium and chromedriver (installed by .ci/run), started headless for a browser test.
 * Without them a developer's run skips the test with a logged reason; a CI run ({@code CI=true})
 * fails instead. Never Selenium Manager: the binaries are named, so nothing is downloaded, and the
 * flags keep Chromium from reaching out to the network on its own.
 */
final class HeadlessChromium {

    private static final Logger LOG = LoggerFactory.getLogger(HeadlessChromium.class);
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** A fresh headless browser with its own profile in {@code profile}; skips or fails the test without Chromium. */
    static ChromeDriver start(Path profile) throws IOException {
        require(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER), System.getenv("CI"));
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile()).addArguments("--headless=new", "--no-sandbox",
            "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--window-size=1400,1000",
            "--user-data-dir=" + Files.createDirectories(profile).toAbsolutePath());
        // the pages' console, so that a test can tell a script's error from a page that is merely slow
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER.toString()))
            .usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /**
     * The script errors the pages logged since the last call (an uncaught exception, a console.error),
     * without the failed loads: a page may be answered 403 or 404 on purpose.
     */
    static List<String> scriptErrors(ChromeDriver browser) {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage).filter(message -> !message.contains("Failed to load resource")).toList();
    }

    /** Returns when Chromium is installed; otherwise skips the test, or fails it when {@code ciVariable} is true. */
    static void require(boolean installed, String ciVariable) {
        if (installed) {
            return;
        }
        String reason = "the console's browser test needs Debian's chromium and chromium-driver (" + BROWSER + ", " + DRIVER
            + "): apt-get install chromium chromium-driver, or run .ci/run, which installs them";
        if ("true".equalsIgnoreCase(ciVariable)) {
            throw new AssertionFailedError("CI=true: " + reason);
        }
        LOG.warn("SKIPPED: {}", reason);
        throw new TestAbortedException("SKIPPED: " + reason);
    }
}
