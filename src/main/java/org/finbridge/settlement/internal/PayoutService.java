package org.finbridge.settlement.internal;

import org.finbridge.audit.AuditLog;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.banking.AccountHolder;
import org.finbridge.banking.Agent;
import org.finbridge.banking.CreditTransfer;
import org.finbridge.banking.ParseResult;
import org.finbridge.banking.PaymentInitiations;
import org.finbridge.banking.PaymentStatus;
import org.finbridge.banking.PaymentStatusReport;
import org.finbridge.banking.PaymentStatusReports;
import org.finbridge.banking.PayoutBatch;
import org.finbridge.banking.WriteResult;
import org.finbridge.fx.ExecutionResult;
import org.finbridge.fx.Fx;
import org.finbridge.fx.QuoteRequest;
import org.finbridge.fx.QuoteResult;
import org.finbridge.ledger.AccountId;
import org.finbridge.ledger.Ledger;
import org.finbridge.ledger.Transfer;
import org.finbridge.ledger.TransferId;
import org.finbridge.ledger.TransferResult;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.finbridge.party.Actor;
import org.finbridge.party.BankAccount;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyStatus;
import org.finbridge.platform.TimeOrderedIds;
import org.finbridge.settlement.NewPayout;
import org.finbridge.settlement.Payout;
import org.finbridge.settlement.PayoutBatchFile;
import org.finbridge.settlement.PayoutId;
import org.finbridge.settlement.PayoutResult;
import org.finbridge.settlement.PayoutScreening;
import org.finbridge.settlement.PayoutReversed;
import org.finbridge.settlement.PayoutState;
import org.finbridge.settlement.Payouts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payouts (Stripe's payouts, TigerBeetle's reliable submission): the ledger moves first with transfer ids
 * derived from the payout id, which itself derives from the merchant's reference, so a retried request or
 * a resumed one never debits twice; the payout's state is recorded after the ledger answered.
 *
 * <p>Ledger legs: creation moves the amount from the merchant's available balance to
 * {@code platform:PAYOUTS_IN_TRANSIT} and the rail's fee to {@code platform:FEES_PAYOUTS} (one linked
 * chain); settlement moves in-transit to {@code platform:BANK_PAYOUTS} (money left the safeguarding
 * account); a rejection returns amount and fee to available; a return after settlement returns the
 * amount (the banks kept the fee's worth of work).
 *
 * <p>Before any money moves the beneficiary is screened ({@link PayoutScreening}, AML Law arts. 40–41): a
 * possible match writes the payout HELD, with its money reserved as for any payout, and no bank file
 * carries it until a reviewer releases it ({@link PayoutHoldService}). Each payout is screened once more as
 * it goes into a bank file, against the lists then in force. A suspended merchant pays out nothing.
 */
@Service
class PayoutService implements Payouts {

    private final JdbcClient jdbc;
    private final BankAccounts bankAccounts;
    private final Parties parties;
    private final PayoutScreening screening;
    private final PayoutHoldService holds;
    private final Fx fx;
    private final Ledger ledger;
    private final MerchantAccounts accounts;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final AccountHolder debtor;
    private final String initiatingParty;
    private final String cipsParticipant;
    private final ApplicationEventPublisher events;

    PayoutService(JdbcClient jdbc, BankAccounts bankAccounts, Parties parties, PayoutScreening screening,
                  PayoutHoldService holds, Fx fx, Ledger ledger, MerchantAccounts accounts,
                  AuditLog audit, PlatformTransactionManager transactions, Clock clock,
                  @Value("${finbridge.settlement.payouts.debtor-name:Finbridge Payments Ltd}") String debtorName,
                  @Value("${finbridge.settlement.payouts.debtor-iban:DE89370400440532013000}") String debtorIban,
                  @Value("${finbridge.settlement.payouts.debtor-bic:COBADEFFXXX}") String debtorBic,
                  @Value("${finbridge.settlement.payouts.cips-participant-bic:BKCHCNBJXXX}") String cipsParticipant,
                  ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.bankAccounts = bankAccounts;
        this.parties = parties;
        this.screening = screening;
        this.holds = holds;
        this.fx = fx;
        this.ledger = ledger;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.debtor = new AccountHolder(debtorName, new org.finbridge.banking.AccountId.Iban(debtorIban), new Agent.Bic(debtorBic));
        this.initiatingParty = debtorName;
        this.cipsParticipant = cipsParticipant;
    }

    @Override
    public PayoutResult create(Actor actor, NewPayout np) {
        if (np.merchantId() == null || !actor.mayAccess(np.merchantId())) {
            return new PayoutResult.NotFound("merchant");
        }
        if (np.amount() <= 0) {
            return new PayoutResult.Invalid("amount", "must be a positive number of minor units");
        }
        if (np.currency() == null || !CurrencyCode.isKnown(np.currency())) {
            return new PayoutResult.Invalid("currency", "an ISO 4217 currency");
        }
        if (np.reference() == null || np.reference().isBlank() || np.reference().length() > 100) {
            return new PayoutResult.Invalid("reference", "1-100 characters, unique per merchant");
        }
        PayoutId id = new PayoutId(UUID.nameUUIDFromBytes(("payout:" + np.merchantId() + ":" + np.reference())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Optional<Payout> existing = byId(id.value());
        if (existing.isPresent()) {
            return new PayoutResult.Existing(existing.get());
        }
        Optional<BankAccount> found = bankAccounts.find(np.bankAccountId()).filter(a -> a.partyId().equals(np.merchantId()));
        if (found.isEmpty()) {
            return new PayoutResult.NotFound("bank account");
        }
        BankAccount account = found.get();
        if (account.status() != BankAccount.Status.VERIFIED) {
            return new PayoutResult.BankAccountNotVerified(account.id());
        }
        if (parties.find(np.merchantId()).filter(m -> m.status() == PartyStatus.SUSPENDED).isPresent()) {
            return new PayoutResult.MerchantSuspended();
        }
        PayoutScreening.Outcome screened = screening.screen(new PayoutScreening.Beneficiary(np.merchantId(),
                account.holderName(), account.country()));
        Instant now = clock.instant();
        List<PayoutRouter.Route> routes = PayoutRouter.routes(account, now);
        Optional<PayoutRouter.Route> route = PayoutRouter.choose(routes, np.deadline());
        if (route.isEmpty()) {
            return new PayoutResult.NoRailMeetsDeadline(routes.stream().map(PayoutRouter.Route::arrival).min(LocalDate::compareTo)
                    .map(LocalDate::toString).orElse("no rail reaches this account"));
        }
        String currency = account.currency();
        long amount = np.amount();
        String quoteId = null;
        if (!currency.equals(np.currency())) {
            QuoteResult q = fx.quote(QuoteRequest.selling(np.merchantId(), CurrencyCode.of(np.currency()), CurrencyCode.of(currency),
                    np.amount()), actor.name());
            if (!(q instanceof QuoteResult.Quoted quoted)) {
                return new PayoutResult.ConversionRefused(q.toString());
            }
            ExecutionResult e = fx.executeBetweenOwnBalances(quoted.quote().id(), actor.name());
            switch (e) {
                case ExecutionResult.Executed done -> {
                    amount = done.conversion().bought().minorUnits();
                    quoteId = quoted.quote().id().toString();
                }
                case ExecutionResult.InsufficientFunds f -> {
                    return new PayoutResult.InsufficientFunds(available(np.merchantId(), np.currency()));
                }
                default -> {
                    return new PayoutResult.ConversionRefused(e.toString());
                }
            }
        }
        long fee = route.get().rail().feeMinorUnits();
        if (quoteId != null) {
            // a converted payout pays its fee out of what the conversion bought, so it never needs a second balance
            amount -= fee;
            if (amount <= 0) {
                return new PayoutResult.Invalid("amount", "converted, it does not cover the rail's fee of " + fee);
            }
        }
        AccountId available = accounts.available(np.merchantId().value(), currency);
        List<Transfer> legs = new ArrayList<>();
        Transfer debit = Transfer.posted(tid(id, "debit"), available, accounts.platform("PAYOUTS_IN_TRANSIT", currency), amount,
                currency, "PAYOUT").withExternalRef(id.toString());
        legs.add(fee > 0 ? debit.linked() : debit);
        if (fee > 0) {
            legs.add(Transfer.posted(tid(id, "fee"), available, accounts.platform("FEES_PAYOUTS", currency), fee, currency,
                    "PAYOUT_FEE").withExternalRef(id.toString()));
        }
        List<TransferResult> results = ledger.submit(legs);
        Optional<TransferResult> refusal = results.stream().filter(r -> !r.isCommitted() && r != TransferResult.LINKED_EVENT_FAILED)
                .findFirst();
        if (refusal.isPresent()) {
            if (refusal.get() == TransferResult.EXCEEDS_CREDITS) {
                return new PayoutResult.InsufficientFunds(available(np.merchantId(), currency));
            }
            throw new IllegalStateException("ledger refused payout " + id + ": " + refusal.get());
        }
        String e2e = "FB" + id.value().toString().replace("-", "").toUpperCase(Locale.ROOT);
        long sourceAmount = np.amount();
        String q = quoteId;
        long paid = amount;
        try {
            tx.executeWithoutResult(s -> insertCreated(actor, id, np, account, sourceAmount, paid, currency, q, fee, route.get(), e2e,
                    screened, now));
        } catch (DataIntegrityViolationException raced) {
            // the same request on another node recorded it first; the ledger legs were the same transfers (EXISTS)
            return new PayoutResult.Existing(byId(id.value()).orElseThrow(() -> raced));
        }
        return new PayoutResult.Done(byId(id.value()).orElseThrow());
    }

    private void insertCreated(Actor actor, PayoutId id, NewPayout np, BankAccount account, long sourceAmount, long paid,
                               String currency, String q, long fee, PayoutRouter.Route route, String e2e,
                               PayoutScreening.Outcome screened, Instant now) {
        PayoutScreening.Held held = screened instanceof PayoutScreening.Held h ? h : null;
        int n = jdbc.sql("""
                insert into payouts (id, merchant_id, reference, bank_account_id, source_amount, source_currency, amount, currency,
                quote_id, fee, rail, state, end_to_end_id, expected_arrival, status_reason, screening_hit_id, created_at, updated_at)
                select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? from (select 1 as one) x
                where not exists (select 1 from payouts where id = ?)""")
                .params(id.value(), np.merchantId().value(), np.reference(), account.id(), sourceAmount, np.currency(), paid,
                        currency, q, fee, route.rail().code(), held == null ? "CREATED" : "HELD", e2e, route.arrival(),
                        held == null ? null : PayoutHoldService.HELD_FOR_REVIEW, held == null ? null : held.hitId(),
                        SettlementStore.ts(now), SettlementStore.ts(now), id.value())
                .update();
        if (n == 1) {
            audit.record(actor.name(), "settlement.payout.create", "payout", id.toString(), null,
                    "{\"amount\":" + paid + ",\"currency\":\"" + currency + "\",\"rail\":\"" + route.rail().code()
                            + "\",\"screening\":" + PayoutHoldService.json(describe(screened)) + "}");
            if (held != null) {
                audit.record(actor.name(), "settlement.payout.held", "payout", id.toString(), null,
                        "{\"state\":\"HELD\",\"hitId\":" + PayoutHoldService.json(held.hitId()) + ",\"reason\":"
                                + PayoutHoldService.json(held.reason()) + "}");
            }
        }
    }

    /** What the screening answered, short enough for the audit entry however many lists are in force. */
    private static String describe(PayoutScreening.Outcome o) {
        String text = switch (o) {
            case PayoutScreening.Clear c -> "clear against " + c.listVersions();
            case PayoutScreening.Held h -> "held on " + h.hitId();
            case PayoutScreening.Unavailable u -> "not screened: " + u.reason();
        };
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    @Override
    public void prepare(String currency) {
        accounts.platform("PAYOUTS_IN_TRANSIT", currency);
        accounts.platform("FEES_PAYOUTS", currency);
    }

    @Override
    public Optional<Payout> find(Actor actor, PayoutId id) {
        return byId(id.value()).filter(p -> actor.mayAccess(p.merchantId()));
    }

    @Override
    public List<Payout> list(Actor actor, int limit) {
        int n = Math.max(1, Math.min(limit, 200));
        return actor.isOperator()
                ? jdbc.sql("select * from payouts order by created_at desc, id").query(PayoutService::payout).list().stream().limit(n).toList()
                : jdbc.sql("select * from payouts where merchant_id = ? order by created_at desc, id").param(actor.partyId().value())
                        .query(PayoutService::payout).list().stream().limit(n).toList();
    }

    @Override
    public Optional<PayoutBatchFile> writeBatch(Actor actor, String currency) {
        if (!actor.isOperator() || currency == null || !CurrencyCode.isKnown(currency)) {
            return Optional.empty();
        }
        UUID batch = TimeOrderedIds.next(clock);
        String hex = batch.toString().replace("-", "").toUpperCase(Locale.ROOT);
        Instant now = clock.instant();
        return tx.execute(s -> {
            for (Payout p : jdbc.sql("""
                    select * from payouts where state = 'CREATED' and currency = ? and (rail = 'LOCAL_SEPA' or rail = 'LOCAL_CNAPS')
                    order by id""").param(currency).query(PayoutService::payout).list()) {
                holds.mayRelease(actor, p);
            }
            // claim the payouts first: a concurrent batch claims none of them
            jdbc.sql("""
                    update payouts set state = 'SENT', batch_id = ?, updated_at = ?
                    where state = 'CREATED' and currency = ? and (rail = 'LOCAL_SEPA' or rail = 'LOCAL_CNAPS')""")
                    .params(batch, SettlementStore.ts(now), currency).update();
            List<Payout> claimed = jdbc.sql("select * from payouts where batch_id = ? order by id").param(batch)
                    .query(PayoutService::payout).list();
            if (claimed.isEmpty()) {
                return Optional.<PayoutBatchFile>empty();
            }
            List<CreditTransfer> transfers = new ArrayList<>();
            for (Payout p : claimed) {
                BankAccount a = bankAccounts.find(p.bankAccountId()).orElseThrow();
                transfers.add(new CreditTransfer(p.endToEndId(), Money.ofMinor(p.amount(), p.currency()), creditor(a),
                        "Finbridge payout " + p.id()));
            }
            PayoutBatch file = new PayoutBatch("FBB" + hex, now, initiatingParty, "FBP" + hex, debtor,
                    now.atZone(java.time.ZoneOffset.UTC).toLocalDate(), transfers);
            if (!(PaymentInitiations.write(file) instanceof WriteResult.Written w)) {
                throw new IllegalStateException("payout batch could not be written: " + PaymentInitiations.write(file));
            }
            String rail = claimed.getFirst().rail();
            jdbc.sql("""
                    insert into payout_batches (id, message_id, currency, rail, message_type, transaction_count, control_sum, xml,
                    created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(batch, file.messageId(), currency, rail, w.messageType(), w.numberOfTransactions(), w.controlSum(),
                            w.xml(), actor.name(), SettlementStore.ts(now)).update();
            audit.record(actor.name(), "settlement.payout_batch.write", "payout_batch", batch.toString(), null,
                    "{\"messageId\":\"" + file.messageId() + "\",\"nbOfTxs\":" + w.numberOfTransactions() + ",\"ctrlSum\":\""
                            + w.controlSum().toPlainString() + "\"}");
            return Optional.of(new PayoutBatchFile(batch.toString(), file.messageId(), currency, rail, w.numberOfTransactions(),
                    w.controlSum(), w.messageType(), w.xml(), now));
        });
    }

    /**
     * Cross-border payouts travel one pacs.008.001.08 message each (as gpi payments do), with a UETR derived
     * from the payout id (the same after a crash), the platform's bank instructing, the beneficiary's bank
     * instructed and, on CIPS, the CIPS direct participant as intermediary. Charges are the platform's
     * (DEBT, SWIFT's "OUR"): the merchant paid the rail's fee already and receives the amount in full.
     */
    @Override
    public List<PayoutBatchFile> sendCrossBorder(Actor actor, String currency) {
        if (!actor.isOperator() || currency == null || !CurrencyCode.isKnown(currency)) {
            return List.of();
        }
        List<Payout> due = jdbc.sql("""
                select * from payouts where state = 'CREATED' and currency = ? and (rail = 'SWIFT_GPI' or rail = 'CIPS')
                order by id""").param(currency).query(PayoutService::payout).list();
        List<PayoutBatchFile> files = new ArrayList<>();
        for (Payout p : due) {
            UUID batch = TimeOrderedIds.next(clock);
            String hex = batch.toString().replace("-", "").toUpperCase(Locale.ROOT);
            Instant now = clock.instant();
            PayoutBatchFile written = tx.execute(s -> {
                if (!holds.mayRelease(actor, p)) {
                    return null;
                }
                int claimed = jdbc.sql("update payouts set state = 'SENT', batch_id = ?, updated_at = ? where id = ? and state = 'CREATED'")
                        .params(batch, SettlementStore.ts(now), p.id().value()).update();
                if (claimed == 0) {
                    return null; // another node sent it
                }
                BankAccount a = bankAccounts.find(p.bankAccountId()).orElseThrow();
                boolean cips = p.rail().equals("CIPS");
                org.finbridge.banking.CrossBorderTransfer transfer = new org.finbridge.banking.CrossBorderTransfer(
                        cips ? org.finbridge.banking.CrossBorderTransfer.Rail.CIPS : org.finbridge.banking.CrossBorderTransfer.Rail.SWIFT_GPI,
                        "FBX" + hex, now, now.atZone(java.time.ZoneOffset.UTC).toLocalDate(), "FBI" + hex, p.endToEndId(),
                        org.finbridge.banking.Uetr.derivedFrom(p.id().toString()), Money.ofMinor(p.amount(), p.currency()),
                        org.finbridge.banking.ChargeBearer.DEBT, debtor.agent(), new Agent.Bic(a.bic()),
                        cips ? new Agent.Bic(cipsParticipant) : null, debtor, creditor(a), "Finbridge payout " + p.id());
                if (!(org.finbridge.banking.InterbankTransfers.write(transfer) instanceof WriteResult.Written w)) {
                    throw new IllegalStateException("pacs.008 for payout " + p.id() + " could not be written: "
                            + org.finbridge.banking.InterbankTransfers.write(transfer));
                }
                jdbc.sql("""
                        insert into payout_batches (id, message_id, currency, rail, message_type, transaction_count, control_sum, xml,
                        created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(batch, "FBX" + hex, currency, p.rail(), w.messageType(), w.numberOfTransactions(), w.controlSum(),
                                w.xml(), actor.name(), SettlementStore.ts(now)).update();
                audit.record(actor.name(), "settlement.payout.sent", "payout", p.id().toString(), "{\"state\":\"CREATED\"}",
                        "{\"state\":\"SENT\",\"messageType\":\"" + w.messageType() + "\",\"messageId\":\"FBX" + hex + "\"}");
                return new PayoutBatchFile(batch.toString(), "FBX" + hex, currency, p.rail(), w.numberOfTransactions(),
                        w.controlSum(), w.messageType(), w.xml(), now);
            });
            if (written != null) {
                files.add(written);
            }
        }
        return files;
    }

    @Override
    public List<PayoutBatchFile> batches(Actor actor, int limit) {
        if (!actor.isOperator()) {
            return List.of();
        }
        return jdbc.sql("select * from payout_batches order by created_at desc, id").query((rs, n) -> new PayoutBatchFile(
                rs.getObject("id", UUID.class).toString(), rs.getString("message_id"), rs.getString("currency"), rs.getString("rail"),
                rs.getInt("transaction_count"), rs.getBigDecimal("control_sum").stripTrailingZeros(), rs.getString("message_type"),
                rs.getBytes("xml"), rs.getTimestamp("created_at").toInstant())).list().stream()
                .limit(Math.max(1, Math.min(limit, 100))).toList();
    }

    @Override
    public StatusReportOutcome applyStatusReport(Actor actor, byte[] pain002) {
        ParseResult<PaymentStatusReport> parsed = PaymentStatusReports.parse(new ByteArrayInputStream(pain002 == null ? new byte[0] : pain002));
        if (!(parsed instanceof ParseResult.Parsed<PaymentStatusReport> ok)) {
            return new StatusReportOutcome(false, ((ParseResult.Refused<PaymentStatusReport>) parsed).refusal().toString(), 0, 0, 0);
        }
        int applied = 0;
        int unknown = 0;
        int ignored = 0;
        for (PaymentStatusReport.TransactionStatus t : ok.value().transactions()) {
            Optional<Payout> p = t.originalEndToEndId() == null ? Optional.empty()
                    : jdbc.sql("select * from payouts where end_to_end_id = ?").param(t.originalEndToEndId()).query(PayoutService::payout).optional();
            if (p.isEmpty()) {
                unknown++;
                continue;
            }
            PayoutState next = switch (t.status()) {
                case PaymentStatus.Accepted a -> PayoutState.ACCEPTED;
                case PaymentStatus.Settled st -> PayoutState.SETTLED;
                case PaymentStatus.Rejected r -> PayoutState.REJECTED;
                default -> null;
            };
            String reason = t.status() instanceof PaymentStatus.Rejected r ? r.reasonCode() : null;
            if (next != null && move(actor, p.get(), next, reason)) {
                applied++;
            } else {
                ignored++;
            }
        }
        return new StatusReportOutcome(true, null, applied, unknown, ignored);
    }

    @Override
    public PayoutResult markReturned(Actor actor, PayoutId id, String reason) {
        Optional<Payout> p = find(actor, id).filter(x -> actor.isOperator());
        if (p.isEmpty()) {
            return new PayoutResult.NotFound("payout");
        }
        if (!move(actor, p.get(), PayoutState.RETURNED, reason)) {
            return new PayoutResult.Invalid("state", "only a settled payout can be returned, this one is " + p.get().state());
        }
        return new PayoutResult.Done(byId(id.value()).orElseThrow());
    }

    /** One legal transition: the ledger legs first (derived ids), then the state, only from the state read. */
    private boolean move(Actor actor, Payout p, PayoutState next, String reason) {
        if (!p.state().mayBecome(next)) {
            return false;
        }
        List<Transfer> legs = new ArrayList<>();
        String ccy = p.currency();
        AccountId available = accounts.available(p.merchantId().value(), ccy);
        AccountId inTransit = accounts.platform("PAYOUTS_IN_TRANSIT", ccy);
        AccountId paid = accounts.platform("BANK_PAYOUTS", ccy);
        switch (next) {
            case SETTLED -> legs.add(Transfer.posted(tid(p.id(), "settle"), inTransit, paid, p.amount(), ccy, "PAYOUT_SETTLED"));
            case REJECTED -> {
                legs.add(Transfer.posted(tid(p.id(), "reverse"), inTransit, available, p.amount(), ccy, "PAYOUT_REJECTED"));
                if (p.feeMinorUnits() > 0) {
                    legs.add(Transfer.posted(tid(p.id(), "fee-reverse"), accounts.platform("FEES_PAYOUTS", ccy), available,
                            p.feeMinorUnits(), ccy, "PAYOUT_FEE_REFUND"));
                }
            }
            case RETURNED -> legs.add(Transfer.posted(tid(p.id(), "return"), paid, available, p.amount(), ccy, "PAYOUT_RETURNED"));
            default -> { }
        }
        if (!legs.isEmpty()) {
            List<Transfer> chain = new ArrayList<>();
            for (int i = 0; i < legs.size(); i++) {
                chain.add((i < legs.size() - 1 ? legs.get(i).linked() : legs.get(i)).withExternalRef(p.id().toString()));
            }
            List<TransferResult> results = ledger.submit(chain);
            if (results.stream().anyMatch(r -> !r.isCommitted())) {
                throw new IllegalStateException("ledger refused payout " + p.id() + " → " + next + ": " + results);
            }
        }
        Instant now = clock.instant();
        return Boolean.TRUE.equals(tx.execute(s -> {
            int n = jdbc.sql("update payouts set state = ?, status_reason = ?, updated_at = ? where id = ? and state = ?")
                    .params(next.name(), reason, SettlementStore.ts(now), p.id().value(), p.state().name()).update();
            if (n == 1) {
                audit.record(actor.name(), "settlement.payout." + next.name().toLowerCase(Locale.ROOT), "payout", p.id().toString(),
                        "{\"state\":\"" + p.state() + "\"}", "{\"state\":\"" + next + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}");
                if (next.reversed()) {
                    // once per payout (the state moved here, from the state read): whoever the money was for learns it came back
                    events.publishEvent(new PayoutReversed(p.id(), p.merchantId(), reference(p.id()), p.amount(), ccy, next, reason, now));
                }
            }
            return n == 1;
        }));
    }

    private String reference(PayoutId id) {
        return jdbc.sql("select reference from payouts where id = ?").param(id.value()).query(String.class).single();
    }

    private static AccountHolder creditor(BankAccount a) {
        org.finbridge.banking.AccountId account = a.iban() != null && !a.iban().isBlank()
                ? new org.finbridge.banking.AccountId.Iban(a.iban()) : new org.finbridge.banking.AccountId.Other(a.accountNumber());
        Agent agent = a.bic() != null ? new Agent.Bic(a.bic()) : a.cnaps() != null ? new Agent.ClearingMember("CNAPS", a.cnaps()) : null;
        return new AccountHolder(a.holderName(), account, agent);
    }

    private long available(PartyId merchant, String currency) {
        return accounts.postedCreditBalance(accounts.available(merchant.value(), currency));
    }

    private static TransferId tid(PayoutId id, String leg) {
        return TransferId.derived("payout:" + id + ":" + leg);
    }

    Optional<Payout> byId(UUID id) {
        return jdbc.sql("select * from payouts where id = ?").param(id).query(PayoutService::payout).optional();
    }

    static Payout payout(ResultSet rs, int n) throws SQLException {
        UUID batch = rs.getObject("batch_id", UUID.class);
        return new Payout(new PayoutId(rs.getObject("id", UUID.class)), new PartyId(rs.getObject("merchant_id", UUID.class)),
                rs.getString("bank_account_id"), rs.getLong("source_amount"), rs.getString("source_currency"), rs.getLong("amount"),
                rs.getString("currency"), rs.getString("quote_id"), rs.getLong("fee"), rs.getString("rail"),
                PayoutState.valueOf(rs.getString("state")), rs.getString("end_to_end_id"), batch == null ? null : batch.toString(),
                rs.getObject("expected_arrival", LocalDate.class), rs.getString("status_reason"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
