package id.ruangaman.testing;

import java.io.IOException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The real-browser tests' common frame: a fresh {@link HeadlessChromium} before each test, closed after it, and the
 * inbox's login form filled in as a person does (typing into the fields the page renders, then pressing its button),
 * and the few gestures every page test makes: {@link #click}, {@link #type}, {@link #check}, {@link #date}. Each waits
 * (up to 30 seconds) for its element first and scrolls it to the middle of the window, as a person would bring it into
 * view before pressing or typing.
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

    /**
     * Opens {@code path} of the service at {@code base} (the test's {@code @TestHTTPResource("/")}), which sends the
     * browser to the login page, logs in as {@code username} with {@code password} as a person does, and waits for the
     * page behind the login.
     */
    protected final void openLoggedIn(java.net.URL base, String path, String username, String password) {
        driver.get(base.toString().replaceAll("/$", "") + path);
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/login"));
        typeLogin(username, password);
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("logout")));
    }

    /** Types {@code username} and {@code password} into the login page now shown and presses its button. */
    protected final void typeLogin(String username, String password) {
        driver.findElement(By.id("j_username")).sendKeys(username);
        driver.findElement(By.id("j_password")).sendKeys(password);
        driver.findElement(By.id("login")).click();
    }

    /**
     * Presses the element once it is shown and enabled. A page that replaces the element meanwhile (a live list
     * refreshing, a section saved) is read again rather than failing on the old element.
     */
    protected final void click(By locator) {
        wait.until(d -> {
            try {
                WebElement element = d.findElement(locator);
                if (!element.isDisplayed() || !element.isEnabled()) {
                    return false;
                }
                scrollToMiddle(element);
                element.click();
                return true;
            } catch (StaleElementReferenceException replaced) {
                return false;
            }
        });
    }

    /** Empties the field once it can be typed into, then types {@code text} key by key. */
    protected final void type(By locator, String text) {
        WebElement field = wait.until(ExpectedConditions.elementToBeClickable(locator));
        scrollToMiddle(field);
        field.clear();
        field.sendKeys(text);
    }

    /** Ticks the checkbox (or radio button) unless it already is. */
    protected final void check(By locator) {
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(locator));
        if (!box.isSelected()) {
            scrollToMiddle(box);
            box.click();
        }
    }

    /**
     * Sets a date field to {@code value} ({@code yyyy-MM-dd}) as the browser's form would hold it: date pickers differ
     * between locales, so the keys a person presses do too.
     */
    protected final void date(By locator, String value) {
        WebElement field = wait.until(ExpectedConditions.presenceOfElementLocated(locator));
        ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", field, value);
    }

    /** Marks the page now open, so {@link #lineShownInPlace} can tell it was changed in place, not reloaded. */
    protected final void markNotReloaded() {
        ((JavascriptExecutor) driver).executeScript("document.body.setAttribute('data-not-reloaded', 'yes')");
    }

    /**
     * Waits for the line with {@code id} (such as {@code case-gone}) to show, and checks that it says {@code words} and
     * that the page marked by {@link #markNotReloaded} was changed in place. Returns the line.
     */
    protected final WebElement lineShownInPlace(String id, String words) {
        WebElement line = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        org.junit.jupiter.api.Assertions.assertTrue(line.getText().contains(words), line.getText());
        org.junit.jupiter.api.Assertions.assertEquals("yes", driver.findElement(By.tagName("body")).getAttribute("data-not-reloaded"),
                "the page was not reloaded");
        return line;
    }

    /** Checks that nothing on the page can be sent, and that {@code typed} is kept read-only in {@code typed-unsent}, to copy. */
    protected final void assertFrozenKeeping(String typed) {
        org.junit.jupiter.api.Assertions.assertTrue(
                driver.findElements(By.cssSelector("main form[method=post] button[type=submit]:not([disabled])")).isEmpty(),
                "nothing on the page can be sent");
        WebElement kept = driver.findElement(By.id("typed-unsent"));
        org.junit.jupiter.api.Assertions.assertEquals(typed, kept.getAttribute("value"), "what was typed, to copy");
        org.junit.jupiter.api.Assertions.assertEquals("true", kept.getAttribute("readonly"));
    }

    private void scrollToMiddle(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }
}
