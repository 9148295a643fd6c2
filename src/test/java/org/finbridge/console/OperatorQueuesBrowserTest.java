package org.finbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUser;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.internal.TotpCodes;
import org.finbridge.payments.Payment;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.PaymentState;
import org.finbridge.payments.Payments;
import org.finbridge.risk.aml.AmlCase;
import org.finbridge.risk.aml.AmlCases;
import org.finbridge.risk.aml.CaseStatus;
import org.finbridge.risk.fraud.FraudDecision;
import org.finbridge.risk.fraud.FraudReviews;
import org.finbridge.risk.sanctions.HitStatus;
import org.finbridge.risk.sanctions.SanctionsReview;
import org.finbridge.settlement.PayoutState;
import org.finbridge.settlement.Settlement;
import org.finbridge.supervision.BopDeclarations;
import org.finbridge.supervision.BopStatus;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operators' queues worked in a real browser (Debian's headless Chromium through chromedriver), the way
 * two risk analysts share them: one works in Chinese, the other in English, and each clears a payment held
 * for fraud review (one declined and refunded, one approved), dismisses a sanctions hit (its held payout is
 * released) and closes an AML case the other proposed to close (four eyes). A missing reason is refused on
 * the page and changes nothing; the keyboard alone reaches the buttons. A regulator records a
 * balance-of-payments declaration as filed, then accepted. The ledger invariant sweep ends the journey.
 * A screenshot is kept under {@code target/console-screenshots} when a step fails.
 */
@ApplicationTest
class OperatorQueuesBrowserTest {

    static final String PASSWORD = "correct horse battery staple";

    @LocalServerPort
    int port;
    @Autowired
    ConsoleUsers users;
    @Autowired
    Ledger ledger;
    @Autowired
    Payments payments;
    @Autowired
    FraudReviews fraud;
    @Autowired
    AmlCases amlCases;
    @Autowired
    SanctionsReview sanctions;
    @Autowired
    Settlement settlement;
    @Autowired
    BopDeclarations bop;
    @Autowired
    MutableClock clock;
    @Autowired
    org.springframework.context.ApplicationContext context;
    @Autowired
    TestActors actors;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerInvariants invariants;

    ConsoleBrowser chromium;
    WebDriver browser;
    OperatorQueueFixtures fixtures;

