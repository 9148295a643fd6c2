package org.finbridge.financing.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.finbridge.financing.Loan;
import org.finbridge.financing.LoanClass;
import org.finbridge.financing.Offer;
import org.finbridge.financing.Portfolio;
import org.finbridge.financing.Programme;

/** The JSON shapes of financing's answers: ids written with their prefixes ({@code loan_…}, {@code pty_…}). */
final class Views {

    private Views() {
    }

    record ProgrammeView(String id, String lenderId, String name, String product, String currency, BigDecimal annualRate,
                         int months, String method, String dayCount, int upfrontFeeBasisPoints, int fixedFeeBasisPoints,
                         int holdbackBasisPoints, int minPaymentBasisPoints, int periodDays, BigDecimal penaltyRate,
                         int servicingFeeBasisPoints, Map<String, Long> limitsByGrade, int advanceRateBasisPoints,
                         String createdAt, int depositBasisPoints) {
        static ProgrammeView of(Programme p) {
            return new ProgrammeView(p.id().toString(), p.lenderId().toString(), p.name(), p.product().name(), p.currency(),
                    p.annualRate(), p.months(), p.method().code(), p.dayCount().code(), p.upfrontFeeBasisPoints(),
                    p.fixedFeeBasisPoints(), p.holdbackBasisPoints(), p.minPaymentBasisPoints(), p.periodDays(), p.penaltyRate(),
                    p.servicingFeeBasisPoints(), p.limitsByGrade(), p.advanceRateBasisPoints(), p.createdAt().toString(),
                    p.depositBasisPoints());
        }
    }

    record BorrowingBaseView(String merchantId, String currency, long pending, long advanced, List<BorrowingBaseLine> programmes) {
        static BorrowingBaseView of(org.finbridge.financing.BorrowingBase b) {
            return new BorrowingBaseView(b.merchantId().toString(), b.currency(), b.pendingMinorUnits(), b.advancedMinorUnits(),
                    b.programmes().stream().map(l -> new BorrowingBaseLine(l.programmeId().toString(), l.lenderId().toString(),
                            l.advanceRateBasisPoints(), l.availableMinorUnits())).toList());
        }
    }

    record BorrowingBaseLine(String programmeId, String lenderId, int advanceRateBasisPoints, long available) {
    }

    record OfferView(String programmeId, String lenderId, String product, String currency, long maxPrincipal,
                     BigDecimal annualRate, int months, String method, int upfrontFeeBasisPoints, int fixedFeeBasisPoints,
                     int holdbackBasisPoints, String grade, BigDecimal apr, BigDecimal effectiveRate) {
        static OfferView of(Offer o) {
            return new OfferView(o.programmeId().toString(), o.lenderId().toString(), o.product().name(), o.currency(),
                    o.maxPrincipal(), o.annualRate(), o.months(), o.method().code(), o.upfrontFeeBasisPoints(),
                    o.fixedFeeBasisPoints(), o.holdbackBasisPoints(), o.grade(), o.apr(), o.effectiveRate());
        }
    }

    record RestructuringView(String id, String loanId, String reference, int extendMonths, String reason, String state,
                             String proposedBy, String proposedOn, String decidedBy, String decisionReason, String decidedOn,
                             List<Loan.Line> previousSchedule) {
        static RestructuringView of(org.finbridge.financing.Restructuring r) {
            return new RestructuringView(r.id().toString(), r.loanId().toString(), r.reference(), r.extendMonths(), r.reason(),
                    r.state().name(), r.proposedBy(), r.proposedOn().toString(), r.decidedBy(), r.decisionReason(),
                    r.decidedOn() == null ? null : r.decidedOn().toString(), r.previousSchedule());
        }
    }

    /** A restructuring with the loan as it is after the request. */
    record RestructuringAnswer(RestructuringView restructuring, LoanView loan) {
    }

    record LoanView(String id, String programmeId, String merchantId, String lenderId, String reference, String product,
                    String currency, long principal, BigDecimal annualRate, int months, String method, String dayCount,
                    long upfrontFee, long fixedFee, int holdbackBasisPoints, long minPayment, int periodDays, BigDecimal apr,
                    BigDecimal effectiveRate, String grade, String state, String decision, String disbursedOn, int daysPastDue,
                    String classification, String breachStatus, Loan.Outstanding outstanding, List<Loan.Line> schedule,
                    Loan.Deposit deposit, GuaranteeView guarantee, Loan.SupplierPayment supplierPayment) {
        static LoanView of(Loan l) {
            return new LoanView(l.id().toString(), l.programmeId().toString(), l.merchantId().toString(), l.lenderId().toString(),
                    l.reference(), l.product().name(), l.currency(), l.principal(), l.annualRate(), l.months(), l.method().code(),
                    l.dayCount().code(), l.upfrontFee(), l.fixedFee(), l.holdbackBasisPoints(), l.minPayment(), l.periodDays(),
                    l.apr(), l.effectiveRate(), l.grade(), l.state().name(), l.decision(),
                    l.disbursedOn() == null ? null : l.disbursedOn().toString(), l.daysPastDue(), l.classification().name(),
                    l.breachStatus(), l.outstanding(), l.schedule(), l.deposit(),
                    l.guarantee() == null ? null : GuaranteeView.of(l.guarantee()), l.supplierPayment());
        }
    }

    record PortfolioView(String lenderId, String currency, long fundingAvailable, int activeLoans, long outstandingPrincipal,
                         long outstandingInterest, long outstandingFees, Map<String, Long> dpdBuckets,
                         Map<LoanClass, Long> principalByClass, long provisions, List<Portfolio.Vintage> vintages) {
        static PortfolioView of(Portfolio p) {
            return new PortfolioView(p.lenderId().toString(), p.currency(), p.fundingAvailable(), p.activeLoans(),
                    p.outstandingPrincipal(), p.outstandingInterest(), p.outstandingFees(), p.dpdBuckets(), p.principalByClass(),
                    p.provisions(), p.vintages());
        }
    }

    record GuaranteeView(String loanId, String guarantorId, String merchantId, String lenderId, String currency,
                         int coverageBasisPoints, long fee, long exposure, long claimed, long recovered, long owedToGuarantor,
                         String state, String claimedOn) {
        static GuaranteeView of(org.finbridge.financing.Guarantee g) {
            return new GuaranteeView(g.loanId().toString(), g.guarantorId().toString(), g.merchantId().toString(),
                    g.lenderId().toString(), g.currency(), g.coverageBasisPoints(), g.fee(), g.exposure(), g.claimed(),
                    g.recovered(), g.owedToGuarantor(), g.state(), g.claimedOn() == null ? null : g.claimedOn().toString());
        }
    }

    record GuarantorBookView(String guarantorId, String currency, long exposureLimit, int feeBasisPoints, long exposure,
                             long claimed, long recovered, List<GuaranteeView> guarantees) {
        static GuarantorBookView of(org.finbridge.financing.GuarantorBook b) {
            return new GuarantorBookView(b.guarantorId().toString(), b.currency(), b.exposureLimit(), b.feeBasisPoints(),
                    b.exposure(), b.claimed(), b.recovered(), b.guarantees().stream().map(GuaranteeView::of).toList());
        }
    }
}
