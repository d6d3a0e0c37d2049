package io.github.xmppiot.examples.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless chromium driven through chromedriver (Selenium), for the console's browser tests. Without
 * chromium the tests are skipped with a message, except in CI (environment variable {@code CI} set), where they fail.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    private final WebDriver driver;
    private final ChromeDriverService service;

    private Browser(WebDriver driver, ChromeDriverService service) {
        this.driver = driver;
        this.service = service;
    }

    /**
     * Starts a headless chromium, or skips the test if it is missing outside CI.
     *
     * @return the browser
     */
    static Browser start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String message = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver, or scripts/test-deps.sh)";
            if (System.getenv("CI") != null) {
                throw new AssertionError(message + "; in CI they must run");
            }
            Assumptions.abort(message);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1400,1100",
                "--no-first-run",
                "--disable-extensions");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options), service);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    /**
     * Waits up to 20 s for a condition.
     *
     * @param what      what is awaited, for the failure message
     * @param condition the condition; a non-null, non-false result ends the wait
     * @param <T>       the result type
     * @return the result
     */
    <T> T await(String what, Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("failed");
            throw new AssertionError(
                    "not within 20 s: " + what + "; the page shows:\n"
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    WebElement find(String css) {
        return await(
                css,
                d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /** Waits until an element's text contains a string, and returns the text. */
    String awaitText(String css, String expected) {
        return await(
                css + " containing '" + expected + "'",
                d -> d.findElements(By.cssSelector(css)).stream()
                        .map(WebElement::getText)
                        .filter(t -> t.contains(expected))
                        .findFirst()
                        .orElse(null));
    }

    boolean present(String css) {
        return !driver.findElements(By.cssSelector(css)).isEmpty();
    }

    /** Types into the first element matching {@code css}, finding it again if the page re-rendered it meanwhile. */
    void type(String css, String text) {
        await("type into " + css, d -> {
            WebElement e =
                    d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null);
            if (e == null) {
                return null;
            }
            e.clear();
            e.sendKeys(text);
            return Boolean.TRUE;
        });
    }

    /** Clicks the first element matching {@code css}, finding it again if the page re-rendered it meanwhile. */
    void click(String css) {
        await("click " + css, d -> {
            WebElement e =
                    d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null);
            if (e == null) {
                return null;
            }
            e.click();
            return Boolean.TRUE;
        });
    }

    /**
     * Saves a screenshot of the page under target/console-screenshots.
     *
     * @param name the file name without extension
     * @return the file
     */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}