    @BeforeEach
    void startBrowser() throws Exception {
        fixtures = OperatorQueueFixtures.of(context, actors.operator().partyId());
        chromium = ConsoleBrowser.start();
        browser = chromium.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void twoAnalystsClearFraudReviewsDismissSanctionsHitsAndCloseAmlCasesInChineseAndEnglish(TestInfo test) throws Exception {
        OperatorQueueFixtures.HeldPayout hitZh = fixtures.heldPayout();
        OperatorQueueFixtures.HeldPayout hitEn = fixtures.heldPayout();
        OperatorQueueFixtures.HeldForReview fraudZh = fixtures.heldForReview(8_800);
        OperatorQueueFixtures.HeldForReview fraudEn = fixtures.heldForReview(2_200);
        AmlCase caseZh = fixtures.referredCase();
        AmlCase caseEn = fixtures.referredCase();
        PartyId operator = actors.operator().partyId();
        String[] chinese = consoleUser(operator, ConsoleRole.OPERATOR_RISK_ANALYST);
        String[] english = consoleUser(operator, ConsoleRole.OPERATOR_RISK_ANALYST);
        String base = "http://localhost:" + port;

        try {
            // the first analyst, in Chinese
            logIn(base, chinese, "zh-CN");
            waitFor(d -> d.getCurrentUrl().endsWith("/console/app/operator"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("运营工作台");
            assertEveryInputIsLabelled();

            // a decline without a reason is refused and changes nothing
            By fraudRow = fraudRow(fraudZh);
            showRow("fraud-queue", fraudRow);
            click(browser.findElement(fraudRow).findElement(By.className("decline")));
            waitForMessage("error", "须填写 1 至 500 个字符的理由。支付未变更。");
            assertThat(fraud.find(fraudZh.decision().id()).orElseThrow().review()).isEqualTo(FraudDecision.ReviewStatus.OPEN);
            assertThat(payment(fraudZh).state()).isEqualTo(PaymentState.CAPTURED);

            showRow("fraud-queue", fraudRow);
            browser.findElement(fraudRow).findElement(By.className("reason")).sendKeys("持卡人否认交易");
            click(browser.findElement(fraudRow).findElement(By.className("decline")));
            waitForMessage("notice", "支付 " + fraudZh.payment().id() + " 已拒绝：款项已退还买家，标记为欺诈。");
            assertThat(browser.findElements(fraudRow)).isEmpty();
            Payment refunded = payment(fraudZh);
            assertThat(refunded.state()).isEqualTo(PaymentState.REFUNDED);
            assertThat(refunded.refunded()).isEqualTo(refunded.captured());
            assertThat(fraud.find(fraudZh.decision().id()).orElseThrow().label()).isEqualTo(FraudDecision.Verdict.FRAUD);

            // the sanctions hit, from the keyboard: reason, past "confirm" to "dismiss", Enter
            By hitRow = By.cssSelector("#sanctions-hits tr[data-hit='" + hitZh.hit() + "']");
            showRow("sanctions-hits", hitRow);
            WebElement reason = browser.findElement(hitRow).findElement(By.className("reason"));
            reason.sendKeys("注册号不同，非名单主体", Keys.TAB);
            assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("confirm-hit");
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("dismiss-hit");
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            waitForMessage("notice", hitZh.legalName() + " 的命中已作为误报排除：其扣留的款项已放行。");
            assertThat(sanctions.find(hitZh.hit()).orElseThrow().status()).isEqualTo(HitStatus.FALSE_POSITIVE);
            assertThat(fixtures.now(hitZh.payout()).state()).as("the payout the hit held is released").isEqualTo(PayoutState.CREATED);

            // the AML case: proposed for closing here, decided by the other analyst
            By caseRow = caseRow(caseZh);
            showRow("aml-cases", caseRow);
            browser.findElement(caseRow).findElement(By.className("aml-text")).sendKeys("买家为批发客户，有合同");
            click(browser.findElement(caseRow).findElement(By.className("propose-no-report")));
            waitForMessage("notice", "案件 " + caseZh.id() + "：已建议不报告结案，须由另一名分析员批准。");
            assertThat(amlCases.find(caseZh.id()).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_APPROVAL);
            // the preparer cannot approve it
            showRow("aml-cases", caseRow);
            browser.findElement(caseRow).findElement(By.className("aml-text")).sendKeys("同意");
            click(browser.findElement(caseRow).findElement(By.className("approve-proposal")));
            waitForMessage("error", "案件 " + caseZh.id() + " 的建议由您提出，须由另一名分析员决定（四眼原则）。案件未变更。");
            assertThat(amlCases.find(caseZh.id()).orElseThrow().status()).isEqualTo(CaseStatus.AWAITING_APPROVAL);

            // the second analyst, in English
            click(browser.findElement(By.id("logout")));
            waitFor(d -> d.getCurrentUrl().contains("/console/login"));
            logIn(base, english, "en");
            waitFor(d -> d.getCurrentUrl().endsWith("/console/app/operator"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Operations");

            By approveRow = fraudRow(fraudEn);
            showRow("fraud-queue", approveRow);
            browser.findElement(approveRow).findElement(By.className("reason")).sendKeys("repeat buyer, same device as before");
            click(browser.findElement(approveRow).findElement(By.className("approve")));
            waitForMessage("notice", "Payment " + fraudEn.payment().id() + " approved: it stands and is labelled legitimate.");
            assertThat(payment(fraudEn).state()).isEqualTo(PaymentState.CAPTURED);
            assertThat(fraud.find(fraudEn.decision().id()).orElseThrow().label()).isEqualTo(FraudDecision.Verdict.LEGITIMATE);

            By hitRowEn = By.cssSelector("#sanctions-hits tr[data-hit='" + hitEn.hit() + "']");
            showRow("sanctions-hits", hitRowEn);
            browser.findElement(hitRowEn).findElement(By.className("reason")).sendKeys("different registry number and country");
            click(browser.findElement(hitRowEn).findElement(By.className("dismiss-hit")));
            waitForMessage("notice", "Hit on " + hitEn.legalName() + " dismissed as a false positive: what it held is released.");
            assertThat(fixtures.now(hitEn.payout()).state()).isEqualTo(PayoutState.CREATED);

            // the first analyst's proposal is approved here: the case is closed, not suspicious
            showRow("aml-cases", caseRow);
            assertThat(browser.findElement(caseRow).findElement(By.className("proposal")).getText())
                    .isEqualTo("user:" + chinese[0] + " proposes closing it as not suspicious.");
            browser.findElement(caseRow).findElement(By.className("aml-text")).sendKeys("agreed: contract on file");
            click(browser.findElement(caseRow).findElement(By.className("approve-proposal")));
            waitForMessage("notice", "Case " + caseZh.id() + " closed: not suspicious.");
            assertThat(browser.findElements(caseRow)).isEmpty();
            AmlCase closed = amlCases.find(caseZh.id()).orElseThrow();
            assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED_NO_REPORT);
            assertThat(closed.preparer()).isEqualTo("user:" + chinese[0]);
            assertThat(closed.approver()).isEqualTo("user:" + english[0]);

            By caseRowEn = caseRow(caseEn);
            showRow("aml-cases", caseRowEn);
            browser.findElement(caseRowEn).findElement(By.className("aml-text")).sendKeys("one-off trade fair orders, invoices seen");
            click(browser.findElement(caseRowEn).findElement(By.className("propose-no-report")));
            waitForMessage("notice", "Case " + caseEn.id() + ": closing without a report proposed. A second analyst must approve.");

            // back to the first analyst, who approves the second analyst's proposal in Chinese
            click(browser.findElement(By.id("logout")));
            waitFor(d -> d.getCurrentUrl().contains("/console/login"));
            logIn(base, chinese, "zh-CN");
            waitFor(d -> d.getCurrentUrl().endsWith("/console/app/operator"));
            By caseRowBack = caseRow(caseEn);
            showRow("aml-cases", caseRowBack);
            browser.findElement(caseRowBack).findElement(By.className("aml-text")).sendKeys("同意结案");
            click(browser.findElement(caseRowBack).findElement(By.className("approve-proposal")));
            waitForMessage("notice", "案件 " + caseEn.id() + " 已结案：无可疑。");
            assertThat(amlCases.find(caseEn.id()).orElseThrow().status()).isEqualTo(CaseStatus.CLOSED_NO_REPORT);

            assertThat(invariants.sweep().isClean()).isTrue();
        } catch (AssertionError | RuntimeException e) {
            screenshot(test);
            throw e;
        }
    }

    /**
     * The finance operator starts the day's settlement run from the console in Chinese, follows it (htmx polls the
     * panel until the run is complete: lines done of those planned, merchants, amounts), then reads it in English.
     */
    @Test
    void theFinanceOperatorStartsTheDaysSettlementRunAndFollowsItToTheEnd(TestInfo test) throws Exception {
        clock.advance(Duration.ofDays(3));
        fixtures.merchantToSettle(12_000);
        clock.advance(Duration.ofDays(1));
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        String[] finance = consoleUser(actors.operator().partyId(), ConsoleRole.OPERATOR_FINANCE);
        By row = By.cssSelector("#runs tr[data-date='" + today + "']");
        try {
            logIn("http://localhost:" + port, finance, "zh-CN");
            waitFor(d -> d.getCurrentUrl().endsWith("/console/app/operator"));
            click(browser.findElement(By.id("settlement-link")));
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("结算批次"));
            assertEveryInputIsLabelled();
            assertThat(browser.findElement(By.id("business-date")).getAttribute("value")).isEqualTo(today.toString());

            click(browser.findElement(By.id("start")));
            waitForMessage("notice", today + " 的结算批次已发起，进度见下方。");
            new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> !d.findElements(row).isEmpty() && "COMPLETED".equals(d.findElement(row).getAttribute("data-status")));
            WebElement done = browser.findElement(row);
            String lines = done.getAttribute("data-lines");
            assertThat(Integer.parseInt(lines)).isPositive();
            assertThat(done.findElement(By.className("run-status")).getText()).isEqualTo("已完成");
            // lines the ledger refused (another journey's merchant owing more than it holds) count as done too
            int refused = settlement.runs(100).stream().filter(r -> r.businessDate().equals(today)).findFirst().orElseThrow().refused();
            assertThat(done.getAttribute("data-done")).isEqualTo(lines);
            assertThat(done.findElement(By.className("run-lines")).getText())
                    .isEqualTo("已处理 " + lines + " / " + lines + " 行（拒绝 " + refused + " 行）");
            assertThat(Integer.parseInt(done.findElement(By.className("run-merchants")).getText())).isPositive();
            assertThat(done.findElement(By.className("run-totals")).getText()).contains("结算放款").contains("EUR");
            waitFor(d -> "false".equals(d.findElement(By.id("runs-panel")).getAttribute("data-working")));

            click(browser.findElement(By.id("language")));
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Settlement runs"));
            assertThat(browser.findElement(row).findElement(By.className("run-status")).getText()).isEqualTo("Completed");
            assertThat(browser.findElement(row).findElement(By.className("run-lines")).getText())
                    .isEqualTo(lines + " of " + lines + " lines done (" + refused + " refused)");
            assertThat(invariants.sweep().isClean()).isTrue();
        } catch (AssertionError | RuntimeException e) {
            screenshot(test);
            throw e;
        }
    }

    @Test
    void aRegulatorRecordsADeclarationAsFiledThenAccepted(TestInfo test) throws Exception {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        UUID declaration = fixtures.bopDeclaration(today);
        String[] regulator = consoleUser(actors.party(PartyKind.REGULATOR).partyId(), ConsoleRole.REGULATOR);
        By row = By.cssSelector("#bop tr[data-declaration='" + declaration + "']");
        try {
            logIn("http://localhost:" + port, regulator, "en");
            waitFor(d -> d.getCurrentUrl().endsWith("/console/app/regulator"));
            showRow("bop", row);
            assertThat(browser.findElement(row).findElement(By.className("bop-status")).getText()).isEqualTo("Recorded, not filed");
            new Select(browser.findElement(row).findElement(By.className("bop-next"))).selectByValue("FILED");
            WebElement note = browser.findElement(row).findElement(By.className("bop-note"));
            note.sendKeys("SAFE-2026-000777", Keys.ENTER); // the keyboard submits the form
            waitFor(d -> !d.findElements(By.id("notice")).isEmpty());
            assertThat(bop.find(declaration).orElseThrow().status()).isEqualTo(BopStatus.FILED);

            click(browser.findElement(By.id("language")));
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("监管总览"));
            showRow("bop", row);
            assertThat(browser.findElement(row).findElement(By.className("bop-status")).getText()).startsWith("已报送");
            new Select(browser.findElement(row).findElement(By.className("bop-next"))).selectByValue("ACCEPTED");
            browser.findElement(row).findElement(By.className("bop-note")).sendKeys("受理回执 88");
            click(browser.findElement(row).findElement(By.className("bop-record")));
            waitForMessage("notice", "申报 " + bop.find(declaration).orElseThrow().reference() + " 已登记为已接受。");
            assertThat(bop.find(declaration).orElseThrow().status()).isEqualTo(BopStatus.ACCEPTED);
            showRow("bop", row);
            // accepted is final: no form is offered
            assertThat(browser.findElement(row).findElements(By.className("bop-record"))).isEmpty();
        } catch (AssertionError | RuntimeException e) {
            screenshot(test);
            throw e;
        }
    }

    private Payment payment(OperatorQueueFixtures.HeldForReview held) {
        return payments.find(PaymentFixtures.operatorActor(actors.operator().partyId()), held.payment().id()).orElseThrow();
    }

    private static By fraudRow(OperatorQueueFixtures.HeldForReview held) {
        return By.cssSelector("#fraud-queue tr[data-decision='" + held.decision().id() + "']");
    }

    private static By caseRow(AmlCase c) {
        return By.cssSelector("#aml-cases tr[data-case='" + c.id() + "']");
    }

    /** Waits for the page after a form's redirect to show this message (the one before may still be showing). */
    private void waitForMessage(String id, String text) {
        try {
            waitFor(d -> d.findElements(By.id(id)).stream().anyMatch(e -> e.getText().equals(text)));
        } catch (org.openqa.selenium.TimeoutException e) {
            List<String> shown = browser.findElements(By.cssSelector("#notice, #error")).stream().map(WebElement::getText).toList();
            throw new AssertionError("expected #" + id + " \"" + text + "\", the page shows " + shown, e);
        }
    }

    /**
     * Pages the given table until the row shows. The operators' queues are paged by the server (the pager's next
     * is a link: the whole page is read again); shorter tables page in the browser (a button).
     */
    private void showRow(String table, By row) {
        for (int i = 0; i < 200 && !shown(row); i++) {
            WebElement next = browser.findElement(By.cssSelector("#" + table + " + .table-pager .page-next"));
            boolean server = "a".equals(next.getTagName());
            assertThat(server ? "false".equals(next.getAttribute("aria-disabled")) : next.isEnabled())
                    .as("the row is on no page of #" + table).isTrue();
            click(next);
            if (server) {
                waitFor(d -> {
                    try {
                        next.isDisplayed();
                        return false;
                    } catch (org.openqa.selenium.StaleElementReferenceException gone) {
                        return true;
                    }
                });
            }
        }
    }

    private boolean shown(By row) {
        List<WebElement> found = browser.findElements(row);
        return !found.isEmpty() && found.getFirst().isDisplayed();
    }

    private void click(WebElement element) {
        chromium.click(element);
    }

    /** A console user of the party in the role, with TOTP confirmed; the clock is moved on to the next code. */
    private String[] consoleUser(PartyId party, ConsoleRole role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@queues.test";
        ConsoleUser user = ((ConsoleUsers.Creation.Created) users.create(party, email, PASSWORD, role, "test")).user();
        String secret = TotpCodes.secretOf(users.startTotpEnrolment(user.id()).orElseThrow());
        assertThat(users.confirmTotp(user.id(), TotpCodes.code(secret, clock.instant()))).isTrue();
        clock.advance(Duration.ofSeconds(31));
        return new String[] {email, secret};
    }

    private void logIn(String base, String[] user, String lang) {
        clock.advance(Duration.ofSeconds(31)); // a code is accepted once: each login uses the next one
        browser.get(base + "/console/login?lang=" + lang);
        browser.findElement(By.id("email")).sendKeys(user[0]);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("totp")).sendKeys(TotpCodes.code(user[1], clock.instant()));
        browser.findElement(By.id("login-submit")).click();
    }

    /** Every input and select of the page has exactly one label naming it (checked in the page: queues are long). */
    private void assertEveryInputIsLabelled() {
        Object unlabelled = ((JavascriptExecutor) browser).executeScript("""
                return Array.from(document.querySelectorAll("input:not([type='hidden']), select"))
                    .filter(i => !i.id || document.querySelectorAll("label[for='" + CSS.escape(i.id) + "']").length !== 1)
                    .map(i => i.name + '#' + i.id);""");
        assertThat((List<?>) unlabelled).as("inputs without exactly one label").isEmpty();
    }

    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        chromium.waitFor(condition);
    }

    private void screenshot(TestInfo test) {
        chromium.screenshot(test);
    }
}
