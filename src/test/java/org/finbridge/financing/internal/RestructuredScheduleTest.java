package org.finbridge.financing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.finbridge.financing.AmortizationMethod;
import org.finbridge.financing.DayCount;
import org.finbridge.financing.LoanClass;
import org.finbridge.financing.LoanId;
import org.finbridge.financing.LoanState;
import org.finbridge.financing.Product;
import org.finbridge.financing.ProgrammeId;
import org.finbridge.financing.internal.LoanStore.InstalmentRow;
import org.finbridge.financing.internal.LoanStore.LoanRow;
import org.finbridge.party.PartyId;
import org.junit.jupiter.api.Test;

/** A rescheduled loan owes exactly what it owed before; only when it falls due changes. */
class RestructuredScheduleTest {

    static final LocalDate START = LocalDate.of(2026, 1, 10);
    static final LocalDate ON = LocalDate.of(2026, 2, 20);

    static LoanRow loan() {
        return new LoanRow(new LoanId(java.util.UUID.randomUUID()), new ProgrammeId(java.util.UUID.randomUUID()),
                new PartyId(java.util.UUID.randomUUID()), new PartyId(java.util.UUID.randomUUID()), "ref", Product.TERM_LOAN, "CNY",
                900_000, new BigDecimal("0.12"), 3, AmortizationMethod.EQUAL_PRINCIPAL, DayCount.MONTHLY, 0, 0, 0, 0, 30,
                new BigDecimal("0.18"), 0, BigDecimal.ZERO, BigDecimal.ZERO, "UNRATED", LoanState.ACTIVE, "", START, ON, 10,
                LoanClass.SPECIAL_MENTION, "OK", null, Instant.EPOCH, null);
    }

    /** The first instalment partly paid and ten days late, the second accruing, the third not started. */
    static List<InstalmentRow> rows() {
        return List.of(new InstalmentRow(1, START.plusMonths(1), 300_000, 9_000, 500, 9_000, 100_000, 9_000, 0),
                new InstalmentRow(2, START.plusMonths(2), 300_000, 6_000, 0, 2_000, 0, 0, 0),
                new InstalmentRow(3, START.plusMonths(3), 300_000, 3_000, 0, 0, 0, 0, 0));
    }

    @Test
    void whatIsOwedIsUnchangedAndWhatWasPaidStaysPaid() {
        List<InstalmentRow> fresh = Rescheduling.of(loan(), rows(), ON, 4);
        // the paid part of the first instalment, then 2 not yet due + 4 months
        assertThat(fresh).hasSize(7);
        InstalmentRow paid = fresh.getFirst();
        assertThat(paid.principal()).isEqualTo(100_000).isEqualTo(paid.paidPrincipal());
        assertThat(paid.interest()).isEqualTo(9_000).isEqualTo(paid.paidInterest());
        assertThat(paid.unpaid()).isZero();
        assertThat(fresh.stream().mapToLong(r -> r.principal() - r.paidPrincipal()).sum()).isEqualTo(800_000);
        assertThat(fresh.stream().mapToLong(r -> r.accruedInterest() - r.paidInterest()).sum()).isEqualTo(2_000);
        assertThat(fresh.stream().mapToLong(r -> r.fee() - r.paidFee()).sum()).isEqualTo(500);
        assertThat(fresh.stream().mapToLong(InstalmentRow::paidPrincipal).sum()).isEqualTo(100_000);
        InstalmentRow first = fresh.get(1);
        assertThat(first.dueDate()).isEqualTo(ON.plusMonths(1));
        assertThat(first.accruedInterest()).isEqualTo(2_000);
        assertThat(first.fee()).isEqualTo(500);
        assertThat(fresh.getLast().dueDate()).isEqualTo(ON.plusMonths(6));
        assertThat(fresh).allSatisfy(r -> assertThat(r.accruedInterest()).isBetween(0L, r.interest()));
        assertThat(fresh.stream().map(InstalmentRow::period).toList()).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void theFirstNewPeriodRunsFromTheDayOfTheChange() {
        LoanRow l = loan();
        LoanRow rescheduled = new LoanRow(l.id(), l.programmeId(), l.merchantId(), l.lenderId(), l.reference(), l.product(),
                l.currency(), l.principal(), l.annualRate(), l.months(), l.method(), l.dayCount(), l.upfrontFee(), l.fixedFee(),
                l.holdbackBps(), l.minPayment(), l.periodDays(), l.penaltyRate(), l.servicingFeeBps(), l.apr(), l.effectiveRate(),
                l.grade(), l.state(), l.decision(), l.disbursedOn(), l.accruedThrough(), l.daysPastDue(), l.classification(),
                l.breachStatus(), l.closedOn(), l.createdAt(), ON);
        List<InstalmentRow> fresh = Rescheduling.of(rescheduled, rows(), ON, 4);
        assertThat(Servicing.periodStart(rescheduled, START.plusMonths(1), fresh.get(1))).isEqualTo(ON);
        assertThat(Servicing.periodStart(rescheduled, ON.plusMonths(1), fresh.get(2))).isEqualTo(ON.plusMonths(1));
        assertThat(Servicing.periodStart(l, START, rows().getFirst())).isEqualTo(START);
    }

    @Test
    void aLoanWithNoPrincipalOwedIsNotRescheduled() {
        List<InstalmentRow> repaid = List.of(new InstalmentRow(1, START.plusMonths(1), 900_000, 9_000, 0, 9_000, 900_000, 9_000, 0));
        assertThatThrownBy(() -> Rescheduling.of(loan(), repaid, ON, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
