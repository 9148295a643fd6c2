package org.finbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.finbridge.credit.CreditReports;
import org.finbridge.financing.AmortizationMethod;
import org.finbridge.financing.Financing;
import org.finbridge.financing.FinancingFixtures;
import org.finbridge.financing.Loan;
import org.finbridge.financing.LoanResult;
import org.finbridge.financing.LoanState;
import org.finbridge.financing.Portfolio;
import org.finbridge.financing.Programme;
import java.util.Map;
import org.finbridge.fx.FxAccounts;
import org.finbridge.fx.FxTestRates;
import org.finbridge.fx.Fx;
import org.finbridge.fx.Quote;
import org.finbridge.fx.QuoteId;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.ledger.AccountResult;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.NewAccount;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.BankAccountResult;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.KybApplication;
import org.finbridge.party.KybApplicationId;
import org.finbridge.party.KybState;
import org.finbridge.party.NewBankAccount;
import org.finbridge.party.NewParty;
import org.finbridge.party.Registration;
import org.finbridge.party.Onboarding;
import org.finbridge.party.RiskTier;
import org.finbridge.settlement.Payout;
import org.finbridge.settlement.Payouts;
import org.finbridge.support.Api;
import org.finbridge.ledger.LedgerInvariants;
import org.finbridge.party.Actor;
import org.finbridge.party.ConsentPurpose;
import org.finbridge.party.ConsentResult;
import org.finbridge.party.ConsentScope;
import org.finbridge.party.Consents;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.ConsoleUser;
import org.finbridge.party.ConsoleUsers;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.internal.TotpCodes;
import org.finbridge.payments.CaptureMethod;
import org.finbridge.payments.PaymentFixtures;
import org.finbridge.payments.Payments;
import org.finbridge.payments.internal.CardTokenizer;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.supervision.Licence;
import org.finbridge.supervision.PaymentInstitutions;
import org.finbridge.supervision.PilotZone;
import org.finbridge.supervision.PilotZones;
import org.finbridge.supervision.RegulatorViews;
import org.finbridge.supervision.Violation;
import org.finbridge.supervision.Violations;
import org.finbridge.support.ApplicationTest;
import org.finbridge.support.MutableClock;
import org.finbridge.support.TestActors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console in a real browser (Debian's headless Chromium through chromedriver): a seller logs in with
 * password and TOTP, sees its balances and payments, in Chinese and in English, and logs out; every input
 * of the login page has a label and the keyboard moves through them. A regulator sees the period's flows
 * (with their chart, by currency and by corridor), the licence register and the pilot zones, and opens and
 * closes a violation case, in Chinese then English; a lender reads an applicant's credit report under its
 * consent, approves the referred application and sees the loan in its portfolio by days past due, class and
 * vintage, in English then Chinese. Journeys are few: each one costs a browser. A screenshot is kept under
 * {@code target/console-screenshots} when a step fails.
 */
@ApplicationTest
class ConsoleBrowserTest {

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
    @Autowired
    TestActors actors;
    @Autowired
    RegulatorViews views;
    @Autowired
    PaymentInstitutions institutions;
    @Autowired
    PilotZones pilotZones;
    @Autowired
    Violations violations;
    @Autowired
    Financing financing;
    @Autowired
    java.util.List<org.finbridge.settlement.SettlementSweeps> sweeps;
    @Autowired
    Consents consents;
    @Autowired
    CreditReports creditReports;
    @Autowired
    LedgerInvariants invariants;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Fx fx;
    @Autowired
    ReferenceRates rates;
    @Autowired
    BankAccounts bankAccounts;
    @Autowired
    Payouts payouts;
    @Autowired
    Onboarding onboarding;

    ConsoleBrowser chromium;
    WebDriver browser;

    @BeforeEach
    void startBrowser() throws Exception {
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
            assertThat(browser.findElement(By.id("loans-heading")).getText()).isEqualTo("我的贷款");
            assertThat(browser.findElements(By.id("seller-loans"))).isEmpty(); // no loan yet

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

    @Test
    void aRegulatorSeesThePeriodsFlowsAndRegistersAndOpensAndClosesAViolationCaseInChineseThenEnglish(TestInfo test) throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        PartyId merchant = fixtures.merchant("DE");
        PaymentFixtures.done(payments.create(PaymentFixtures.merchantActor(merchant), PaymentFixtures.payment(merchant,
                25_000L, "EUR", fixtures.card(PaymentFixtures.VISA_OK), CaptureMethod.AUTOMATIC, "FR")));
        PartyId regulator = actors.party(PartyKind.REGULATOR).partyId();
        String[] user = consoleUser(regulator, ConsoleRole.REGULATOR, "regulator.test");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai"));
        // what supervision's read model says of the default period, the last 30 days: this payment among them
        RegulatorViews.Flow eur = views.flows(today.minusDays(29), today, RegulatorViews.GroupBy.CURRENCY).stream()
                .filter(f -> f.currency().equals("EUR")).findFirst().orElseThrow();
        assertThat(eur.payments()).isPositive();
        RegulatorViews.Flow corridor = views.flows(today.minusDays(29), today, RegulatorViews.GroupBy.CORRIDOR).stream()
                .filter(f -> f.group().equals("DE-FR") && f.currency().equals("EUR")).findFirst().orElseThrow();
        // a licensed institution (no connector of its own, so no other payment is routed under it) and a pilot zone
        PartyId institution = new PartyId(UUID.randomUUID());
        String licenceNumber = "PI-" + UUID.randomUUID().toString().substring(0, 8);
        institutions.register(new Licence(institution, licenceNumber, Set.of("CROSS_BORDER_PAYMENT"), Set.of("CN"),
                today.minusDays(1), today.plusYears(1), Money.ofMajor("50000", "USD"), Money.ofMajor("2000000", "USD"), Set.of()));
        String zoneCode = "ZONE-" + UUID.randomUUID().toString().substring(0, 8);
        pilotZones.define(new PilotZone(zoneCode, "Hangzhou CBEC comprehensive pilot zone", Set.of("VAT_EXEMPTION_WITHOUT_INVOICE"),
                Map.of("cn_fx.pilot_single_txn_cap_usd", "100000"), Set.of(merchant), today, null, 0));

        try {
            String base = "http://localhost:" + port;
            logIn(base, user, "zh-CN");
            waitFor(d -> d.getCurrentUrl().endsWith("/console/app/regulator"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("监管总览");
            WebElement row = browser.findElement(By.cssSelector("#flows tr[data-currency='EUR']"));
            assertThat(row.findElements(By.tagName("td")).get(1).getText()).isEqualTo(String.valueOf(eur.payments()));
            assertThat(row.findElements(By.tagName("td")).get(2).getText())
                    .isEqualTo(new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(eur.capturedMinor() / 100.0));
            // the chart is drawn by ECharts from the WebJar
            waitFor(d -> !d.findElements(By.cssSelector("#flows-chart[data-drawn='true'] canvas")).isEmpty());
            assertThat(jdbc.sql("select count(*) from audit_trail where action = 'supervision.view.read' and actor = ?")
                    .param("user:" + user[0]).query(Long.class).single()).isEqualTo(1);
            // the same period by corridor (merchant's country to buyer's), the licence register and the pilot zones
            WebElement corridorRow = browser.findElement(By.cssSelector("#corridors tr[data-corridor='DE-FR'][data-currency='EUR']"));
            showRow("corridors", By.cssSelector("#corridors tr[data-corridor='DE-FR'][data-currency='EUR']"));
            assertThat(corridorRow.findElements(By.tagName("td")).get(2).getText()).isEqualTo(String.valueOf(corridor.payments()));
            waitFor(d -> !d.findElements(By.cssSelector("#corridors-chart[data-drawn='true'] canvas")).isEmpty());
            By licence = By.cssSelector("#institutions tr[data-institution='" + institution + "']");
            showRow("institutions", licence);
            assertThat(browser.findElement(licence).getText()).contains(licenceNumber).contains("CROSS_BORDER_PAYMENT");
            assertThat(browser.findElement(licence).findElement(By.className("licence-status")).getText()).isEqualTo("有效");
            assertThat(browser.findElement(licence).findElement(By.className("licence-single")).getText()).isEqualTo("50,000.00 USD");
            assertThat(browser.findElement(licence).findElement(By.className("licence-daily")).getText()).isEqualTo("2,000,000.00 USD");
            By zone = By.cssSelector("#zones tr[data-zone='" + zoneCode + "']");
            showRow("zones", zone);
            assertThat(browser.findElement(zone).findElement(By.className("zone-name")).getText())
                    .isEqualTo("Hangzhou CBEC comprehensive pilot zone");
            assertThat(browser.findElement(zone).findElement(By.className("zone-status")).getText()).isEqualTo("进行中");
            assertThat(browser.findElement(By.id("bop-heading")).getText()).isEqualTo("国际收支申报");

            // a case against a party that does not exist: refused, nothing filed
            fileCase("pty_" + UUID.randomUUID(), "CN_FX_AUTHENTICITY", "collections without logistics records");
            waitFor(d -> !d.findElements(By.id("error")).isEmpty());
            assertThat(browser.findElement(By.id("error")).getText()).isEqualTo("没有该编号的当事方，未立案。");
            assertThat(casesAgainst(regulator, merchant)).isEmpty();

            fileCase(merchant.toString(), "CN_FX_AUTHENTICITY", "collections without logistics records");
            waitFor(d -> !d.findElements(By.id("notice")).isEmpty());
            Violation filed = casesAgainst(regulator, merchant).getFirst();
            String id = TimeOrderedIds.format("vio", filed.id());
            By state = By.cssSelector("#cases tr[data-case='" + id + "'] .case-state");
            assertThat(browser.findElement(state).getText()).isEqualTo("调查中");
            WebElement caseRow = browser.findElement(By.cssSelector("#cases tr[data-case='" + id + "']"));
            caseRow.findElement(By.className("close-note")).sendKeys("logistics records supplied and verified");
            click(caseRow.findElement(By.className("close-case")));
            waitFor(d -> d.findElement(state).getText().equals("已结案"));
            assertThat(violations.find(filed.id(), regulator).orElseThrow().state()).isEqualTo(Violation.State.CLOSED);
            // every step audited in the regulator's name: opened, investigating (a filed case starts there), closed
            assertThat(jdbc.sql("select count(*) from audit_trail where object_type = 'violation' and object_id = ? and actor = ?")
                    .params(filed.id().toString(), "user:" + user[0]).query(Long.class).single()).isEqualTo(3);

            // the same overview in English; the page has just jumped to #violations, so the switch is pressed from the
            // keyboard rather than clicked at a position that may still be moving
            browser.findElement(By.id("language")).sendKeys(Keys.ENTER);
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Supervision overview"));
            assertThat(browser.findElement(By.id("corridors-heading")).getText()).isEqualTo("Payments by corridor");
            showRow("institutions", licence);
            assertThat(browser.findElement(licence).findElement(By.className("licence-status")).getText()).isEqualTo("In force");
            showRow("zones", zone);
            assertThat(browser.findElement(zone).findElement(By.className("zone-status")).getText()).isEqualTo("Active");
            assertThat(browser.findElement(By.cssSelector("#cases tr[data-case='" + id + "'] .case-state")).getText())
                    .isEqualTo("Closed");
            assertThat(invariants.sweep().isClean()).isTrue();
        } catch (AssertionError | RuntimeException e) {
            screenshot(test);
            throw e;
        }
    }

    @Test
    void aLenderReadsAnApplicantsReportWithConsentApprovesTheReferredApplicationAndSeesItsPortfolio(TestInfo test) throws Exception {
        FinancingFixtures fx = new FinancingFixtures(actors.operator().api(port), actors, ledger, financing, sweeps, clock);
        PartyId merchant = fx.approvedMerchant();
        PartyId lender = fx.fundedLender("CNY", 10_000_000);
        Programme programme = fx.programme(lender, FinancingFixtures.termLoan("CNY", "0.12", 3,
                AmortizationMethod.EQUAL_INSTALLMENT, 100, 0, 3_000_000));
        Loan loan = ((LoanResult.Done) financing.apply(FinancingFixtures.actor(merchant, PartyKind.MERCHANT), merchant,
                programme.id(), 800_000, "console-" + UUID.randomUUID())).loan();
        assertThat(loan.state()).isEqualTo(LoanState.REFERRED);
        Actor lenderActor = FinancingFixtures.actor(lender, PartyKind.LENDER);
        String[] user = consoleUser(lender, ConsoleRole.LENDER, "lender.test");
        By referred = By.cssSelector("#referred tr[data-loan='" + loan.id() + "']");

        try {
            String base = "http://localhost:" + port;
            logIn(base, user, "en");
            waitFor(d -> d.getCurrentUrl().endsWith("/console/app/lender"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Lending desk");
            assertThat(browser.findElement(referred).getText()).contains("8,000.00 CNY").contains("DEBT_SERVICE_COVERAGE=REFER");

            // the applicant's credit report: nothing without its consent; with it, issued and logged in its access log
            browser.findElement(referred).findElement(By.tagName("a")).click();
            waitFor(d -> d.getCurrentUrl().contains("/console/app/lender/credit-reports/"));
            assertThat(browser.findElement(By.id("report-subject")).getText()).isEqualTo("Shenzhen Lending Test Trading Co., Ltd.");
            assertThat(browser.findElements(By.id("no-consent"))).hasSize(1);
            assertThat(browser.findElements(By.id("report"))).isEmpty();
            assertThat(creditReports.accessLog(merchant)).noneMatch(a -> lender.equals(a.grantee()));
            assertThat(consents.grant(merchant, lender, ConsentScope.CREDIT_REPORT, ConsentPurpose.LOAN_APPLICATION,
                    clock.instant().plus(Duration.ofDays(180)))).isInstanceOf(ConsentResult.Granted.class);
            browser.navigate().refresh();
            waitFor(d -> !d.findElements(By.id("report")).isEmpty());
            assertThat(browser.findElements(By.id("no-consent"))).isEmpty();
            assertThat(creditReports.accessLog(merchant)).anySatisfy(a -> {
                assertThat(a.grantee()).isEqualTo(lender);
                assertThat(a.actor()).isEqualTo("user:" + user[0]);
            });
            browser.navigate().back();
            waitFor(d -> d.getCurrentUrl().endsWith("/console/app/lender"));

            // a decision without a reason: refused, the application unchanged
            click(browser.findElement(referred).findElement(By.className("approve")));
            waitFor(d -> !d.findElements(By.id("error")).isEmpty());
            assertThat(browser.findElement(By.id("error")).getText())
                    .isEqualTo("A reason of 1 to 500 characters is required. The application is unchanged.");
            assertThat(financing.loan(lenderActor, loan.id()).orElseThrow().state()).isEqualTo(LoanState.REFERRED);

            browser.findElement(referred).findElement(By.className("reason")).sendKeys("twelve months of marketplace sales");
            click(browser.findElement(referred).findElement(By.className("approve")));
            waitFor(d -> !d.findElements(By.id("notice")).isEmpty());
            assertThat(browser.findElements(referred)).isEmpty();
            assertThat(browser.findElement(By.cssSelector("#loans tr[data-loan='" + loan.id() + "'] .loan-state")).getText())
                    .isEqualTo("Approved, awaiting acceptance");
            assertThat(financing.loan(lenderActor, loan.id()).orElseThrow().state()).isEqualTo(LoanState.APPROVED);

            // the merchant accepts: the loan is active and in the portfolio, drawn by days past due
            assertThat(financing.accept(FinancingFixtures.actor(merchant, PartyKind.MERCHANT), loan.id()))
                    .isInstanceOf(LoanResult.Done.class);
            browser.navigate().refresh();
            waitFor(d -> d.findElement(By.cssSelector("#loans tr[data-loan='" + loan.id() + "'] .loan-state")).getText()
                    .equals("Active"));
            assertThat(browser.findElement(By.id("portfolio-CNY")).getText()).isEqualTo("Portfolio in CNY");
            waitFor(d -> !d.findElements(By.cssSelector(".console-chart[data-drawn='true'] canvas")).isEmpty());
            // this lender's only loan, just disbursed: all of it current, normal (1 % provision) and in this month's vintage
            Portfolio portfolio = financing.portfolio(lenderActor, lender, "CNY").orElseThrow();
            Portfolio.Vintage vintage = portfolio.vintages().getFirst();
            String cny = "section.portfolio[data-currency='CNY'] ";
            assertThat(browser.findElement(By.cssSelector(cny + ".dpd-buckets tr[data-bucket='CURRENT'] td")).getText()).isEqualTo("8,000.00");
            assertThat(browser.findElement(By.cssSelector(cny + ".dpd-buckets tr[data-bucket='1-30'] td")).getText()).isEqualTo("0.00");
            WebElement normal = browser.findElement(By.cssSelector(cny + ".loan-classes tr[data-class='NORMAL']"));
            assertThat(normal.findElement(By.tagName("th")).getText()).isEqualTo("Normal");
            assertThat(normal.findElements(By.tagName("td"))).extracting(WebElement::getText).containsExactly("8,000.00", "1 %", "80.00");
            assertThat(browser.findElement(By.cssSelector(cny + ".loan-classes tr[data-class='LOSS'] td")).getText()).isEqualTo("0.00");
            WebElement vintageRow = browser.findElement(By.cssSelector(cny + ".vintages tr[data-vintage='" + vintage.month() + "']"));
            assertThat(vintageRow.findElements(By.tagName("td"))).extracting(WebElement::getText)
                    .startsWith(vintage.month(), "1", "8,000.00");
            waitFor(d -> !d.findElements(By.cssSelector(cny + ".vintage-chart[data-drawn='true'] canvas")).isEmpty());

            // and in Chinese
            browser.findElement(By.id("language")).click();
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("放贷工作台"));
            assertThat(browser.findElement(By.cssSelector(cny + ".loan-classes tr[data-class='NORMAL'] th")).getText()).isEqualTo("正常");
            assertThat(browser.findElement(By.cssSelector(cny + ".dpd-buckets tr[data-bucket='CURRENT'] th")).getText()).isEqualTo("未逾期");
            assertThat(browser.findElement(By.cssSelector(cny + ".vintages tr[data-vintage='" + vintage.month() + "'] td")).getText())
                    .isEqualTo(vintage.month());
            assertThat(invariants.sweep().isClean()).isTrue();
        } catch (AssertionError | RuntimeException e) {
            screenshot(test);
            throw e;
        }
    }

    @Test
    void aSellerConvertsEurToCnyWithAQuoteAndRequestsAPayoutInChineseThenEnglish(TestInfo test) throws Exception {
        FxTestRates.publishToday(rates, clock); // quotes need a current fixing
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        PartyId merchant = fixtures.merchant("DE"); // a German seller paid out to its account in China
        fundAvailable(merchant, "EUR", 100_000); // 1,000.00 EUR settled and available
        String holder = parties.find(merchant).orElseThrow().legalName();
        BankAccountResult added = bankAccounts.add(merchant, new NewBankAccount("CNY", "CN", null, "6222020000001234567",
                null, "102100099996", holder), "test");
        assertThat(added).as(added.toString()).isInstanceOf(BankAccountResult.Saved.class);
        String yuanAccount = ((BankAccountResult.Saved) added).account().id();
        String[] user = consoleUser(merchant, ConsoleRole.MERCHANT, "merchant.test");
        Actor seller = PaymentFixtures.merchantActor(merchant);
        PartyId lender = actors.party(PartyKind.LENDER).partyId();
        assertThat(consents.grant(merchant, lender, ConsentScope.CREDIT_REPORT, ConsentPurpose.LOAN_APPLICATION,
                clock.instant().plus(Duration.ofDays(90)))).isInstanceOf(ConsentResult.Granted.class);

        try {
            String base = "http://localhost:" + port;
            logIn(base, user, "zh-CN");
            waitFor(d -> d.getCurrentUrl().endsWith("/console/app/seller"));
            click(browser.findElement(By.id("tab-fx")));
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("换汇"));
            assertEveryInputIsLabelled();
            assertThat(browser.findElement(By.cssSelector("#fx-balances [data-currency='EUR']")).getText()).isEqualTo("1,000.00 EUR");

            // ask: sell 400 EUR for CNY (the form's defaults), with the keyboard from the amount field
            WebElement amount = browser.findElement(By.id("amount"));
            amount.sendKeys("400.00");
            amount.sendKeys(Keys.ENTER);
            waitFor(d -> !d.findElements(By.id("quote")).isEmpty());
            assertThat(browser.findElement(By.id("quote-sell")).getText()).isEqualTo("400.00 EUR");
            String buy = browser.findElement(By.id("quote-buy")).getText();
            assertThat(buy).endsWith(" CNY");
            String quoteId = browser.findElement(By.id("quote")).getAttribute("data-quote");
            Quote quote = fx.find(QuoteId.parse(quoteId)).orElseThrow();
            assertThat(quote.owner()).isEqualTo(merchant);
            assertThat(buy).isEqualTo(amount(quote.buy().minorUnits()) + " CNY");
            // the countdown is visible and runs
            String first = browser.findElement(By.id("countdown")).getText();
            assertThat(first).matches("\\d+ s");
            waitFor(d -> !d.findElement(By.id("countdown")).getText().equals(first));

            click(browser.findElement(By.id("convert")));
            waitFor(d -> !d.findElements(By.id("notice")).isEmpty());
            assertThat(browser.findElement(By.id("notice")).getText()).startsWith("已兑换");
            assertThat(browser.findElement(By.id("quote-converted")).getText()).contains(amount(quote.buy().minorUnits()));
            assertThat(browser.findElement(By.cssSelector("#fx-balances [data-currency='EUR']")).getText()).isEqualTo("600.00 EUR");
            assertThat(browser.findElement(By.cssSelector("#fx-balances [data-currency='CNY']")).getText()).isEqualTo(buy);
            assertThat(fx.conversion(quote.id())).isPresent();
            assertThat(browser.findElements(By.id("convert"))).as("a quote converts once").isEmpty();

            // the rest of the journey in English: the language switch keeps the page
            click(browser.findElement(By.id("language")));
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Convert currency"));
            click(browser.findElement(By.id("tab-payouts")));
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Payouts and bank accounts"));
            assertEveryInputIsLabelled();
            assertThat(browser.findElement(By.cssSelector("#bank-accounts tr[data-account='" + yuanAccount + "']")).getText())
                    .contains("•••• 4567").contains("Verified");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("payoutCurrency"))).selectByValue("CNY");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("payoutAccount"))).selectByValue(yuanAccount);
            browser.findElement(By.id("payoutAmount")).sendKeys("1000.00");
            click(browser.findElement(By.id("request-payout")));
            waitFor(d -> !d.findElements(By.id("notice")).isEmpty());
            assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Payout of 1,000.00 CNY requested.");
            List<Payout> made = payouts.list(seller, 10);
            assertThat(made).singleElement().satisfies(p -> {
                assertThat(p.amount()).isEqualTo(100_000);
                assertThat(p.currency()).isEqualTo("CNY");
                assertThat(p.bankAccountId()).isEqualTo(yuanAccount);
                assertThat(p.rail()).isEqualTo("LOCAL_CNAPS");
            });
            WebElement row = browser.findElement(By.cssSelector("#payouts tr[data-payout='" + made.getFirst().id() + "']"));
            assertThat(row.findElement(By.className("payout-amount")).getText()).isEqualTo("1,000.00 CNY");
            assertThat(row.findElement(By.className("payout-state")).getText()).isEqualTo("Requested");

            // the seller's other pages: its consents, its (empty) trade records and offers, the market overview
            click(browser.findElement(By.id("tab-credit")));
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Credit record"));
            assertThat(browser.findElement(By.id("consents")).getText()).contains("CREDIT_REPORT").contains("LOAN_APPLICATION");
            click(browser.findElement(By.id("tab-trade")));
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Trade records"));
            click(browser.findElement(By.id("tab-financing")));
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Financing offers"));
            click(browser.findElement(By.id("nav-market")));
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("Market overview"));
            assertThat(browser.findElement(By.cssSelector("#study tr[data-year='2022'] .scale")).getText()).isEqualTo("15.7");
            assertThat(browser.findElement(By.cssSelector("#study tr[data-year='2022'] .share")).getText()).isEqualTo("77.25 %");
            assertThat(browser.findElement(By.cssSelector("#customs tr[data-period='2022'] .total")).getText()).isEqualTo("2.11");
            assertThat(browser.findElement(By.id("why-differ")).getText()).contains("B2B");
            waitFor(d -> !d.findElements(By.cssSelector("#scale-chart[data-drawn='true'] canvas")).isEmpty());
            // the platform's FX volume counts this seller's conversion among the rest
            assertThat(browser.findElements(By.cssSelector("#fx-volume tr[data-currency='EUR']"))).hasSize(1);
            assertThat(invariants.sweep().isClean()).isTrue();
        } catch (AssertionError | RuntimeException e) {
            screenshot(test);
            throw e;
        }
    }

    @Test
    void anOperatorApprovesAKybApplicationInEnglishThenChinese(TestInfo test) throws Exception {
        Api operatorApi = actors.operator().api(port);
        String name = "Console KYB " + UUID.randomUUID().toString().substring(0, 8) + " Trading Co., Ltd.";
        String uscc = org.finbridge.party.TestIdentifiers.uscc();
        Api.Response r = operatorApi.post("/api/v1/parties", Map.of("kind", "MERCHANT", "country", "CN", "legalName", name,
                "email", "finance@kyb.example", "identifiers", Map.of("USCC", uscc)));
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(201);
        PartyId merchant = PartyId.parse(r.body().get("id").asString());
        Api.Response opened = operatorApi.post("/api/v1/parties/" + merchant + "/kyb", Map.of("registrationNumber", uscc,
                "registeredAddress", "1 Shennan Avenue, Futian, Shenzhen", "incorporationDate", "2019-04-01",
                "businessDescription", "exports garden furniture"));
        assertThat(opened.status()).as(String.valueOf(opened.body())).isEqualTo(201);
        String application = opened.body().get("id").asString();
        assertThat(operatorApi.post("/api/v1/kyb/" + application + "/owners", Map.of("fullName", "Han Meimei", "nationality", "CN",
                "birthDate", "1980-01-01", "documentType", "CN_RESIDENT_ID", "documentNumber", "11010519491231002X",
                "ownershipBasisPoints", 10000)).status()).isEqualTo(200);
        assertThat(operatorApi.post("/api/v1/kyb/" + application + "/documents", Map.of("type", "BUSINESS_LICENCE",
                "number", uscc, "issuer", "SAMR", "fileName", "licence.pdf", "contentType", "application/pdf",
                "contentBase64", java.util.Base64.getEncoder().encodeToString("%PDF-1.4 licence".getBytes()))).status()).isEqualTo(200);
        operatorApi.post("/api/v1/kyb/" + application + "/submit", Map.of());
        KybApplicationId id = KybApplicationId.parse(application);
        assertThat(onboarding.find(id).orElseThrow().state()).isEqualTo(KybState.IN_REVIEW);
        String[] user = consoleUser(actors.operator().partyId(), ConsoleRole.OPERATOR_KYB_REVIEWER, "operator.test");
        By row = By.cssSelector("#queue tr[data-application='" + application + "']");

        try {
            String base = "http://localhost:" + port;
            logIn(base, user, "en");
            waitFor(d -> d.getCurrentUrl().endsWith("/console/app/operator"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Operations");
            assertThat(browser.findElement(By.id("queue-heading")).getText()).isEqualTo("KYB review queue");
            // a reviewer holds no risk, finance or administrator duty: those queues are not shown
            assertThat(browser.findElements(By.id("fraud-heading"))).isEmpty();
            assertThat(browser.findElements(By.id("webhooks-heading"))).isEmpty();
            showRow(row);
            assertThat(browser.findElement(row).getText()).contains(name).contains(uscc);

            // no reason: refused, the application still in review
            click(browser.findElement(row).findElement(By.className("approve")));
            waitFor(d -> !d.findElements(By.id("error")).isEmpty());
            assertThat(browser.findElement(By.id("error")).getText())
                    .isEqualTo("A reason of 1 to 500 characters is required. The application is unchanged.");
            assertThat(onboarding.find(id).orElseThrow().state()).isEqualTo(KybState.IN_REVIEW);

            showRow(row);
            new org.openqa.selenium.support.ui.Select(browser.findElement(row).findElement(By.className("tier"))).selectByValue("MEDIUM");
            WebElement reason = browser.findElement(row).findElement(By.className("reason"));
            reason.sendKeys("licence and owner verified against SAMR");
            reason.sendKeys(Keys.TAB); // the keyboard reaches the approve button next
            assertThat(browser.switchTo().activeElement().getAttribute("class")).contains("approve");
            browser.switchTo().activeElement().sendKeys(Keys.ENTER);
            waitFor(d -> !d.findElements(By.id("notice")).isEmpty());
            assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo(name + " approved: the merchant may now take payments.");
            assertThat(browser.findElements(row)).isEmpty();
            KybApplication decided = onboarding.find(id).orElseThrow();
            assertThat(decided.state()).isEqualTo(KybState.APPROVED);
            assertThat(decided.riskTier()).isEqualTo(RiskTier.MEDIUM);
            assertThat(decided.history().getLast().actor()).contains(user[0]);

            click(browser.findElement(By.id("language")));
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("运营工作台"));
            assertThat(browser.findElement(By.id("queue-heading")).getText()).isEqualTo("商户审核队列");

            // other duties, other queues: a risk analyst sees fraud, AML, sanctions and reconciliation, not KYB;
            // an administrator the failed webhook deliveries
            for (ConsoleRole role : List.of(ConsoleRole.OPERATOR_RISK_ANALYST, ConsoleRole.OPERATOR_ADMIN)) {
                click(browser.findElement(By.id("logout")));
                waitFor(d -> d.getCurrentUrl().contains("/console/login"));
                logIn(base, consoleUser(actors.operator().partyId(), role, "operator.test"), "en");
                waitFor(d -> d.getCurrentUrl().endsWith("/console/app/operator"));
                assertThat(browser.findElements(By.id("queue-heading"))).isEmpty();
                if (role == ConsoleRole.OPERATOR_RISK_ANALYST) {
                    assertThat(browser.findElement(By.id("fraud-heading")).getText()).isEqualTo("Fraud review queue");
                    assertThat(browser.findElement(By.id("aml-heading")).getText()).isEqualTo("AML cases");
                    assertThat(browser.findElement(By.id("hits-heading")).getText()).isEqualTo("Sanctions hits to review");
                    assertThat(browser.findElement(By.id("exceptions-heading")).getText()).isEqualTo("Reconciliation exceptions");
                    assertThat(browser.findElements(By.id("webhooks-heading"))).isEmpty();
                } else {
                    assertThat(browser.findElement(By.id("webhooks-heading")).getText()).isEqualTo("Webhook deliveries that failed");
                    assertThat(browser.findElements(By.id("fraud-heading"))).isEmpty();
                }
            }
        } catch (AssertionError | RuntimeException e) {
            screenshot(test);
            throw e;
        }
    }

    @Test
    void aMarketplaceSendsAnOrderFileFollowsItsImportAndSeesTheRejectedRow(TestInfo test) throws Exception {
        PaymentFixtures fixtures = new PaymentFixtures(parties, ledger, tokenizer);
        PartyId merchant = fixtures.merchant("DE");
        Registration r = parties.register(new NewParty(PartyKind.MARKETPLACE, "CN", "Console Marketplace "
                + UUID.randomUUID().toString().substring(0, 8), null, "ops@marketplace.test", null, Map.of()));
        PartyId marketplace = ((Registration.Registered) r).party().id();
        String[] user = consoleUser(marketplace, ConsoleRole.MARKETPLACE, "marketplace.test");
        String number = "CONSOLE-" + UUID.randomUUID().toString().substring(0, 8);
        String ordered = clock.instant().minus(Duration.ofDays(1)).toString();
        Path file = Files.createTempFile("orders", ".csv");
        Files.writeString(file, "order_number,merchant_id,buyer_id,buyer_reference,currency,total_minor_units,ordered_at,"
                + "hs_code,description,quantity,unit_price_minor_units\n"
                + number + "-1," + merchant + ",,buyer-1,EUR,500,"  + ordered + ",392690,\"phone cases\",2,250\n"
                + number + "-2," + merchant + ",,buyer-2,EUR,100," + ordered + ",8517,\"chargers\",1,100\n");
        try {
            logIn("http://localhost:" + port, user, "en");
            waitFor(d -> d.getCurrentUrl().endsWith("/console/app/provider"));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Data submissions");
            assertEveryInputIsLabelled();
            browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            click(browser.findElement(By.id("send")));
            // the file's import page: its progress panel (polled by htmx) ends on the link to the report
            waitFor(d -> d.getCurrentUrl().contains("/console/app/provider/imports/imp_"));
            waitFor(d -> !d.findElements(By.id("report-link")).isEmpty());
            assertThat(browser.findElement(By.id("job-state")).getText()).isEqualTo("Done: the valid records are taken");
            assertThat(browser.findElement(By.id("job-rows")).getText()).isEqualTo("3 of 3 rows read: 2 records, 1 rejected so far.");
            click(browser.findElement(By.id("report-link")));
            waitFor(d -> !d.findElements(By.id("report-summary")).isEmpty());
            assertThat(browser.findElement(By.id("report-summary")).getText())
                    .isEqualTo("2 records in the file: 1 accepted, 1 rejected (listed below).");
            assertThat(browser.findElement(By.id("rejections")).getText()).contains("3").contains("hsCode");
            click(browser.findElement(By.id("back")));
            waitFor(d -> d.getCurrentUrl().endsWith("/console/app/provider"));
            assertThat(browser.findElements(By.cssSelector("#imports tbody tr"))).hasSize(1);
            assertThat(browser.findElement(By.cssSelector("#imports tbody tr")).getText()).contains("Orders");
            assertThat(browser.findElement(By.cssSelector("#jobs tbody tr")).getText()).contains("100 %");

            browser.findElement(By.id("language")).click();
            waitFor(d -> d.findElement(By.tagName("h1")).getText().equals("数据报送"));
        } catch (AssertionError | RuntimeException e) {
            screenshot(test);
            throw e;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The queue pages: a row on a later page is brought up with the pager (the shared application has many). */
    /** Pages the given table (each long table has its own pager, right after it) until the row shows. */
    private void showRow(String table, By row) {
        for (int i = 0; i < 50 && !browser.findElement(row).isDisplayed(); i++) {
            click(browser.findElement(By.cssSelector("#" + table + " + .table-pager .page-next")));
        }
    }

    private void showRow(By row) {
        for (int i = 0; i < 50 && !browser.findElement(row).isDisplayed(); i++) {
            click(browser.findElement(By.cssSelector(".table-pager .page-next")));
        }
    }

    private static String amount(long minor) {
        return new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT))
                .format(minor / 100.0);
    }

    /** Credits the party's available balance from an outside bank account, as a settled payment would. */
    private void fundAvailable(PartyId party, String currency, long amount) {
        NewAccount bank = NewAccount.of(CurrencyCode.of(currency), "BANK", "test");
        assertThat(ledger.createAccount(bank)).isEqualTo(AccountResult.OK);
        NewAccount available = FxAccounts.merchantAvailable(party, CurrencyCode.of(currency));
        assertThat(ledger.createAccount(available)).isIn(AccountResult.OK, AccountResult.EXISTS);
        assertThat(ledger.submit(List.of(Transfer.posted(TransferId.next(), bank.id(), available.id(), amount, currency,
                "FUNDING")))).containsExactly(TransferResult.OK);
    }

    private void fileCase(String subject, String rule, String description) {
        for (String[] field : new String[][] {{"subjectId", subject}, {"ruleCode", rule}, {"description", description}}) {
            WebElement input = browser.findElement(By.id(field[0]));
            input.clear();
            input.sendKeys(field[1]);
        }
        browser.findElement(By.id("description")).sendKeys(Keys.ENTER); // the keyboard submits the form
    }

    private void click(WebElement element) {
        chromium.click(element);
    }

    private List<Violation> casesAgainst(PartyId regulator, PartyId subject) {
        return violations.visibleTo(regulator, null).stream().filter(v -> v.subject().equals(subject)).toList();
    }

    /** A console user of the party in the role, with TOTP confirmed; the clock is moved on to the next code. */
    private String[] consoleUser(PartyId party, ConsoleRole role, String domain) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
        ConsoleUser user = ((ConsoleUsers.Creation.Created) users.create(party, email, PASSWORD, role, "test")).user();
        String secret = TotpCodes.secretOf(users.startTotpEnrolment(user.id()).orElseThrow());
        assertThat(users.confirmTotp(user.id(), TotpCodes.code(secret, clock.instant()))).isTrue();
        clock.advance(Duration.ofSeconds(31)); // the next code: a code is accepted once
        return new String[] {email, secret};
    }

    private void logIn(String base, String[] user, String lang) {
        browser.get(base + "/console/login?lang=" + lang);
        browser.findElement(By.id("email")).sendKeys(user[0]);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("totp")).sendKeys(TotpCodes.code(user[1], clock.instant()));
        browser.findElement(By.id("login-submit")).click();
    }

    private void assertEveryInputIsLabelled() {
        for (WebElement input : browser.findElements(By.cssSelector("input:not([type='hidden']), select"))) {
            String id = input.getAttribute("id");
            assertThat(id).as("input without id").isNotBlank();
            assertThat(browser.findElements(By.cssSelector("label[for='" + id + "']"))).as("label for " + id).hasSize(1);
        }
    }

    /** Waits for the condition; an element replaced while it was being read (a page reloading) is read again. */
    private void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        chromium.waitFor(condition);
    }

    private void screenshot(TestInfo test) {
        chromium.screenshot(test);
    }
}
