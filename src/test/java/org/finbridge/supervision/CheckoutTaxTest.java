package org.finbridge.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.finbridge.money.Money;
import org.junit.jupiter.api.Test;

/** EU, UK and US checkout tax at and around thresholds and valid_from dates (regulations notes §5). */
class CheckoutTaxTest {

    final CheckoutTax tax = new CheckoutTax(RuleBook.defaults());

    static CheckoutOrder parcel(String country, String amount, String currency, int categories, boolean ioss, String origin) {
        return new CheckoutOrder(country, Money.ofMajor(amount, currency), categories, ioss, false, origin, new BigDecimal("0.05"));
    }

    @Test
    void euIossCollectsDestinationVatAtCheckoutUpTo150Euros() {
        CheckoutQuote de = tax.quote(parcel("DE", "150.00", "EUR", 1, true, "CN"), LocalDate.of(2026, 6, 30));
        assertThat(de.treatment()).isEqualTo("eu-ioss-checkout");
        assertThat(de.vat()).isEqualTo(Money.ofMajor("28.50", "EUR"));
        assertThat(de.duty()).isEqualTo(Money.ofMajor("0", "EUR"));
        assertThat(de.collectedAtCheckout()).isTrue();
        assertThat(tax.quote(parcel("HU", "100", "EUR", 1, true, "CN"), LocalDate.of(2026, 6, 30)).vat())
                .isEqualTo(Money.ofMajor("27.00", "EUR"));
        CheckoutQuote above = tax.quote(parcel("DE", "150.01", "EUR", 1, true, "CN"), LocalDate.of(2026, 6, 30));
        assertThat(above.treatment()).isEqualTo("eu-import-at-border");
        assertThat(above.collectedAtCheckout()).isFalse();
        // duty 5 % = 7.50; VAT 19 % of 157.51 = 29.93
        assertThat(above.duty()).isEqualTo(Money.ofMajor("7.50", "EUR"));
        assertThat(above.vat()).isEqualTo(Money.ofMajor("29.93", "EUR"));
        assertThat(tax.quote(parcel("DE", "100", "EUR", 1, false, "CN"), LocalDate.of(2026, 6, 30)).treatment())
                .isEqualTo("eu-import-at-border");
        CheckoutOrder wine = new CheckoutOrder("FR", Money.ofMajor("40", "EUR"), 1, true, true, "CN", BigDecimal.ZERO);
        assertThat(tax.quote(wine, LocalDate.of(2026, 6, 30)).treatment()).isEqualTo("eu-import-at-border");
    }

    @Test
    void theEuFlatDutyOfThreeEurosPerItemCategoryRunsFromJuly2026ToJuly2028() {
        CheckoutOrder blouses = parcel("FR", "120", "EUR", 2, true, "CN");
        assertThat(tax.quote(blouses, LocalDate.of(2026, 6, 30)).duty()).isEqualTo(Money.ofMajor("0", "EUR"));
        CheckoutQuote july = tax.quote(blouses, LocalDate.of(2026, 7, 1));
        assertThat(july.duty()).isEqualTo(Money.ofMajor("6", "EUR"));
        assertThat(july.total()).isEqualTo(Money.ofMajor("30.00", "EUR"));
        assertThat(tax.quote(blouses, LocalDate.of(2028, 6, 30)).duty()).isEqualTo(Money.ofMajor("6", "EUR"));
        assertThat(tax.quote(blouses, LocalDate.of(2028, 7, 1)).duty()).isEqualTo(Money.ofMajor("0", "EUR"));
    }

    @Test
    void beforeIossThereIsNoEuRule() {
        assertThatThrownBy(() -> tax.quote(parcel("DE", "20", "EUR", 1, true, "CN"), LocalDate.of(2021, 6, 30)))
                .isInstanceOf(RuleBook.NoRuleInForce.class);
        assertThat(tax.quote(parcel("DE", "20", "EUR", 1, true, "CN"), LocalDate.of(2021, 7, 1)).treatment()).isEqualTo("eu-ioss-checkout");
    }

    @Test
    void ukVatAtThePointOfSaleUpTo135Pounds() {
        CheckoutQuote at = tax.quote(parcel("GB", "135", "GBP", 1, false, "CN"), LocalDate.of(2026, 11, 27));
        assertThat(at.treatment()).isEqualTo("uk-checkout-vat");
        assertThat(at.vat()).isEqualTo(Money.ofMajor("27.00", "GBP"));
        assertThat(at.collectedAtCheckout()).isTrue();
        CheckoutQuote above = tax.quote(parcel("GB", "135.01", "GBP", 1, false, "CN"), LocalDate.of(2026, 11, 27));
        assertThat(above.treatment()).isEqualTo("uk-import-at-border");
        assertThat(above.collectedAtCheckout()).isFalse();
        assertThatThrownBy(() -> tax.quote(parcel("GB", "10", "GBP", 1, false, "CN"), LocalDate.of(2020, 12, 31)))
                .isInstanceOf(RuleBook.NoRuleInForce.class);
    }

    @Test
    void usDeMinimisEndedForChinaOnMay2AndForEveryoneOnAugust29Of2025() {
        assertThat(tax.quote(parcel("US", "800", "USD", 1, false, "CN"), LocalDate.of(2025, 5, 1)).treatment()).isEqualTo("us-de-minimis");
        assertThat(tax.quote(parcel("US", "800", "USD", 1, false, "CN"), LocalDate.of(2025, 5, 2)).treatment()).isEqualTo("us-formal-entry");
        assertThat(tax.quote(parcel("US", "800", "USD", 1, false, "HK"), LocalDate.of(2025, 5, 2)).treatment()).isEqualTo("us-formal-entry");
        assertThat(tax.quote(parcel("US", "800", "USD", 1, false, "DE"), LocalDate.of(2025, 5, 2)).treatment()).isEqualTo("us-de-minimis");
        assertThat(tax.quote(parcel("US", "800.01", "USD", 1, false, "DE"), LocalDate.of(2025, 5, 2)).treatment()).isEqualTo("us-formal-entry");
        assertThat(tax.quote(parcel("US", "10", "USD", 1, false, "DE"), LocalDate.of(2025, 8, 28)).treatment()).isEqualTo("us-de-minimis");
        CheckoutQuote after = tax.quote(parcel("US", "10", "USD", 1, false, "DE"), LocalDate.of(2025, 8, 29));
        assertThat(after.treatment()).isEqualTo("us-formal-entry");
        assertThat(after.duty()).isEqualTo(Money.ofMajor("0.50", "USD"));
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> tax.quote(parcel("DE", "10", "USD", 1, true, "CN"), LocalDate.of(2026, 1, 1))).hasMessageContaining("EUR");
        assertThatThrownBy(() -> tax.quote(parcel("JP", "10", "JPY", 1, true, "CN"), LocalDate.of(2026, 1, 1))).hasMessageContaining("JP");
        assertThatThrownBy(() -> parcel("DE", "10", "EUR", 0, true, "CN")).hasMessageContaining("category");
        assertThatThrownBy(() -> parcel("Germany", "10", "EUR", 1, true, "CN")).hasMessageContaining("two-letter");
    }
}
