package id.ruangaman.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven through its chromedriver, headless, with a throwaway profile and none of the background
 * connections this machine's closed network refuses. The browser tests' one way to open a real browser.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    private HeadlessChromium(WebDriver driver, Path profile) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(60));
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
}
