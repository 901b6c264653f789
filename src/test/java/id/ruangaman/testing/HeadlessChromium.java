package id.ruangaman.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.logging.Level;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through its chromedriver, headless, with a throwaway profile and none of the background
 * connections this machine's closed network refuses. The browser tests' one way to open a real browser.
 * <p>
 * A wait that times out leaves what the browser last showed and did in {@code target/browser-failures/} (the page's
 * address and source, and its navigations and requests: address, method, status, cancelled or failed), and names the
 * address in the timeout's message: a run that failed once on a CI machine can be read afterwards.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.wait = new RecordingWait(driver);
        // A condition read while a form's answer replaces the page can hit a node of the old page; Chrome then answers
        // "Node with given id does not belong to the document" (a plain WebDriverException, not a stale element).
        // The wait looks again instead of failing: a condition that never holds still times out.
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class, org.openqa.selenium.WebDriverException.class);
        this.profile = profile;
    }

    /**
     * Starts a browser with a window of {@code width} by {@code height} CSS pixels (375 wide is a phone). Skips the
     * test, saying what to install, where Chromium or chromedriver is missing.
     */
    public static HeadlessChromium start(int width, int height) throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are required (apt-get install chromium chromium-driver)");
        Path profile = Files.createTempDirectory("ruangaman-chrome");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.INFO); // the DevTools events a failed wait records
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options), profile);
    }

    public WebDriver driver() {
        return driver;
    }

    /**
     * Waits of up to 60 seconds, polled every half second (a full run on a loaded two-core machine took the browser
     * tests three to four times as long as a quiet one; a wait ends as soon as its condition holds).
     */
    public WebDriverWait await() {
        return wait;
    }

    /** Quits the browser and deletes its profile. */
    @Override
    public void close() throws IOException {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    /** A 60-second wait that records the browser's state when it times out. */
    private static final class RecordingWait extends WebDriverWait {

        private static final Path FAILURES = Path.of("target", "browser-failures");
        private final WebDriver driver;

        RecordingWait(WebDriver driver) {
            super(driver, Duration.ofSeconds(60));
            this.driver = driver;
        }

        @Override
        protected RuntimeException timeoutException(String message, Throwable lastException) {
            String where;
            try {
                where = record();
            } catch (RuntimeException | IOException e) {
                where = "(the browser's state could not be recorded: " + e.getClass().getSimpleName() + ")";
            }
            return super.timeoutException(message + "; " + where, lastException);
        }

        private String record() throws IOException {
            String url = driver.getCurrentUrl();
            Files.createDirectories(FAILURES);
            Path page = Files.createTempFile(FAILURES, "wait-", ".html");
            Files.writeString(page, "<!-- " + url + " -->\n" + driver.getPageSource());
            StringBuilder events = new StringBuilder();
            for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
                String line = DevToolsEvent.summary(entry.getMessage());
                if (line != null) {
                    events.append(entry.getTimestamp()).append(' ').append(line).append('\n');
                }
            }
            Files.writeString(Path.of(page.toString().replaceFirst("\\.html$", ".events.txt")), events);
            return "the browser showed " + url + " (page and its requests in " + page.toAbsolutePath() + ")";
        }
    }
}
