package org.finbridge.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.finbridge.money.Money;
import org.junit.jupiter.api.Test;

/** China retail import tax at and around its limits and their valid_from dates (regulations notes §1.1). */
class CbecImportTaxTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    final CbecImportTax tax = new CbecImportTax(RuleBook.defaults());

    static Money cny(String amount) {
        return Money.ofMajor(amount, "CNY");
    }

    static CbecOrder order(String price, String vat, String ct, boolean indivisible) {
        return new CbecOrder(cny(price), cny("0"), cny("0"), new BigDecimal(vat), new BigDecimal(ct), new BigDecimal("0.10"), indivisible);
    }

    @Test
    void milkPowderOfThreeThousandYuanAtThirteenPercentVatPays273() {
        CbecQuote q = tax.quote(order("3000", "0.13", "0", false), cny("0"), DAY);
        assertThat(q.treatment()).isEqualTo(CbecTreatment.CBEC_PREFERENTIAL);
        assertThat(q.tax()).isEqualTo(cny("273.00"));
        assertThat(q.tariff()).isEqualTo(cny("0"));
        assertThat(q.annualAfter()).isEqualTo(cny("3000"));
    }

    @Test
    void theDutiableValueIsPricePlusFreightPlusInsurance() {
        CbecOrder o = new CbecOrder(cny("2900"), cny("80"), cny("20"), new BigDecimal("0.13"), BigDecimal.ZERO, null, false);
        assertThat(o.dutiableValue()).isEqualTo(cny("3000"));
        assertThat(tax.quote(o, cny("0"), DAY).tax()).isEqualTo(cny("273.00"));
    }

    @Test
    void highEndCosmeticsPayTheCompositeRateWithConsumptionTax() {
        // (0.15 + 0.13) / 0.85 × 0.7 = 23.0588 %: CNY 1,000 pays CNY 230.59 (consumption tax 123.53 + VAT 107.06)
        CbecQuote q = tax.quote(order("1000", "0.13", "0.15", false), cny("0"), DAY);
        assertThat(q.consumptionTax()).isEqualTo(cny("123.53"));
        assertThat(q.vat()).isEqualTo(cny("107.06"));
        assertThat(q.tax()).isEqualTo(cny("230.59"));
    }

    @Test
    void exactlyTheSingleLimitIsPreferentialOneFenMoreIsGeneralTradeUnlessIndivisible() {
        assertThat(tax.quote(order("5000", "0.13", "0", false), cny("0"), DAY).treatment()).isEqualTo(CbecTreatment.CBEC_PREFERENTIAL);
        CbecQuote divisible = tax.quote(order("5000.01", "0.13", "0", false), cny("0"), DAY);
        assertThat(divisible.treatment()).isEqualTo(CbecTreatment.GENERAL_TRADE);
        assertThat(divisible.annualAfter()).isEqualTo(cny("0"));
        assertThat(divisible.overAnnualLimit()).isFalse();
        CbecQuote single = tax.quote(order("5000.01", "0.13", "0", true), cny("0"), DAY);
        assertThat(single.treatment()).isEqualTo(CbecTreatment.CBEC_FULL_SINGLE_ITEM);
        // taxed in full: tariff 10 % = 500.00; VAT 13 % of 5500.01 = 715.00; yet it counts toward the year
        assertThat(single.tariff()).isEqualTo(cny("500.00"));
        assertThat(single.vat()).isEqualTo(cny("715.00"));
        assertThat(single.tax()).isEqualTo(cny("1215.00"));
        assertThat(single.annualAfter()).isEqualTo(cny("5000.01"));
    }

    @Test
    void reachingTheAnnualLimitExactlyIsWithinItPassingItIsGeneralTrade() {
        CbecQuote at = tax.quote(order("5000", "0.13", "0", false), cny("21000"), DAY);
        assertThat(at.treatment()).isEqualTo(CbecTreatment.CBEC_PREFERENTIAL);
        assertThat(at.annualAfter()).isEqualTo(cny("26000"));
        CbecQuote over = tax.quote(order("5000", "0.13", "0", false), cny("21000.01"), DAY);
        assertThat(over.treatment()).isEqualTo(CbecTreatment.GENERAL_TRADE);
        assertThat(over.overAnnualLimit()).isTrue();
        assertThat(over.annualAfter()).isEqualTo(cny("21000.01"));
        // full duties: tariff 500 + VAT 13 % of 5500 = 715
        assertThat(over.tax()).isEqualTo(cny("1215.00"));
    }

    @Test
    void anIndivisibleItemThatWouldPassTheAnnualLimitIsGeneralTrade() {
        assertThat(tax.quote(order("6000", "0.13", "0", true), cny("20000"), DAY).treatment())
                .isEqualTo(CbecTreatment.CBEC_FULL_SINGLE_ITEM);
        assertThat(tax.quote(order("6000", "0.13", "0", true), cny("20000.01"), DAY).treatment())
                .isEqualTo(CbecTreatment.GENERAL_TRADE);
    }

    @Test
    void theLimitsRoseOnTheFirstOfJanuary2019() {
        LocalDate before = LocalDate.of(2018, 12, 31);
        LocalDate from = LocalDate.of(2019, 1, 1);
        assertThat(tax.limits(before).singleTransaction()).isEqualTo(cny("2000"));
        assertThat(tax.limits(before).annual()).isEqualTo(cny("20000"));
        assertThat(tax.quote(order("3000", "0.13", "0", false), cny("0"), before).treatment()).isEqualTo(CbecTreatment.GENERAL_TRADE);
        assertThat(tax.quote(order("3000", "0.13", "0", false), cny("0"), from).treatment()).isEqualTo(CbecTreatment.CBEC_PREFERENTIAL);
        assertThat(tax.quote(order("2000", "0.13", "0", false), cny("18000.01"), before).treatment()).isEqualTo(CbecTreatment.GENERAL_TRADE);
        assertThat(tax.quote(order("2000", "0.13", "0", false), cny("18000.01"), from).treatment()).isEqualTo(CbecTreatment.CBEC_PREFERENTIAL);
    }

    @Test
    void beforeTheRulesExistedThereIsNoQuote() {
        assertThatThrownBy(() -> tax.quote(order("100", "0.13", "0", false), cny("0"), LocalDate.of(2016, 4, 7)))
                .isInstanceOf(RuleBook.NoRuleInForce.class);
    }

    @Test
    void aChangedRuleBookChangesTheTreatmentWithoutCode() {
        RuleBook edited = RuleBook.parse("""
                cn_cbec_import.single_txn_limit_cny,2019-01-01,5000,x
                cn_cbec_import.annual_limit_cny,2019-01-01,26000,x
                cn_cbec_import.annual_limit_cny,2027-01-01,30000,a hypothetical raise
                cn_cbec_import.tariff_rate_within_limit,2019-01-01,0,x
                cn_cbec_import.vat_ct_factor_within_limit,2019-01-01,0.70,x
                cn_cbec_import.return_window_days,2019-01-01,30,x
                """);
        CbecImportTax t = new CbecImportTax(edited);
        assertThat(t.quote(order("5000", "0.13", "0", false), cny("25000"), LocalDate.of(2026, 12, 31)).treatment())
                .isEqualTo(CbecTreatment.GENERAL_TRADE);
        assertThat(t.quote(order("5000", "0.13", "0", false), cny("25000"), LocalDate.of(2027, 1, 1)).treatment())
                .isEqualTo(CbecTreatment.CBEC_PREFERENTIAL);
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThatThrownBy(() -> new CbecOrder(Money.ofMajor("10", "USD"), null, null, new BigDecimal("0.13"), BigDecimal.ZERO, null, false))
                .hasMessageContaining("CNY");
        assertThatThrownBy(() -> order("0", "0.13", "0", false)).hasMessageContaining("positive");
        assertThatThrownBy(() -> order("10", "1.3", "0", false)).hasMessageContaining("vat rate");
        assertThatThrownBy(() -> order("10", "0.13", "-0.1", false)).hasMessageContaining("consumption tax rate");
        assertThatThrownBy(() -> tax.quote(order("10", "0.13", "0", false), cny("-1"), DAY)).hasMessageContaining("annual");
        assertThatThrownBy(() -> RuleBook.parse("a,notadate,1,x")).hasMessageContaining("valid_from");
        assertThatThrownBy(() -> RuleBook.parse("a,2020-01-01,1,x\na,2020-01-01,2,y")).hasMessageContaining("twice");
    }
}
