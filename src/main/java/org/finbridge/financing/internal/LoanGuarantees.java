package org.finbridge.financing.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.finbridge.audit.AuditLog;
import org.finbridge.financing.Guarantee;
import org.finbridge.financing.GuarantorBook;
import org.finbridge.financing.LoanId;
import org.finbridge.financing.LoanResult;
import org.finbridge.financing.LoanState;
import org.finbridge.financing.Programme;
import org.finbridge.financing.ProgrammeId;
import org.finbridge.financing.ProgrammeResult;
import org.finbridge.financing.internal.LoanStore.LoanRow;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.Actor;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Guarantees: a guarantor's terms per currency (exposure limit, fee), a loan guaranteed by its lender before
 * disbursement or by its programme at acceptance, and the guarantor's book. Claims and recovery are servicing's.
 */
@Service
class LoanGuarantees {

    private final LoanStore store;
    private final FinancingAccounts accounts;
    private final LoanViews views;
    private final Parties parties;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BigDecimal aprCap;

    LoanGuarantees(LoanStore store, FinancingAccounts accounts, LoanViews views, Parties parties, AuditLog audit,
                   PlatformTransactionManager transactions, Clock clock,
                   @Value("${finbridge.financing.apr-cap:0.24}") BigDecimal aprCap) {
        this.store = store;
        this.accounts = accounts;
        this.views = views;
        this.parties = parties;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.aprCap = aprCap;
    }

    LoanResult offerGuarantees(Actor actor, String currency, long exposureLimit, int feeBasisPoints) {
        if (actor.partyKind() != PartyKind.GUARANTOR) {
            return new LoanResult.Invalid("guarantor", "only a guarantor offers guarantees");
        }
        String ccy;
        try {
            ccy = CurrencyCode.of(currency).code();
        } catch (RuntimeException e) {
            return new LoanResult.Invalid("currency", "an ISO 4217 currency");
        }
        if (exposureLimit < 0) {
            return new LoanResult.Invalid("exposureLimit", "0 or more minor units");
        }
        if (feeBasisPoints < 0 || feeBasisPoints > 5_000) {
            return new LoanResult.Invalid("feeBasisPoints", "0 to 5,000 basis points");
        }
        accounts.guarantorFunds(actor.partyId(), ccy);
        accounts.guarantorRecoverable(actor.partyId(), ccy);
        tx.executeWithoutResult(s -> {
            Optional<LoanStore.GuarantorRow> before = store.guarantor(actor.partyId(), ccy);
            store.guarantor(new LoanStore.GuarantorRow(actor.partyId(), ccy, exposureLimit, feeBasisPoints), clock.instant());
            audit.record(null, "financing.guarantor.terms", "party", actor.partyId().toString(),
                    before.map(b -> "{\"exposureLimit\":" + b.exposureLimit() + ",\"feeBasisPoints\":" + b.feeBps() + "}")
                            .orElse(null),
                    "{\"currency\":\"" + ccy + "\",\"exposureLimit\":" + exposureLimit + ",\"feeBasisPoints\":"
                            + feeBasisPoints + "}");
        });
        return new LoanResult.Done(null);
    }

    LoanResult guarantee(Actor actor, LoanId id, PartyId guarantor, int coverageBasisPoints) {
        Optional<LoanRow> found = store.find(id).filter(l -> actor.isOperator() || actor.partyId().equals(l.lenderId()));
        if (found.isEmpty()) {
            return new LoanResult.NotFound("loan");
        }
        if (coverageBasisPoints < 1 || coverageBasisPoints > 10_000) {
            return new LoanResult.Invalid("coverageBasisPoints", "1 to 10,000 basis points of the principal");
        }
        String ccy = found.get().currency();
        if (guarantor == null || store.guarantor(guarantor, ccy).isEmpty()) {
            return new LoanResult.NotFound("guarantor");
        }
        views.prepare(id);
        accounts.openForGuarantor(id, guarantor, ccy);
        return tx.execute(s -> {
            LoanRow l = store.lock(id).orElseThrow();
            LoanStore.GuarantorRow terms = store.lockGuarantor(guarantor, ccy).orElseThrow();
            Optional<LoanStore.GuaranteeRow> existing = store.guarantee(id);
            if (existing.isPresent()) {
                return existing.get().guarantor().equals(guarantor) && existing.get().coverageBps() == coverageBasisPoints
                        ? new LoanResult.Existing(views.view(l)) : new LoanResult.IllegalState(l.state(), "be guaranteed twice");
            }
            if (l.state() != LoanState.APPROVED) {
                // the fee is paid out of the advance: a guarantee is given before disbursement
                return new LoanResult.IllegalState(l.state(), "be guaranteed");
            }
            return give(l, terms, coverageBasisPoints).orElseGet(() -> new LoanResult.Done(views.view(store.find(id).orElseThrow())));
        });
    }

