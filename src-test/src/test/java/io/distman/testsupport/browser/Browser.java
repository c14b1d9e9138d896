package io.distman.testsupport.browser;

import io.distman.testsupport.TestEnvironment;
import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven through /usr/bin/chromedriver, as a user would use the screens: sign
 * in, click, wait for PrimeFaces' AJAX rather than sleeping, take screenshots, download files.
 * Runs on the test client (tests use {@code @RunAsClient}), never inside GlassFish.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ChromeDriver driver;
    private final String base;
    private final Path downloads;

    private Browser(URL base) throws IOException {
        this.base = base.toExternalForm().endsWith("/") ? base.toExternalForm() : base.toExternalForm() + "/";
        this.downloads = Files.createDirectories(Path.of(TestEnvironment.get("distman.test.downloads")))
                .resolve("dl-" + System.nanoTime());
        Files.createDirectories(downloads);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        // The flags the machine's notes prescribe: without the networking ones Chromium keeps dialling
        // Google's hosts, which this closed network refuses.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--no-first-run", "--disable-quic", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        // Naming the driver executable keeps Selenium Manager (which would download one) out of it.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** @param base the application's URL, e.g. {@code @ArquillianResource URL} of the WAR (/distman/) */
    public static Browser open(URL base) throws IOException {
        return new Browser(base);
    }

    /** Opens a page of the application, e.g. {@code "app/audit.xhtml"}. */
    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    /** Signs in through the login page, as a user types it. */
    public Browser login(String username, String password) {
        go("login.xhtml");
        type(By.id("login:username"), username);
        type(By.id("login:password"), password);
        driver.findElement(By.id("login:signIn")).click();
        new WebDriverWait(driver, WAIT).until(d -> !d.getCurrentUrl().contains("login.xhtml")
                || d.getCurrentUrl().contains("failed=true")
                || !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
        return this;
    }

    public void type(By field, String text) {
        WebElement element = driver.findElement(field);
        element.clear();
        element.sendKeys(text);
    }

    public WebElement find(By by) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Clicks and waits until PrimeFaces' AJAX queue (if any) is empty and the document is complete. */
    public void click(By by) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(by)).click();
        waitForAjax();
    }

    public void waitForAjax() {
        new WebDriverWait(driver, WAIT).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete'"
                        + " && (!window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty())"
                        + " && (!window.jQuery || jQuery.active === 0);")));
    }

    /**
     * Waits for the condition, trying again when the element it read was replaced under it (an AJAX update or
     * a page load): Chromium 156 reports that as a plain "Node with given id does not belong to the document"
     * inspector error rather than a stale element (LoginIT failed on it once while the account switch reloaded).
     */
    public <T> void waitUntil(java.util.function.Function<WebDriver, T> condition) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            try {
                return condition.apply(d);
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        });
    }

    /** Saves a screenshot as {@code <distman.test.screenshots>/<name>.png}; the README uses them. */
    public Path screenshot(String name) throws IOException {
        Path dir = Files.createDirectories(Path.of(TestEnvironment.get("distman.test.screenshots")));
        Path target = dir.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** Waits for a download to finish (Chromium writes *.crdownload until it is complete). */
    public Path awaitDownload(String suffix) {
        return new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> {
            try (var files = Files.list(downloads)) {
                return files.filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst().orElse(null);
            } catch (IOException e) {
                return null;
            }
        });
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    public WebDriver driver() {
        return driver;
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
