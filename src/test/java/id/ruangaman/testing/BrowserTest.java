package id.ruangaman.testing;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real-browser tests' common frame: a fresh {@link HeadlessChromium} before each test, closed after it, and the
 * inbox's login form filled in as a person does (typing into the fields the page renders, then pressing its button).
 * A subclass passes its window size to the constructor when a page must be seen at another size (375 wide is a phone).
 */
public abstract class BrowserTest {

    private final int width;
    private final int height;
    protected HeadlessChromium browser;
    protected WebDriver driver;
    /** Waits of up to 30 seconds ({@link HeadlessChromium#await()}). */
    protected WebDriverWait wait;

    /** A window of 1280 by 1600 CSS pixels. */
    protected BrowserTest() {
        this(1280, 1600);
    }

    /** A window of {@code width} by {@code height} CSS pixels. */
    protected BrowserTest(int width, int height) {
        this.width = width;
        this.height = height;
    }

    @BeforeEach
    protected final void openBrowser() throws IOException {
        browser = HeadlessChromium.start(width, height);
        driver = browser.driver();
        wait = browser.await();
    }

    @AfterEach
    protected final void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /** Types {@code username} and {@code password} into the login page now shown and presses its button. */
    protected final void typeLogin(String username, String password) {
        driver.findElement(By.id("j_username")).sendKeys(username);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
    }
}
