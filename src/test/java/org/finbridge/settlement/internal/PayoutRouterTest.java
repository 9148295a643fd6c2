package org.finbridge.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.finbridge.party.BankAccount;
import org.finbridge.party.PartyId;
import org.finbridge.settlement.Rail;
import org.junit.jupiter.api.Test;

/** The cheapest rail that meets the merchant's deadline. */
class PayoutRouterTest {

    static BankAccount account(String currency, String country, String iban, String bic, String cnaps) {
        return new BankAccount("bac_x", new PartyId(java.util.UUID.randomUUID()), currency, country, iban,
                iban == null ? "6222020000001234" : null, bic, cnaps, "Holder", BankAccount.Status.VERIFIED, null, Instant.EPOCH);
    }

    @Test
    void aEuroIbanGoesBySepaBeforeTheCutOffAndArrivesTheNextBusinessDay() {
        // Thursday 2 April 2026, 10:00 in Frankfurt: Good Friday and Easter Monday are TARGET2 holidays
        Instant now = Instant.parse("2026-04-02T08:00:00Z");
        List<PayoutRouter.Route> routes = PayoutRouter.routes(account("EUR", "DE", "DE89370400440532013000", "COBADEFFXXX", null), now);
        assertThat(routes).extracting(r -> r.rail().code()).containsExactly("LOCAL_SEPA", "SWIFT_GPI");
        PayoutRouter.Route sepa = PayoutRouter.choose(routes, null).orElseThrow();
        assertThat(sepa.rail()).isEqualTo(Rail.LOCAL_EUR);
        assertThat(sepa.arrival()).isEqualTo(LocalDate.of(2026, 4, 7));
    }

    @Test
    void afterTheCutOffTheInstructionCountsFromTheNextBusinessDay() {
        Instant late = Instant.parse("2026-04-02T14:00:00Z"); // 16:00 in Frankfurt
        assertThat(PayoutRouter.arrival(Rail.LOCAL_EUR, late)).isEqualTo(LocalDate.of(2026, 4, 8));
    }

    @Test
    void yuanAbroadTakesCipsUnlessOnlySwiftMeetsNothingAndADeadlineTooEarlyFindsNoRail() {
        Instant now = Instant.parse("2026-11-26T02:00:00Z"); // Thursday 10:00 in Shanghai
        List<PayoutRouter.Route> routes = PayoutRouter.routes(account("CNY", "HK", null, "HSBCHKHHHKH", null), now);
        assertThat(routes).extracting(r -> r.rail().code()).containsExactly("CIPS", "SWIFT_GPI");
        assertThat(PayoutRouter.choose(routes, null).orElseThrow().rail()).isEqualTo(Rail.CIPS);
        assertThat(PayoutRouter.choose(routes, LocalDate.of(2026, 11, 26))).isEmpty();
    }

    @Test
    void aMainlandYuanAccountIsPaidByCnapsTheSameDay() {
        Instant now = Instant.parse("2026-11-26T02:00:00Z");
        List<PayoutRouter.Route> routes = PayoutRouter.routes(account("CNY", "CN", null, null, "102100099996"), now);
        PayoutRouter.Route r = PayoutRouter.choose(routes, LocalDate.of(2026, 11, 26)).orElseThrow();
        assertThat(r.rail()).isEqualTo(Rail.LOCAL_CNY);
        assertThat(r.arrival()).isEqualTo(LocalDate.of(2026, 11, 26));
    }

    @Test
    void aTightDeadlineBuysTheFasterDearerRail() {
        // a euro account outside SEPA's reach by IBAN: only SWIFT; with IBAN, SEPA is cheaper and faster
        Instant now = Instant.parse("2026-11-26T09:00:00Z");
        List<PayoutRouter.Route> routes = List.of(new PayoutRouter.Route(Rail.SWIFT_GPI, LocalDate.of(2026, 11, 30)),
                new PayoutRouter.Route(new Rail("SLOW_CHEAP", "pain.001.001.09", "TARGET2", java.time.LocalTime.NOON, 1, 5,
                        java.util.Set.of()), LocalDate.of(2026, 12, 3)));
        assertThat(PayoutRouter.choose(routes, null).orElseThrow().rail().code()).isEqualTo("SLOW_CHEAP");
        assertThat(PayoutRouter.choose(routes, LocalDate.of(2026, 12, 1)).orElseThrow().rail()).isEqualTo(Rail.SWIFT_GPI);
        assertThat(now).isNotNull();
    }
}
