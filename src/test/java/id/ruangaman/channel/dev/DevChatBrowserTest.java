package id.ruangaman.channel.dev;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The README's "try it locally" path in a real browser: start the intake in /dev/chat and answer by typing into
 * the rendered send form (its CSRF field included), as well as by tapping buttons.
 */
@QuarkusTest
class DevChatBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TestHTTPResource("/")
    URL base;

    private WebDriver driver;
    private WebDriverWait wait;
    private Path profile;

    @BeforeEach
    void startBrowser() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "chromium and chromedriver are required (apt-get install chromium chromium-driver)");
        profile = Files.createTempDirectory("ruangaman-chrome");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=375,900", "--user-data-dir=" + profile.toAbsolutePath());
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterEach
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void shouldWalkTheIntakeByTypingAndTapping() {
        driver.get(base.toString().replaceAll("/$", "") + "/dev/chat");
        driver.findElement(By.xpath("//button[contains(., 'intake')]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("chat-text")));
        driver.findElement(By.xpath("//button[normalize-space(.)='Bahasa Indonesia']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Apakah kamu setuju untuk melanjutkan?"));

        type("ya");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "apakah kamu dalam bahaya sekarang?"));
        type("tidak");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Siapa yang membuat laporan ini?"));
        String body = driver.findElement(By.tagName("body")).getText();
        assertFalse(body.contains("400") || body.contains("Bad Request"), body);

        // The buttons of answered questions look inactive; the current question's do not.
        assertFalse(driver.findElements(By.cssSelector(".choices.old")).isEmpty(), "answered questions' buttons not marked");
        assertTrue(driver.findElements(By.cssSelector(".choices:not(.old)")).size() == 1, "exactly one live set of buttons");
        driver.findElement(By.xpath("//div[contains(@class,'choices') and not(contains(@class,'old'))]//button[contains(., 'Saya yang mengalaminya')]"))
                .click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Apakah usiamu di bawah 18 tahun?"));
    }

    private void type(String text) {
        var box = driver.findElement(By.id("chat-text"));
        box.sendKeys(text);
        driver.findElement(By.id("chat-send")).click();
    }
}
