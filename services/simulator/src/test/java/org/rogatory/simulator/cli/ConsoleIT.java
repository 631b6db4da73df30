package org.rogatory.simulator.cli;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rogatory.simulator.exercise.LoadedScenario;
import org.rogatory.simulator.exercise.ScenarioLoader;
import org.rogatory.simulator.report.ExerciseReport;
import org.rogatory.simulator.report.ReportWriter;
import org.rogatory.simulator.run.ExerciseResult;
import org.rogatory.simulator.run.ExerciseRunner;
import org.rogatory.simulator.run.RunSpeed;
import org.rogatory.simulator.run.StopRequest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exercise console in a real browser (headless Chromium) against a live {@code play} of the
 * shipped players-drill with its roster: a trainer signs in with the roster's token, sees the played
 * node's acknowledgement clocks warned of and escalated in the feed and opens one, pauses, fires
 * INJ-02 now and sees it fired, finds the played node under its state and on the chart of the busiest
 * nodes' backlogs, watches a played case leave it, resumes and ends; a
 * player of KES-CA-MLA signs in, acknowledges a case, opens it, executes it, and cannot read another node's
 * inbox; at the end the trainer sees the after-action (the player's steps beside the simulated nodes')
 * and follows the link to the report. Screenshots of both views go to target/console (docs/console-*.png are taken from them).
 */
class ConsoleIT {

    private static final String PLAYED = "KES-CA-MLA";
    private static final Duration WITHIN = Duration.ofMinutes(2);
    private static final Path SCREENSHOTS = Path.of("target/console");

