package org.finbridge.console;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser of the console's journeys: Debian's headless Chromium driven through chromedriver, one fresh
 * profile per journey (removed afterwards). A journey is skipped, not failed, where the two are not installed
 * (Debian packages chromium and chromium-driver; CI installs them).
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final WebDriver driver;
    private final Path profile;

    private ConsoleBrowser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static ConsoleBrowser start() throws IOException {
        assumeThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and chromedriver (Debian packages chromium, chromium-driver; .ci/run installs them)")
                .isTrue();
        Path profile = Files.createTempDirectory("finbridge-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new ConsoleBrowser(new ChromeDriver(service, options), profile);
    }

    WebDriver driver() {
        return driver;
    }

    /** Waits for the condition; an element replaced while it was being read (a page reloading) is read again. */
    void waitFor(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /**
     * Clicks like a person: the element is brought into view and clicked once it stands still there. A page
     * reached through a link with a fragment (an operator's action returns to its queue's heading) is still
     * scrolling smoothly towards it when it has loaded (Bootstrap makes scrolling smooth), and a click during that
     * animation lands where the element was, or above the window.
     */
    void click(WebElement element) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        waitFor(d -> (Boolean) js.executeScript("""
                const e = arguments[0];
                e.scrollIntoView({block: 'center', behavior: 'instant'});
                const r = e.getBoundingClientRect();
                const still = e.dataset.lastTop === String(r.top);
                e.dataset.lastTop = String(r.top);
                return still && r.top >= 0 && r.bottom <= window.innerHeight;""", element));
        element.click();
    }

    /** Keeps what the browser shows under {@code target/console-screenshots}, named after the failing journey. */
    void screenshot(TestInfo test) {
        try {
            Path dir = Path.of("target", "console-screenshots");
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(test.getDisplayName().replaceAll("[^A-Za-z0-9]", "_") + ".png"), png);
        } catch (Exception ignored) {
            // the journey's own failure is what matters
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind costs nothing but disk
        }
    }
}