    /**
     * Gives the guarantee of an approved loan (its row and the guarantor's terms locked by the caller), or the rule it
     * breaks: the guarantor's exposure limit, or the cap on the loan's full annual cost with the fee in it.
     */
    Optional<LoanResult> give(LoanRow l, LoanStore.GuarantorRow terms, int coverageBasisPoints) {
        LoanId id = l.id();
        PartyId guarantor = terms.party();
        long covered = Contracts.basisPoints(l.principal(), coverageBasisPoints);
        long exposure = exposure(guarantor);
        if (exposure + covered > terms.exposureLimit()) {
            audit.record(null, "financing.guarantee.refused", "loan", id.toString(), null,
                    "{\"reason\":\"EXPOSURE_LIMIT\",\"covered\":" + covered + ",\"exposure\":" + exposure + "}");
            return Optional.of(new LoanResult.GuaranteeLimitExceeded(Math.max(0, terms.exposureLimit() - exposure)));
        }
        long fee = Contracts.basisPoints(l.principal(), terms.feeBps());
        // the seller pays the fee out of the advance: it is part of the loan's full annual cost, disclosed and
        // held under the cap like any other fee (REGULATIONS.md §6.3)
        Contracts.Contract contract = Contracts.of(new Contracts.Terms(l.product(), views.terms(l, views.today()).schedule(),
                l.upfrontFee() + fee, l.fixedFee()));
        if (contract.cost().exceeds(aprCap)) {
            return Optional.of(new LoanResult.RateCapExceeded(contract.cost().apr(), aprCap));
        }
        store.disclosed(id, contract.cost().apr(), contract.cost().effectiveRate(), clock.instant());
        store.insert(new LoanStore.GuaranteeRow(id, guarantor, coverageBasisPoints, fee, 0, 0, "ACTIVE", null), clock.instant());
        audit.record(null, "financing.guarantee.given", "loan", id.toString(), null,
                "{\"guarantor\":\"" + guarantor + "\",\"coverageBasisPoints\":" + coverageBasisPoints + ",\"fee\":" + fee
                        + "}");
        return Optional.empty();
    }

    ProgrammeResult guaranteeProgramme(Actor actor, ProgrammeId programme, PartyId guarantor, int coverageBasisPoints) {
        Optional<Programme> p = programme == null ? Optional.empty() : store.programme(programme)
                .filter(x -> actor.isOperator() || x.lenderId().equals(actor.partyId()));
        if (p.isEmpty()) {
            return new ProgrammeResult.Invalid("programme", "no such programme");
        }
        if (coverageBasisPoints < 1 || coverageBasisPoints > 10_000) {
            return new ProgrammeResult.Invalid("coverageBasisPoints", "1 to 10,000 basis points of the principal");
        }
        if (guarantor == null || store.guarantor(guarantor, p.get().currency()).isEmpty()) {
            return new ProgrammeResult.Invalid("guarantorId", "no such guarantor offering guarantees in " + p.get().currency());
        }
        tx.executeWithoutResult(s -> {
            store.programmeGuarantee(programme, guarantor, coverageBasisPoints, clock.instant());
            audit.record(null, "financing.programme.guaranteed", "programme", programme.toString(), null,
                    "{\"guarantor\":\"" + guarantor + "\",\"coverageBasisPoints\":" + coverageBasisPoints + "}");
        });
        return new ProgrammeResult.Published(p.get());
    }

    static Contracts.Terms withGuaranteeFee(Contracts.Terms t, Optional<LoanStore.GuaranteeRow> guarantee) {
        long fee = guarantee.map(LoanStore.GuaranteeRow::fee).orElse(0L);
        return fee == 0 ? t : new Contracts.Terms(t.product(), t.schedule(), t.upfrontFee() + fee, t.fixedFee());
    }

    /**
     * What the guarantor's active guarantees cover now: the covered share of the principal each loan owes (of its
     * principal before disbursement); nothing for a loan closed, declined or already claimed.
     */
    private long exposure(PartyId guarantor) {
        return store.guaranteesOf(guarantor).stream().filter(g -> "ACTIVE".equals(g.state()))
                .mapToLong(g -> store.find(g.loan()).map(views::covered).orElse(0L)).sum();
    }

    Optional<GuarantorBook> guarantees(Actor actor, PartyId guarantor, String currency) {
        if (!actor.mayAccess(guarantor) || parties.find(guarantor).filter(p -> p.kind() == PartyKind.GUARANTOR).isEmpty()) {
            return Optional.empty();
        }
        String ccy = LoanViews.currencyCode(currency).orElse(null);
        if (ccy == null) {
            return Optional.empty();
        }
        // a guarantor that offers nothing in the currency has a limit of 0 and no guarantees
        LoanStore.GuarantorRow terms = store.guarantor(guarantor, ccy).orElse(new LoanStore.GuarantorRow(guarantor, ccy, 0, 0));
        List<Guarantee> list = new ArrayList<>();
        for (LoanStore.GuaranteeRow g : store.guaranteesOf(guarantor)) {
            store.find(g.loan()).filter(l -> l.currency().equals(ccy)).ifPresent(l -> list.add(views.guarantee(l, g)));
        }
        return Optional.of(new GuarantorBook(guarantor, ccy, terms.exposureLimit(), terms.feeBps(),
                list.stream().mapToLong(Guarantee::exposure).sum(), list.stream().mapToLong(Guarantee::claimed).sum(),
                list.stream().mapToLong(Guarantee::recovered).sum(), list));
    }
}
