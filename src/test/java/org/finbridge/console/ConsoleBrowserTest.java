package org.finbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.finbridge.ledger.Ledger;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUser;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.internal.TotpCodes;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.Payments;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console in a real browser (Debian's headless Chromium through chromedriver): a seller logs in with
 * password and TOTP, sees its balances and payments, in Chinese and in English, and logs out; every input
 * of the login page has a label and the keyboard moves through them. A screenshot is kept under
 * {@code target/console-screenshots} when a step fails.
 */
@ApplicationTest
class ConsoleBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    ConsoleUsers users;
    @Autowired
    Parties parties;
    @Autowired
    Ledger ledger;
    @Autowired
    CardTokenizer tokenizer;
    @Autowired
    Payments payments;
    @Autowired
    MutableClock clock;

    WebDriver browser;
    Path profile;

    @BeforeEach
    void startBrowser() throws Exception {
        assumeThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and chromedriver (Debian packages chromium, chromium-driver; .ci/run installs them)")
                .isTrue();
        profile = Files.createTempDirectory("finbridge-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSellerLogsInWithTotpSeesBalancesAndPaymentsInBothLanguagesAndLogsOut(TestInfo test) throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        PartyId merchant = fixtures.merchant("DE");
        for (long amount : List.of(12_345L, 6_789L)) {
            PaymentFixtures.done(payments.create(PaymentFixtures.merchantActor(merchant), PaymentFixtures.payment(merchant,
                    amount, "EUR", fixtures.card(PaymentFixtures.VISA_OK), CaptureMethod.MANUAL, "FR")));
        }
        String email = "seller-" + UUID.randomUUID().toString().substring(0, 8) + "@merchant.test";
        ConsoleUser user = ((ConsoleUsers.Creation.Created) users.create(merchant, email, PASSWORD, ConsoleRole.MERCHANT,
                "test")).user();
        String secret = TotpCodes.secretOf(users.startTotpEnrolment(user.id()).orElseThrow());
        assertThat(users.confirmTotp(user.id(), TotpCodes.code(secret, clock.instant()))).isTrue();
        clock.advance(Duration.ofSeconds(31)); // the next code: a code is accepted once

        try {
            String base = "http://localhost:" + port;
            browser.get(base + "/console/app");
            waitFor(d -> d.getCurrentUrl().contains("/console/login"));

            browser.get(base + "/console/login?lang=zh-CN");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录控制台");
            assertEveryInputIsLabelled();
            // the keyboard moves through the form in order
            WebElement emailField = browser.findElement(By.id("email"));
            emailField.click();
            emailField.sendKeys(email, Keys.TAB);
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("password");
            browser.switchTo().activeElement().sendKeys(PASSWORD, Keys.TAB);
            assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("totp");
            browser.switchTo().activeElement().sendKeys(TotpCodes.code(secret, clock.instant()), Keys.ENTER);

            waitFor(d -> d.getCurrentUrl().endsWith("/console/app/seller"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("卖家工作台");
            assertThat(browser.findElement(By.id("balances-heading")).getText()).isEqualTo("余额");
            WebElement eur = browser.findElement(By.cssSelector("#balances tr[data-currency='EUR']"));
            // both authorizations are held for the seller: 123.45 + 67.89
            assertThat(eur.findElements(By.tagName("td")).get(2).getText()).isEqualTo("191.34");
            assertThat(browser.findElements(By.cssSelector("#payments tbody tr"))).hasSize(2);

            browser.findElement(By.id("language")).click();
            waitFor(d -> d.findElement(By.id("balances-heading")).getText().equals("Balances"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Seller cockpit");

            browser.findElement(By.id("logout")).click();
            waitFor(d -> d.getCurrentUrl().contains("/console/login"));
            browser.get(base + "/console/app/seller");
            waitFor(d -> d.getCurrentUrl().contains("/console/login"));
        } catch (AssertionError | RuntimeException e) {
            screenshot(test);
            throw e;
        }
    }

    @Test
    void aWrongCodeIsRefusedOnThePage(TestInfo test) throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        PartyId merchant = fixtures.merchant("DE");
        String email = "seller-" + UUID.randomUUID().toString().substring(0, 8) + "@merchant.test";
        ConsoleUser user = ((ConsoleUsers.Creation.Created) users.create(merchant, email, PASSWORD, ConsoleRole.MERCHANT,
                "test")).user();
        String secret = TotpCodes.secretOf(users.startTotpEnrolment(user.id()).orElseThrow());
        assertThat(users.confirmTotp(user.id(), TotpCodes.code(secret, clock.instant()))).isTrue();
        try {
            browser.get("http://localhost:" + port + "/console/login?lang=en");
            browser.findElement(By.id("email")).sendKeys(email);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("totp")).sendKeys("000000");
            browser.findElement(By.id("login-submit")).click();
            waitFor(d -> d.findElement(By.id("login-error")).isDisplayed());
            assertThat(browser.findElement(By.id("login-error")).getText()).startsWith("Login failed");
            assertThat(browser.getCurrentUrl()).contains("/console/login");
        } catch (AssertionError | RuntimeException e) {
            screenshot(test);
            throw e;
        }
    }

    private void assertEveryInputIsLabelled() {
        for (WebElement input : browser.findElements(By.cssSelector("input"))) {
            String id = input.getAttribute("id");
            assertThat(id).as("input without id").isNotBlank();
            assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as("label for " + id).hasSize(1);
        }
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(condition);
    }

    private void screenshot(TestInfo test) {
        try {
            Path dir = Path.of("target", "console-screenshots");
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(test.getDisplayName().replaceAll("[^A-Za-z0-9]", "_") + ".png"), png);
        } catch (Exception ignored) {
            // the test's own failure is what matters
        }
    }
}
