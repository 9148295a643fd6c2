package org.finbridge.settlement.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.finbridge.party.BankAccount;
import org.finbridge.settlement.Rail;

/**
 * Picks the rail for a payout: of the rails that can reach the account in its currency, the cheapest whose
 * expected arrival meets the merchant's deadline (the earlier arrival on a tie). Arrival counts the rail's
 * business days from the day the instruction is accepted: today before the cut-off, else the next business day.
 */
final class PayoutRouter {

    record Route(Rail rail, LocalDate arrival) {
    }

    static final List<Rail> RAILS = List.of(Rail.LOCAL_EUR, Rail.LOCAL_CNY, Rail.CIPS, Rail.SWIFT_GPI);

    private PayoutRouter() {
    }

    /** Every rail able to pay this account, with its expected arrival if instructed at {@code now}. */
    static List<Route> routes(BankAccount account, Instant now) {
        List<Route> routes = new ArrayList<>();
        for (Rail rail : RAILS) {
            if (reaches(rail, account)) {
                routes.add(new Route(rail, arrival(rail, now)));
            }
        }
        return routes;
    }

    static Optional<Route> choose(List<Route> routes, LocalDate deadline) {
        return routes.stream().filter(r -> deadline == null || !r.arrival().isAfter(deadline))
                .min(Comparator.comparingLong((Route r) -> r.rail().feeMinorUnits()).thenComparing(Route::arrival));
    }

    static boolean reaches(Rail rail, BankAccount account) {
        String ccy = account.currency();
        if (!rail.pays(ccy)) {
            return false;
        }
        return switch (rail.code()) {
            // SEPA reaches IBAN accounts in euro; CNAPS reaches mainland accounts in yuan
            case "LOCAL_SEPA" -> account.iban() != null && !account.iban().isBlank();
            case "LOCAL_CNAPS" -> "CN".equals(account.country());
            // CIPS is for yuan crossing the border: a mainland account is paid by CNAPS
            case "CIPS" -> !"CN".equals(account.country()) && account.bic() != null;
            default -> account.bic() != null;
        };
    }

    static LocalDate arrival(Rail rail, Instant now) {
        BusinessCalendars.Calendar cal = BusinessCalendars.of(rail.calendar());
        ZonedDateTime local = now.atZone(cal.zone());
        LocalDate today = local.toLocalDate();
        LocalDate accepted = cal.isBusinessDay(today) && local.toLocalTime().isBefore(rail.cutOff())
                ? today : cal.plusBusinessDays(today.plusDays(1), 0);
        return cal.plusBusinessDays(accepted, rail.businessDays());
    }
}
