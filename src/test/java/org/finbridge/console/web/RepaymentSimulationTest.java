package org.finbridge.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.finbridge.financing.AmortizationMethod;
import org.finbridge.financing.Offer;
import org.finbridge.financing.Product;
import org.finbridge.financing.ProgrammeId;
import org.finbridge.money.Money;
import org.finbridge.party.PartyId;
import org.junit.jupiter.api.Test;

/**
 * The seller's repayment simulation: a term loan's instalment is fixed, so slower sales raise its share of
 * sales; revenue-based financing takes a fixed share, so slower sales mean more months.
 */
class RepaymentSimulationTest {

    static final String[] LABELS = {"slower", "expected", "faster"};
    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

    @Test
    void aTermLoansInstalmentTakesALargerShareOfSlowerSales() {
        // 12,000.00 CNY at 12 % over 12 months, equal instalments: 1,066.19 a month
        Offer offer = offer(Product.TERM_LOAN, new BigDecimal("0.12"), 12, AmortizationMethod.EQUAL_INSTALLMENT, 0, 0);
        SellerPages.Simulation s = SellerPages.Simulation.of(offer, Money.ofMinor(1_200_000, "CNY"),
                Money.ofMinor(1_000_000, "CNY"), TODAY, LABELS);
        assertThat(s.scenarios()).extracting(SellerPages.Simulation.Scenario::monthlyRepayment)
                .containsOnly("1,066.19");
        assertThat(s.scenarios()).extracting(SellerPages.Simulation.Scenario::shareOfSales)
                .containsExactly("15.2 %", "10.7 %", "8.2 %");
        assertThat(s.scenarios()).extracting(SellerPages.Simulation.Scenario::months).containsOnly("12");
        assertThat(s.totalCost()).isEqualTo("12,794.23");
    }

    @Test
    void revenueBasedFinancingTakesLongerWhenSalesAreSlower() {
        // 10,000.00 plus a 10 % fee = 11,000.00, repaid by 20 % of sales of 10,000.00 a month (2,000.00)
        Offer offer = offer(Product.REVENUE_BASED, BigDecimal.ZERO, 6, AmortizationMethod.INTEREST_FIRST, 1_000, 2_000);
        SellerPages.Simulation s = SellerPages.Simulation.of(offer, Money.ofMinor(1_000_000, "CNY"),
                Money.ofMinor(1_000_000, "CNY"), TODAY, LABELS);
        assertThat(s.totalCost()).isEqualTo("11,000.00");
        assertThat(s.scenarios()).extracting(SellerPages.Simulation.Scenario::monthlyRepayment)
                .containsExactly("1,400.00", "2,000.00", "2,600.00");
        // 11,000 / 1,400 → 8 months; / 2,000 → 6; / 2,600 → 5
        assertThat(s.scenarios()).extracting(SellerPages.Simulation.Scenario::months).containsExactly("8", "6", "5");
        assertThat(s.chart()).contains("\"slower\"").contains("\"faster\"");
    }

    private static Offer offer(Product product, BigDecimal rate, int months, AmortizationMethod method, int fixedFeeBps,
                               int holdbackBps) {
        return new Offer(new ProgrammeId(java.util.UUID.randomUUID()), new PartyId(java.util.UUID.randomUUID()), product, "CNY",
                5_000_000, rate, months, method, 0, fixedFeeBps, holdbackBps, "B", rate, rate);
    }
}
