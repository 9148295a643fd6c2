package org.finbridge.financing.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.finbridge.audit.AuditLog;
import org.finbridge.financing.Loan;
import org.finbridge.financing.LoanEvents;
import org.finbridge.financing.LoanId;
import org.finbridge.financing.LoanState;
import org.finbridge.financing.Product;
import org.finbridge.financing.Restructuring;
import org.finbridge.financing.RestructuringId;
import org.finbridge.financing.RestructuringResult;
import org.finbridge.financing.internal.LoanStore.LoanRow;
import org.finbridge.party.Actor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Restructuring with four eyes: the lender (or the credit desk) proposes to extend a term loan, another credit
 * reviewer approves (the loan is rescheduled, the schedule it replaced kept) or rejects it.
 */
@Service
class LoanRestructurings {

    private final LoanStore store;
    private final Servicing servicing;
    private final LoanViews views;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    LoanRestructurings(LoanStore store, Servicing servicing, LoanViews views, AuditLog audit, ApplicationEventPublisher events,
                       PlatformTransactionManager transactions, Clock clock) {
        this.store = store;
        this.servicing = servicing;
        this.views = views;
        this.audit = audit;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    RestructuringResult proposeRestructuring(Actor actor, LoanId id, int extendMonths, String reason, String reference) {
        Optional<LoanRow> found = store.find(id).filter(l -> actor.isOperator() || actor.partyId().equals(l.lenderId()));
        if (found.isEmpty()) {
            return new RestructuringResult.NotFound("loan");
        }
        if (reference == null || reference.isBlank() || reference.length() > 100) {
            return new RestructuringResult.Invalid("reference", "1 to 100 characters (the Idempotency-Key)");
        }
        if (extendMonths < 1 || extendMonths > Restructuring.MAX_EXTENSION_MONTHS) {
            return new RestructuringResult.Invalid("extendMonths", "1 to " + Restructuring.MAX_EXTENSION_MONTHS);
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return new RestructuringResult.Invalid("reason", "why the loan is restructured, 1 to 500 characters");
        }
        return tx.execute(s -> {
            LoanRow l = store.lock(id).orElseThrow();
            Optional<LoanStore.RestructuringRow> same = store.restructurings(id).stream()
                    .filter(r -> r.reference().equals(reference)).findFirst();
            if (same.isPresent()) {
                return new RestructuringResult.Existing(restructuring(same.get()), views.view(l));
            }
            if (l.product() != Product.TERM_LOAN) {
                return new RestructuringResult.Invalid("loan", "only a term loan is rescheduled; other products follow sales");
            }
            if (l.state() != LoanState.ACTIVE) {
                // a defaulted loan is in recovery: what it owes is due at once, not rescheduled
                return new RestructuringResult.IllegalState(l.state().name(), "be restructured");
            }
            if (store.restructurings(id).stream().anyMatch(r -> r.state() == Restructuring.State.PROPOSED)) {
                return new RestructuringResult.IllegalState("RESTRUCTURING_PROPOSED", "have a second proposal open");
            }
            LoanStore.RestructuringRow row = new LoanStore.RestructuringRow(RestructuringId.next(clock), id, reference, extendMonths,
                    reason, Restructuring.State.PROPOSED, actor.name(), views.today(), null, null, null, clock.instant());
            store.insert(row);
            audit.record(null, "financing.loan.restructuring.proposed", "loan", id.toString(), null,
                    "{\"restructuring\":\"" + row.id() + "\",\"extendMonths\":" + extendMonths + "}");
            return new RestructuringResult.Done(restructuring(row), views.view(l));
        });
    }

    RestructuringResult decideRestructuring(Actor actor, LoanId id, boolean approve, String reason) {
        if (!actor.isOperator() || store.find(id).isEmpty()) {
            return new RestructuringResult.NotFound("loan");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            return new RestructuringResult.Invalid("reason", "1 to 500 characters");
        }
        views.prepare(id);
        return tx.execute(s -> {
            LoanRow l = store.lock(id).orElseThrow();
            Optional<LoanStore.RestructuringRow> open = store.restructurings(id).stream()
                    .filter(r -> r.state() == Restructuring.State.PROPOSED).findFirst();
            if (open.isEmpty()) {
                return new RestructuringResult.IllegalState("NO_PROPOSAL", approve ? "approve" : "reject");
            }
            LoanStore.RestructuringRow r = open.get();
            if (actor.name().equals(r.proposedBy())) {
                audit.record(null, "financing.loan.restructuring.refused", "loan", id.toString(), null,
                        "{\"reason\":\"FOUR_EYES\"}");
                return new RestructuringResult.FourEyesRequired(r.proposedBy());
            }
            LocalDate on = views.today();
            if (!approve) {
                store.decided(r.id(), Restructuring.State.REJECTED, actor.name(), reason, on);
                audit.record(null, "financing.loan.restructuring.rejected", "loan", id.toString(), null,
                        "{\"restructuring\":\"" + r.id() + "\"}");
                return new RestructuringResult.Done(restructuring(restructuringRow(id, r.id())), views.view(l));
            }
            if (l.state() != LoanState.ACTIVE) {
                // a defaulted loan is in recovery: what it owes is due at once, not rescheduled
                return new RestructuringResult.IllegalState(l.state().name(), "be restructured");
            }
            // interest and penalty up to today belong to the old schedule: recognise them before it is replaced
            servicing.accrueTo(l, on);
            LoanRow current = store.find(id).orElseThrow();
            List<LoanStore.InstalmentRow> old = store.schedule(id);
            if (old.stream().mapToLong(x -> x.principal() - x.paidPrincipal()).sum() <= 0) {
                return new RestructuringResult.IllegalState("NO_PRINCIPAL_OWED", "be rescheduled");
            }
            List<LoanStore.InstalmentRow> fresh = Rescheduling.of(current, old, on, r.extendMonths());
            store.keepSchedule(r.id(), id, old);
            store.replaceSchedule(id, fresh, on);
            store.decided(r.id(), Restructuring.State.APPROVED, actor.name(), reason, on);
            LoanRow rescheduled = store.find(id).orElseThrow();
            servicing.assess(rescheduled, on);
            int instalments = (int) fresh.stream().filter(x -> x.dueDate().isAfter(on)).count();
            audit.record(null, "financing.loan.restructured", "loan", id.toString(),
                    "{\"instalments\":" + old.size() + ",\"dpd\":" + current.daysPastDue() + "}",
                    "{\"restructuring\":\"" + r.id() + "\",\"instalments\":" + fresh.size() + "}");
            events.publishEvent(new LoanEvents.Restructured(id, l.merchantId(), l.lenderId(), on, r.id(), r.extendMonths(),
                    instalments));
            return new RestructuringResult.Done(restructuring(restructuringRow(id, r.id())), views.view(store.find(id).orElseThrow()));
        });
    }

    Optional<List<Restructuring>> restructurings(Actor actor, LoanId id) {
        return store.find(id).filter(l -> actor.mayAccess(l.merchantId()) || actor.partyId().equals(l.lenderId()))
                .map(l -> store.restructurings(id).stream().map(this::restructuring).toList());
    }

    private LoanStore.RestructuringRow restructuringRow(LoanId loan, RestructuringId id) {
        return store.restructurings(loan).stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
    }

    private Restructuring restructuring(LoanStore.RestructuringRow r) {
        List<Loan.Line> previous = store.keptSchedule(r.id()).stream().map(x -> new Loan.Line(x.period(), x.dueDate(),
                x.principal(), x.interest(), x.fee(), x.paidPrincipal(), x.paidInterest(), x.paidFee())).toList();
        return new Restructuring(r.id(), r.loanId(), r.reference(), r.extendMonths(), r.reason(), r.state(), r.proposedBy(),
                r.proposedOn(), r.decidedBy(), r.decisionReason(), r.decidedOn(), r.createdAt(), previous);
    }
}
