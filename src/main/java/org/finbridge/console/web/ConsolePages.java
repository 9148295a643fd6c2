package org.finbridge.console.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.finbridge.credit.CreditScores;
import org.finbridge.financing.Financing;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.Ledger;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyKind;
import org.finbridge.payments.Payment;
import org.finbridge.payments.Payments;
import org.finbridge.platform.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's pages. Each page resolves the logged-in person ({@link Actor}) and reads through the
 * modules' public APIs as that person; a page that is not for the person's role answers 404, as the API
 * does for objects that are not theirs.
 */
@Controller
class ConsolePages {

    private final Parties parties;
    private final Ledger ledger;
    private final Payments payments;
    private final Financing financing;
    private final CreditScores scores;

    ConsolePages(Parties parties, Ledger ledger, Payments payments, Financing financing,
                 CreditScores scores) {
        this.parties = parties;
        this.ledger = ledger;
        this.payments = payments;
        this.financing = financing;
        this.scores = scores;
    }

    @GetMapping("/console/login")
    String login() {
        return "console/login";
    }

    /** Each role lands on its own work. */
    @GetMapping("/console/app")
    String home(Actor actor) {
        if (actor.partyKind() == PartyKind.MERCHANT) {
            return "redirect:/console/app/seller";
        }
        if (actor.isOperator()) {
            return "redirect:/console/app/operator";
        }
        if (actor.partyKind() == PartyKind.REGULATOR && actor.has(ApiScope.SUPERVISION_READ)) {
            return "redirect:/console/app/regulator";
        }
        if (actor.partyKind() == PartyKind.LENDER && actor.has(ApiScope.LOANS_READ)) {
            return "redirect:/console/app/lender";
        }
        if (ProviderPages.isProvider(actor)) {
            return "redirect:/console/app/provider";
        }
        return "redirect:/console/app/account";
    }

    /** Who is logged in, for every role (and the landing page of roles whose pages come later). */
    @GetMapping("/console/app/account")
    String account(Actor actor, Model model) {
        model.addAttribute("actor", actor);
        model.addAttribute("party", parties.find(actor.partyId()).orElse(null));
        return "console/account";
    }

    /** The seller's cockpit: balances per currency, the latest payments, its loans and its own credit grade. */
    @GetMapping("/console/app/seller")
    String seller(Actor actor, Model model) {
        if (actor.partyKind() != PartyKind.MERCHANT) {
            throw new NotFoundException("PAGE_NOT_FOUND", "no seller cockpit for this user");
        }
        model.addAttribute("actor", actor);
        model.addAttribute("party", parties.find(actor.partyId()).orElse(null));
        model.addAttribute("balances", balances(ledger.accountsOf(actor.partyId().toString())));
        List<Payment> latest = actor.has(ApiScope.PAYMENTS_READ) ? payments.list(actor, 20) : List.of();
        model.addAttribute("payments", latest);
        List<LenderPages.LoanRow> loans = actor.has(ApiScope.LOANS_READ)
                ? financing.loans(actor, 20).stream().map(l -> LenderPages.LoanRow.of(l, "")).toList() : List.of();
        model.addAttribute("loans", loans);
        // the seller's own score: the subject may always see its own grade and the reasons behind it
        scores.latest(actor.partyId()).ifPresent(score -> {
            model.addAttribute("score", score);
            model.addAttribute("scoredOn", score.scoredAt().atZone(LenderPages.BEIJING).toLocalDate());
        });
        return "console/seller";
    }

    /**
     * One row per currency: available (settled, may be paid out), pending (authorized or captured, not yet
     * settled: posted plus held) and reserve (held back for refunds and chargebacks).
     */
    record BalanceRow(String currency, Money available, Money pending, Money reserve) {
    }

    static List<BalanceRow> balances(List<Account> accounts) {
        Map<String, Money[]> byCurrency = new TreeMap<>();
        for (Account a : accounts) {
            Money[] row = byCurrency.computeIfAbsent(a.currency().code(), c -> new Money[] {Money.zero(a.currency()),
                    Money.zero(a.currency()), Money.zero(a.currency())});
            switch (a.type()) {
                case "MERCHANT_AVAILABLE" -> row[0] = row[0].plus(a.postedCreditBalance());
                case "MERCHANT_PENDING" -> row[1] = row[1].plus(a.postedCreditBalance())
                        .plus(Money.ofMinor(a.creditsPending(), a.currency().code()));
                case "MERCHANT_RESERVE" -> row[2] = row[2].plus(a.postedCreditBalance());
                default -> { }
            }
        }
        return byCurrency.entrySet().stream().map(e -> new BalanceRow(e.getKey(), e.getValue()[0], e.getValue()[1],
                e.getValue()[2])).sorted(Comparator.comparing(BalanceRow::currency)).toList();
    }
}