    @Test
    @DisplayName("a trainer pauses, fires an inject and resumes; a player acknowledges and executes a case; the trainer sees it")
    void trainerAndPlayerInTheBrowser(@TempDir Path out) throws Exception {
        LoadedScenario scenario = ScenarioLoader.load(Path.of("../../scenarios/players-drill.yaml"));
        Map<String, Object> roster = RosterTokens.issue(scenario.scenario(), out);
        Map<String, String> tokens = Files.readAllLines(out.resolve(RosterTokens.FILE)).stream().skip(1)
            .map(line -> line.split(",")).collect(Collectors.toMap(fields -> fields[1], fields -> fields[4]));
        int port = freePort();
        Map<String, Object> settings = new HashMap<>(roster);
        settings.put("rogatory.gateway.report-dir", out.toString());
        CompletableFuture<URL> serving = new CompletableFuture<>();
        CountDownLatch afterActionSeen = new CountDownLatch(1);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        ChromeDriver browser = HeadlessChromium.start(out.resolve("chromium-profile"));
        try {
            // 2 simulated hours per wall second: a day in 12 s, time enough to click on a busy machine
            // as `play` does: the report written at the end and served with the console until the test has seen it
            Future<ExerciseResult> played = runner.submit(() -> new ExerciseRunner(new StopRequest(), settings).play(
                new ExerciseRunner.Options(scenario, scenario.world(), new RunSpeed(7_200), null, null, false),
                Duration.ofHours(1), port, serving::complete, ended -> {
                    ReportWriter.write(ended.report(), ended.cases(), out);
                    try {
                        afterActionSeen.await(3, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            String console = serving.get(3, TimeUnit.MINUTES).toString().replaceAll("/$", "") + "/console/";
            Instant start = scenario.scenario().startAt();

            String trainer = browser.getWindowHandle();
            signIn(browser, console, tokens.get("TRAINER"));
            // the drill asks for acknowledgement within a working day: the cases the team leaves waiting are
            // warned of on the first day and climb the ladder from the second
            wait(browser).until(page -> "RUNNING".equals(text(page, "exercise-state"))
                && simulatedTime(page).isAfter(start.plus(Duration.ofDays(1)))
                && !feed(page, "clock-warning").isEmpty() && !feed(page, "escalation").isEmpty());

            browser.findElement(By.id("pause")).click();
            wait(browser).until(page -> "PAUSED".equals(text(page, "exercise-state")));
            Instant pausedAt = simulatedTime(browser);

            click(browser, By.cssSelector("tr[data-inject='INJ-02'] button"));
            wait(browser).until(page -> page.findElement(By.cssSelector("tr[data-inject='INJ-02'] td:nth-of-type(2)"))
                .getText().endsWith("by trainer"));
            assertThat(browser.findElements(By.cssSelector("tr[data-inject='INJ-02'] button"))).as("fired: no more Fire now")
                .isEmpty();
            int backlogBefore = wait(browser).until(page -> openCasesOf(page, PLAYED));
            // the load by state: the played node under Kessaly, and among the busiest nodes it is a line of the chart
            assertThat(browser.findElements(By.cssSelector("#backlog table[data-state='KES'] tr[data-node='" + PLAYED + "']")))
                .hasSize(1);
            wait(browser).until(page -> page.findElement(By.cssSelector("#node-chart .u-legend")).getText().contains(PLAYED));
            ((JavascriptExecutor) browser).executeScript("document.getElementById('backlog-title').scrollIntoView()");
            screenshot(browser, "trainer-load.png");
            ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
            // an escalation in the feed opens its case, whose acknowledgement clock is missed
            feed(browser, "escalation").getFirst().findElement(By.tagName("button")).click();
            wait(browser).until(page -> page.findElement(By.id("case-dialog")).getText().contains("CA_ACKNOWLEDGEMENT: due")
                && page.findElement(By.id("case-dialog")).getText().contains("missed"));
            click(browser, By.cssSelector("#case-dialog button"));
            AccessibilityAudit.assertAccessible(browser, "the trainer's view");

            // the player, in a tab of its own (its own sign-in)
            browser.switchTo().newWindow(WindowType.TAB);
            signIn(browser, console, tokens.get("PLAYER"));
            wait(browser).until(page -> page.getCurrentUrl().contains("player.html")
                && PLAYED.equals(text(page, "node")));
            String caseId = wait(browser).until(page -> page.findElements(By.cssSelector("button[data-action='ACKNOWLEDGED']"))
                .stream().findFirst().map(button -> button.getAttribute("data-case")).orElse(null));
            click(browser, By.cssSelector("button[data-case='" + caseId + "'][data-action='ACKNOWLEDGED']"));
            By execute = By.cssSelector("button[data-case='" + caseId + "'][data-action='EXECUTED']");
            wait(browser).until(page -> !page.findElements(execute).isEmpty());
            screenshot(browser, "player.png");
            AccessibilityAudit.assertAccessible(browser, "the player's view");
            // the case in one click: its history and clocks
            click(browser, By.cssSelector("tr[data-case='" + caseId + "'] th button"));
            wait(browser).until(page -> page.findElement(By.id("case-dialog")).getText().contains("ACKNOWLEDGED")
                && page.findElement(By.id("case-dialog")).getText().contains("CA_ACKNOWLEDGEMENT"));
            AccessibilityAudit.assertAccessible(browser, "the case dialog");
            click(browser, By.cssSelector("#case-dialog button"));
            click(browser, execute);
            // executed, the case leaves the inbox; the player's steps list both
            wait(browser).until(page -> page.findElements(By.cssSelector("tr[data-case='" + caseId + "']")).isEmpty());
            assertThat(browser.findElement(By.id("done")).getText()).contains("ACKNOWLEDGED").contains("EXECUTED");

            // another node's inbox is not the player's to read, whatever the page is asked
            browser.get(console + "player.html?node=ALD-CA-MLA");
            wait(browser).until(page -> PLAYED.equals(text(page, "node")));
            Object refused = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/api/v1/nodes/ALD-CA-MLA/inbox', {headers: {Authorization: 'Bearer ' + arguments[0]}})
                  .then(r => done(r.status));""", tokens.get("PLAYER"));
            assertThat(refused).isEqualTo(403L);

            // the trainer's backlog shows the case settled, while time still stands
            browser.switchTo().window(trainer);
            wait(browser).until(page -> openCasesOf(page, PLAYED) == backlogBefore - 1);
            assertThat(simulatedTime(browser)).isEqualTo(pausedAt);
            screenshot(browser, "trainer.png");

            // the executed case (and the simulated nodes' settled ones) on the legal latency chart
            assertThat(text(browser, "latency-closed")).doesNotStartWith("0 ");

            browser.findElement(By.id("resume")).click();
            wait(browser).until(page -> "RUNNING".equals(text(page, "exercise-state"))
                && simulatedTime(page).isAfter(pausedAt.plus(Duration.ofHours(6))));
            // the MSEL checked on the run so far: INJ-02, fired at the pause, once the timer has passed it
            wait(browser).until(page -> checkOf(page, "#msel tr[data-inject='INJ-02']")
                .equals("injects.INJ-02.fired = 1 (expected 1–1): met"));
            ((JavascriptExecutor) browser).executeScript("document.getElementById('msel-title').scrollIntoView()");
            screenshot(browser, "trainer-feed.png");
            browser.findElement(By.id("end")).click();

            // the after-action: the player's steps and response times beside the simulated nodes', the report linked
            // (written once the pipeline has drained: as long after the end as the run took before)
            new WebDriverWait(browser, Duration.ofMinutes(3), Duration.ofMillis(500))
                .until(page -> !page.findElements(By.id("report-link")).isEmpty());
            WebElement player = browser.findElement(By.cssSelector("#players tr[data-node='" + PLAYED + "']"));
            assertThat(player.findElements(By.cssSelector("td")).get(2).getText()).as("steps").isEqualTo("2");
            assertThat(browser.findElements(By.cssSelector("#simulated tbody tr"))).isNotEmpty();
            screenshot(browser, "after-action.png");
            String outcomeChecked = checkOf(browser, "#outcomes tbody tr");
            AccessibilityAudit.assertAccessible(browser, "the trainer's after-action");
            browser.findElement(By.id("report-link")).click();
            wait(browser).until(page -> page.getCurrentUrl().endsWith("/report/report.html")
                && page.findElement(By.tagName("body")).getText().contains("Players"));
            afterActionSeen.countDown();

            ExerciseReport report = played.get(3, TimeUnit.MINUTES).report();
            ExerciseReport.PlayerLine line = report.players().getFirst();
            assertThat(line.node()).isEqualTo(PLAYED);
            assertThat(line.actions()).isEqualTo(2);
            assertThat(report.injects()).filteredOn(inject -> inject.id().equals("INJ-02"))
                .singleElement().satisfies(inject -> assertThat(Instant.parse(inject.firedAt())).isEqualTo(pausedAt));
            // the trainer's last check of the outcome is the report's
            ExerciseReport.OutcomeLine outcome = report.outcomes().getFirst();
            assertThat(outcomeChecked).isEqualTo("%s = %d (expected %d–%d): %s", outcome.metric(), Math.round(outcome.observed()),
                Math.round(outcome.atLeast()), Math.round(outcome.atMost()), outcome.met() ? "met" : "not met so far");
            assertThat(HeadlessChromium.scriptErrors(browser)).as("the console's script errors").isEmpty();
        } catch (AssertionError | RuntimeException failed) {
            screenshot(browser, "failure.png");
            List<String> errors = HeadlessChromium.scriptErrors(browser);
            if (!errors.isEmpty()) {
                failed.addSuppressed(new AssertionError("the console's script errors: " + errors));
            }
            throw failed;
        } finally {
            browser.quit();
            runner.shutdownNow();
        }
    }

    private static void signIn(WebDriver browser, String console, String token) {
        browser.get(console + "index.html");
        AccessibilityAudit.assertAccessible(browser, "the sign-in page");
        browser.findElement(By.id("token")).sendKeys(token);
        browser.findElement(By.cssSelector("#sign-in button[type=submit]")).click();
    }

    /** Clicks the element, found again if the page rebuilt it meanwhile (the inbox reloads on every event). */
    private static void click(WebDriver browser, By element) {
        wait(browser).until(page -> {
            page.findElement(element).click();
            return true;
        });
    }

    private static WebDriverWait wait(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, WITHIN, Duration.ofMillis(200));
        wait.ignoreAll(List.of(org.openqa.selenium.NoSuchElementException.class,
            org.openqa.selenium.StaleElementReferenceException.class));
        return wait;
    }

    /** The trainer's feed lines of {@code kind} about the played node's acknowledgement clock, newest first. */
    private static List<WebElement> feed(WebDriver page, String kind) {
        return page.findElements(By.cssSelector("#feed li[data-kind='" + kind + "']")).stream()
            .filter(line -> line.getText().contains(" to " + PLAYED + ": CA_ACKNOWLEDGEMENT ")).toList();
    }

    /** The check shown in the first row {@code row} selects: an expectation on the run so far. */
    private static String checkOf(WebDriver page, String row) {
        return page.findElement(By.cssSelector(row + " td.check")).getText();
    }

    private static String text(WebDriver page, String id) {
        return page.findElement(By.id(id)).getText();
    }

    private static Instant simulatedTime(WebDriver page) {
        String at = page.findElement(By.id("sim-time")).getAttribute("datetime");
        return at == null ? Instant.MIN : Instant.parse(at);
    }

    /** The open cases the trainer's load table shows for {@code node}, or null before it shows the node. */
    private static Integer openCasesOf(WebDriver page, String node) {
        return page.findElements(By.cssSelector("#backlog tr[data-node='" + node + "'] td.open")).stream()
            .findFirst().map(WebElement::getText).map(Integer::valueOf).orElse(null);
    }

    private static void screenshot(WebDriver browser, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
