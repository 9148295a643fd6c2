package org.finbridge.settlement.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.finbridge.audit.AuditLog;
import org.finbridge.party.Actor;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.PartyId;
import org.finbridge.settlement.Payout;
import org.finbridge.settlement.PayoutHolds;
import org.finbridge.settlement.PayoutScreening;
import org.finbridge.settlement.PayoutState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payouts held for sanctions review (AML Law arts. 40–41, FATF R.6). Holding, releasing and blocking move
 * no money: a held or blocked payout's money stays reserved in payouts-in-transit, where no merchant can
 * spend it twice and no bank file reaches it (only CREATED payouts are sent). So each move is one guarded
 * update of the payout's state, in the caller's transaction, with its audit entry.
 *
 * <p>What a merchant sees of a hold is only {@link #HELD_FOR_REVIEW}: the list and the match are for
 * compliance, not for the customer under review.
 */
@Service
class PayoutHoldService implements PayoutHolds {

    static final String HELD_FOR_REVIEW = "held for compliance review";

    private final JdbcClient jdbc;
    private final PayoutScreening screening;
    private final BankAccounts bankAccounts;
    private final AuditLog audit;
    private final Clock clock;

    PayoutHoldService(JdbcClient jdbc, PayoutScreening screening, BankAccounts bankAccounts, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.screening = screening;
        this.bankAccounts = bankAccounts;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<Payout> matchDecided(Actor reviewer, String hitId, boolean confirmed) {
        if (!reviewer.isOperator() || hitId == null) {
            return List.of();
        }
        List<Payout> moved = new ArrayList<>();
        for (Payout p : jdbc.sql("select * from payouts where screening_hit_id = ? and state = 'HELD' order by id")
                .param(hitId).query(PayoutService::payout).list()) {
            if (confirmed) {
                move(reviewer, p, PayoutState.BLOCKED, "blocked: sanctions match confirmed", hitId, "blocked").ifPresent(moved::add);
                continue;
            }
            // the false positive is remembered, so screening again finds it settled, or the beneficiary's next open match
            switch (screenAgain(p)) {
                case PayoutScreening.Held next -> move(reviewer, p, PayoutState.HELD, HELD_FOR_REVIEW, next.hitId(), "held")
                        .ifPresent(moved::add);
                case PayoutScreening.Clear c -> move(reviewer, p, PayoutState.CREATED, null, null, "released").ifPresent(moved::add);
                case PayoutScreening.Unavailable u -> move(reviewer, p, PayoutState.CREATED, null, null, "released")
                        .ifPresent(moved::add);
            }
        }
        return moved;
    }

    @Override
    @Transactional
    public List<Payout> holdPending(Actor reviewer, PartyId merchant, String hitId) {
        if (!reviewer.isOperator() || merchant == null) {
            return List.of();
        }
        List<Payout> moved = new ArrayList<>();
        for (Payout p : jdbc.sql("select * from payouts where merchant_id = ? and state = 'CREATED' order by id")
                .param(merchant.value()).query(PayoutService::payout).list()) {
            move(reviewer, p, PayoutState.HELD, HELD_FOR_REVIEW, hitId, "held").ifPresent(moved::add);
        }
        return moved;
    }

    /**
     * Screens a payout once more as it is about to go into a bank file: a list may have changed since it was
     * written (FATF R.6: without delay). A possible match holds it; true when it may go.
     */
    boolean mayRelease(Actor actor, Payout p) {
        if (screenAgain(p) instanceof PayoutScreening.Held next) {
            move(actor, p, PayoutState.HELD, HELD_FOR_REVIEW, next.hitId(), "held");
            return false;
        }
        return true;
    }

    private PayoutScreening.Outcome screenAgain(Payout p) {
        return bankAccounts.find(p.bankAccountId())
                .<PayoutScreening.Outcome>map(a -> screening.screen(new PayoutScreening.Beneficiary(p.merchantId(),
                        a.holderName(), a.country())))
                .orElseGet(() -> new PayoutScreening.Held("the bank account is gone", null));
    }

    /** One guarded update from the state read (a concurrent batch or decision that moved it first wins). */
    private java.util.Optional<Payout> move(Actor actor, Payout p, PayoutState next, String reason, String hitId, String action) {
        if (p.state() != next && !p.state().mayBecome(next)) {
            return java.util.Optional.empty();
        }
        int n = jdbc.sql("""
                update payouts set state = ?, status_reason = ?, screening_hit_id = ?, updated_at = ?
                where id = ? and state = ?""")
                .params(next.name(), reason, hitId, SettlementStore.ts(clock.instant()), p.id().value(), p.state().name())
                .update();
        if (n == 0) {
            return java.util.Optional.empty();
        }
        audit.record(actor.name(), "settlement.payout." + action, "payout", p.id().toString(),
                "{\"state\":\"" + p.state() + "\"}", "{\"state\":\"" + next + "\",\"hitId\":" + json(hitId)
                        + (reason == null ? "" : ",\"reason\":" + json(reason)) + "}");
        return jdbc.sql("select * from payouts where id = ?").param(p.id().value()).query(PayoutService::payout).optional();
    }

    static String json(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> b.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return b.append('"').toString();
    }
}
