package org.finbridge.risk.fraud.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The simulator is reproducible and carries every fraud pattern it promises. */
class TransactionSimulatorTest {

    static TransactionSimulator.Settings small(long seed) {
        return new TransactionSimulator.Settings(seed, 10, 2_000, 60, Attempts.T0);
    }

    @Test
    void theSameSeedGivesTheSameTransactionsAndAnotherSeedOthers() {
        List<TransactionSimulator.Simulated> a = new TransactionSimulator(small(7)).run();
        List<TransactionSimulator.Simulated> b = new TransactionSimulator(small(7)).run();
        List<TransactionSimulator.Simulated> c = new TransactionSimulator(small(8)).run();
        assertThat(a).isNotEmpty().isEqualTo(b);
        assertThat(a).isNotEqualTo(c);
    }

    @Test
    void everyPatternIsThereInTimeOrderWithItsLabel() {
        List<TransactionSimulator.Simulated> all = new TransactionSimulator(small(11)).run();
        Map<String, Long> patterns = all.stream().collect(Collectors.groupingBy(TransactionSimulator.Simulated::pattern,
                Collectors.counting()));
        assertThat(patterns).containsKeys("legitimate", "stolen_card", "card_testing", "account_takeover", "triangulation",
                "friendly_fraud", "transfer_then_cash_out");
        assertThat(all).allSatisfy(s -> assertThat(s.fraud()).isEqualTo(!s.pattern().equals("legitimate")));
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i).transaction().atMillis()).isGreaterThanOrEqualTo(all.get(i - 1).transaction().atMillis());
        }
        double fraudShare = all.stream().filter(TransactionSimulator.Simulated::fraud).count() / (double) all.size();
        assertThat(fraudShare).isBetween(0.005, 0.08);
    }

    @Test
    void cardTestingIsSmallAmountsOnFreshCardsMostlyDeclined() {
        List<TransactionSimulator.Simulated> testing = new TransactionSimulator(small(3)).run().stream()
                .filter(s -> s.pattern().equals("card_testing")).toList();
        assertThat(testing).hasSizeGreaterThan(20);
        assertThat(testing).allSatisfy(s -> assertThat(s.transaction().amountMajor()).isLessThanOrEqualTo(
                SmallAmounts.threshold(s.transaction().currency())));
        assertThat(testing.stream().filter(TransactionSimulator.Simulated::declined).count()).isGreaterThan(testing.size() / 2);
    }

    @Test
    void aTakenOverWalletIsEmptiedToANewAccountWhichCashesTheSameAmountOut() {
        List<TransactionSimulator.Simulated> paysim = new TransactionSimulator(small(5)).run().stream()
                .filter(s -> s.pattern().equals("transfer_then_cash_out")).toList();
        assertThat(paysim).isNotEmpty();
        var transfer = paysim.stream().filter(s -> s.transaction().merchant().startsWith("MULE")).findFirst().orElseThrow();
        String mule = transfer.transaction().merchant();
        var cashOut = paysim.stream().filter(s -> ("W" + mule).equals(s.transaction().card())).findFirst().orElseThrow();
        assertThat(cashOut.transaction().amountMajor()).isEqualTo(transfer.transaction().amountMajor());
        assertThat(cashOut.transaction().atMillis()).isGreaterThan(transfer.transaction().atMillis());
    }

    @Test
    void thePaySimSampleIsReadWithItsFraudulentTransfers() {
        PaySimAmounts paysim = PaySimAmounts.load();
        assertThat(paysim.fraudTransfers).hasSize(7); // the sample's 16 fraudulent rows: 7 TRANSFERs, their CASH_OUTs and two more
        assertThat(paysim.payments.length).isGreaterThan(1_000);
    }
}
