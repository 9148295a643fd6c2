package org.finbridge.financing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.financing.AmortizationMethod;
import org.finbridge.financing.DayCount;
import org.finbridge.financing.LoanClass;
import org.finbridge.financing.LoanId;
import org.finbridge.financing.LoanState;
import org.finbridge.financing.Product;
import org.finbridge.financing.Programme;
import org.finbridge.financing.ProgrammeId;
import org.finbridge.party.PartyId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Programmes, loans, their schedules, repayments and servicing state, in explicit SQL. */
@Repository
class LoanStore {

    private final JdbcClient sql;

    LoanStore(JdbcClient sql) {
        this.sql = sql;
    }

    // ---- programmes

    void insert(Programme p) {
        sql.sql("""
                insert into lending_programmes (id, lender_id, name, product, currency, annual_rate, months, method, day_count,
                  upfront_fee_bps, fixed_fee_bps, holdback_bps, min_payment_bps, period_days, penalty_rate, servicing_fee_bps,
                  advance_rate_bps, created_at, deposit_bps)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id().value(), p.lenderId().value(), p.name(), p.product().name(), p.currency(), p.annualRate(),
                        p.months(), p.method().name(), p.dayCount().name(), p.upfrontFeeBasisPoints(), p.fixedFeeBasisPoints(),
                        p.holdbackBasisPoints(), p.minPaymentBasisPoints(), p.periodDays(), p.penaltyRate(),
                        p.servicingFeeBasisPoints(), p.advanceRateBasisPoints(), Timestamp.from(p.createdAt()), p.depositBasisPoints())
                .update();
        p.limitsByGrade().forEach((grade, max) -> sql.sql(
                        "insert into lending_programme_limits (programme_id, grade, max_principal) values (?, ?, ?)")
                .params(p.id().value(), grade, max).update());
    }

    Optional<Programme> programme(ProgrammeId id) {
        return sql.sql("select * from lending_programmes where id = ?").param(id.value()).query(this::programmeRow).optional();
    }

    List<Programme> programmes(PartyId lender) {
        return lender == null
                ? sql.sql("select * from lending_programmes order by created_at").query(this::programmeRow).list()
                : sql.sql("select * from lending_programmes where lender_id = ? order by created_at").param(lender.value())
                        .query(this::programmeRow).list();
    }

    private Programme programmeRow(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Map<String, Long> limits = new LinkedHashMap<>();
        sql.sql("select grade, max_principal from lending_programme_limits where programme_id = ? order by grade").param(id)
                .query((r, n) -> limits.put(r.getString(1), r.getLong(2))).list();
        return new Programme(new ProgrammeId(id), new PartyId(rs.getObject("lender_id", UUID.class)), rs.getString("name"),
                Product.valueOf(rs.getString("product")), rs.getString("currency"), rs.getBigDecimal("annual_rate"),
                rs.getInt("months"), AmortizationMethod.valueOf(rs.getString("method")), DayCount.valueOf(rs.getString("day_count")),
                rs.getInt("upfront_fee_bps"), rs.getInt("fixed_fee_bps"), rs.getInt("holdback_bps"),
                rs.getInt("min_payment_bps"), rs.getInt("period_days"), rs.getBigDecimal("penalty_rate"),
                rs.getInt("servicing_fee_bps"), limits, rs.getInt("advance_rate_bps"), rs.getTimestamp("created_at").toInstant(),
                rs.getInt("deposit_bps"));
    }

    // ---- loans

    /** A loan row: the contract's terms and its servicing state. */
    record LoanRow(LoanId id, ProgrammeId programmeId, PartyId merchantId, PartyId lenderId, String reference,
                   Product product, String currency, long principal, BigDecimal annualRate, int months,
                   AmortizationMethod method, DayCount dayCount, long upfrontFee, long fixedFee, int holdbackBps,
                   long minPayment, int periodDays, BigDecimal penaltyRate, int servicingFeeBps, BigDecimal apr,
                   BigDecimal effectiveRate, String grade, LoanState state, String decision, LocalDate disbursedOn,
                   LocalDate accruedThrough, int daysPastDue, LoanClass classification, String breachStatus,
                   LocalDate closedOn, Instant createdAt, LocalDate restructuredOn) {
    }

    void insert(LoanRow l, Instant now) {
        sql.sql("""
                insert into loans (id, programme_id, merchant_id, lender_id, reference, product, currency, principal, annual_rate,
                  months, method, day_count, upfront_fee, fixed_fee, holdback_bps, min_payment, period_days, penalty_rate,
                  servicing_fee_bps, apr, effective_rate, grade, state, decision, days_past_due, classification, breach_status,
                  created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'NORMAL', 'OK', ?, ?)""")
                .params(l.id().value(), l.programmeId().value(), l.merchantId().value(), l.lenderId().value(), l.reference(),
                        l.product().name(), l.currency(), l.principal(), l.annualRate(), l.months(), l.method().name(),
                        l.dayCount().name(), l.upfrontFee(), l.fixedFee(), l.holdbackBps(), l.minPayment(), l.periodDays(),
                        l.penaltyRate(), l.servicingFeeBps(), l.apr(), l.effectiveRate(), l.grade(), l.state().name(),
                        l.decision(), Timestamp.from(now), Timestamp.from(now))
                .update();
    }

    Optional<LoanRow> find(LoanId id) {
        return sql.sql("select * from loans where id = ?").param(id.value()).query(LoanStore::loan).optional();
    }

    /** The loan row locked for the rest of the transaction: servicing and repayments of one loan take turns. */
    Optional<LoanRow> lock(LoanId id) {
        return sql.sql("select * from loans where id = ? for update").param(id.value()).query(LoanStore::loan).optional();
    }

    Optional<LoanRow> byReference(PartyId merchant, String reference) {
        return sql.sql("select * from loans where merchant_id = ? and reference = ?").params(merchant.value(), reference)
                .query(LoanStore::loan).optional();
    }

    /** How many loans are in each state, over every lender: the market page's approval and default rates. */
    java.util.Map<LoanState, Long> countsByState() {
        java.util.Map<LoanState, Long> counts = new java.util.EnumMap<>(LoanState.class);
        sql.sql("select state, count(*) as n from loans group by state")
                .query((rs, n) -> counts.put(LoanState.valueOf(rs.getString("state")), rs.getLong("n"))).list();
        return counts;
    }

    List<LoanRow> ofMerchant(PartyId merchant) {
        return sql.sql("select * from loans where merchant_id = ? order by created_at").param(merchant.value())
                .query(LoanStore::loan).list();
    }

    List<LoanRow> ofLender(PartyId lender) {
        return sql.sql("select * from loans where lender_id = ? order by created_at").param(lender.value())
                .query(LoanStore::loan).list();
    }

    List<LoanRow> recent(int limit) {
        return sql.sql("select * from loans order by created_at desc").query(LoanStore::loan).list().stream().limit(limit).toList();
    }

    List<LoanId> serviced() {
        return sql.sql("select id from loans where state in ('ACTIVE', 'DEFAULTED') order by disbursed_on, created_at")
                .query((rs, n) -> new LoanId(rs.getObject(1, UUID.class))).list();
    }

    /** Loans no longer serviced whose loss allowance has not been released yet. */
    /** A seller's loans in a currency that take a share of its settlements, in any order. */
    List<LoanRow> sweeping(PartyId merchant, String currency) {
        return sql.sql("select * from loans where merchant_id = ? and currency = ? and holdback_bps > 0 and state in ('ACTIVE', 'DEFAULTED')")
                .params(merchant.value(), currency).query(LoanStore::loan).list();
    }

    /**
     * The loans settlement's runs may have taken sweeps for that financing has yet to apply: those serviced, and those
     * that ended since {@code endedSince} (a take planned before the loan was repaid otherwise, given back to the seller).
     */
    List<LoanRow> sweptToApply(LocalDate endedSince) {
        return sql.sql("""
                select * from loans where holdback_bps > 0 and disbursed_on is not null
                  and (state in ('ACTIVE', 'DEFAULTED') or closed_on >= ?) order by disbursed_on, created_at""")
                .param(endedSince).query(LoanStore::loan).list();
    }

    List<LoanId> provisionedAndClosed() {
        return sql.sql("select id from loans where state not in ('ACTIVE', 'DEFAULTED') and loss_allowance <> 0 order by created_at")
                .query((rs, n) -> new LoanId(rs.getObject(1, UUID.class))).list();
    }

    /** Mirrors the loan's loss allowance as booked in the ledger (the ledger is the record; this finds the loans). */
    void lossAllowance(LoanId id, long allowance) {
        sql.sql("update loans set loss_allowance = ? where id = ?").params(allowance, id.value()).update();
    }

    /** The contract's disclosed cost, again: a fee added before disbursement (a guarantee's) changes it. */
    void disclosed(LoanId id, BigDecimal apr, BigDecimal effectiveRate, Instant now) {
        sql.sql("update loans set apr = ?, effective_rate = ?, updated_at = ? where id = ?")
                .params(apr, effectiveRate, Timestamp.from(now), id.value()).update();
    }

    void setState(LoanId id, LoanState state, String decision, Instant now) {
        sql.sql("update loans set state = ?, decision = coalesce(?, decision), updated_at = ? where id = ?")
                .params(state.name(), decision, Timestamp.from(now), id.value()).update();
    }

    void disbursed(LoanId id, LocalDate on, Instant now) {
        sql.sql("update loans set state = 'ACTIVE', disbursed_on = ?, accrued_through = ?, updated_at = ? where id = ?")
                .params(on, on, Timestamp.from(now), id.value()).update();
    }

    void serviced(LoanId id, LocalDate through, int dpd, LoanClass cls, String breach, LoanState state, LocalDate closedOn,
                  Instant now) {
        sql.sql("""
                update loans set accrued_through = ?, days_past_due = ?, classification = ?, breach_status = ?, state = ?,
                  closed_on = ?, updated_at = ? where id = ?""")
                .params(through, dpd, cls.name(), breach, state.name(), closedOn, Timestamp.from(now), id.value()).update();
    }

    private static LoanRow loan(ResultSet rs, int row) throws SQLException {
        java.sql.Date disbursed = rs.getDate("disbursed_on");
        java.sql.Date through = rs.getDate("accrued_through");
        java.sql.Date closed = rs.getDate("closed_on");
        return new LoanRow(new LoanId(rs.getObject("id", UUID.class)), new ProgrammeId(rs.getObject("programme_id", UUID.class)),
                new PartyId(rs.getObject("merchant_id", UUID.class)), new PartyId(rs.getObject("lender_id", UUID.class)),
                rs.getString("reference"), Product.valueOf(rs.getString("product")), rs.getString("currency"),
                rs.getLong("principal"), rs.getBigDecimal("annual_rate"), rs.getInt("months"),
                AmortizationMethod.valueOf(rs.getString("method")), DayCount.valueOf(rs.getString("day_count")),
                rs.getLong("upfront_fee"), rs.getLong("fixed_fee"), rs.getInt("holdback_bps"), rs.getLong("min_payment"),
                rs.getInt("period_days"), rs.getBigDecimal("penalty_rate"), rs.getInt("servicing_fee_bps"),
                rs.getBigDecimal("apr"), rs.getBigDecimal("effective_rate"), rs.getString("grade"),
                LoanState.valueOf(rs.getString("state")), rs.getString("decision"),
                disbursed == null ? null : disbursed.toLocalDate(), through == null ? null : through.toLocalDate(),
                rs.getInt("days_past_due"), LoanClass.valueOf(rs.getString("classification")), rs.getString("breach_status"),
                closed == null ? null : closed.toLocalDate(), rs.getTimestamp("created_at").toInstant(),
                rs.getDate("restructured_on") == null ? null : rs.getDate("restructured_on").toLocalDate());
    }

    // ---- schedule

    /** One instalment row; {@code accruedInterest} is the interest recognised so far (≤ interest). */
    record InstalmentRow(int period, LocalDate dueDate, long principal, long interest, long fee, long accruedInterest,
                         long paidPrincipal, long paidInterest, long paidFee) {
        long unpaid() {
            return principal - paidPrincipal + interest - paidInterest + fee - paidFee;
        }
    }

    void insertSchedule(LoanId loan, List<InstalmentRow> rows) {
        for (InstalmentRow r : rows) {
            sql.sql("""
                    insert into loan_instalments (loan_id, period, due_date, principal, interest, fee, accrued_interest,
                      paid_principal, paid_interest, paid_fee) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(loan.value(), r.period(), r.dueDate(), r.principal(), r.interest(), r.fee(), r.accruedInterest(),
                            r.paidPrincipal(), r.paidInterest(), r.paidFee())
                    .update();
        }
    }

    List<InstalmentRow> schedule(LoanId loan) {
        return sql.sql("select * from loan_instalments where loan_id = ? order by period").param(loan.value())
                .query((rs, n) -> new InstalmentRow(rs.getInt("period"), rs.getDate("due_date").toLocalDate(),
                        rs.getLong("principal"), rs.getLong("interest"), rs.getLong("fee"), rs.getLong("accrued_interest"),
                        rs.getLong("paid_principal"), rs.getLong("paid_interest"), rs.getLong("paid_fee")))
                .list();
    }

    /** Replaces the loan's schedule (a restructuring), after {@link #keepSchedule} kept the old one. */
    void replaceSchedule(LoanId loan, List<InstalmentRow> rows, LocalDate restructuredOn) {
        sql.sql("delete from loan_instalments where loan_id = ?").param(loan.value()).update();
        insertSchedule(loan, rows);
        sql.sql("update loans set restructured_on = ? where id = ?").params(restructuredOn, loan.value()).update();
    }

    void keepSchedule(org.finbridge.financing.RestructuringId restructuring, LoanId loan, List<InstalmentRow> rows) {
        for (InstalmentRow r : rows) {
            sql.sql("""
                    insert into loan_schedule_history (restructuring_id, loan_id, period, due_date, principal, interest, fee,
                      accrued_interest, paid_principal, paid_interest, paid_fee) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(restructuring.value(), loan.value(), r.period(), r.dueDate(), r.principal(), r.interest(), r.fee(),
                            r.accruedInterest(), r.paidPrincipal(), r.paidInterest(), r.paidFee())
                    .update();
        }
    }

    List<InstalmentRow> keptSchedule(org.finbridge.financing.RestructuringId restructuring) {
        return sql.sql("select * from loan_schedule_history where restructuring_id = ? order by period").param(restructuring.value())
                .query((rs, n) -> new InstalmentRow(rs.getInt("period"), rs.getDate("due_date").toLocalDate(),
                        rs.getLong("principal"), rs.getLong("interest"), rs.getLong("fee"), rs.getLong("accrued_interest"),
                        rs.getLong("paid_principal"), rs.getLong("paid_interest"), rs.getLong("paid_fee")))
                .list();
    }

    // ---- restructurings

    /**
     * A restructuring as stored (numbered per loan in the order proposed, under the loan's lock); its previous
     * schedule is read with {@link #keptSchedule}.
     */
    record RestructuringRow(org.finbridge.financing.RestructuringId id, LoanId loanId, String reference, int extendMonths,
                            String reason, org.finbridge.financing.Restructuring.State state, String proposedBy,
                            LocalDate proposedOn, String decidedBy, String decisionReason, LocalDate decidedOn, Instant createdAt) {
    }

    void insert(RestructuringRow r) {
        sql.sql("""
                insert into loan_restructurings (id, loan_id, number, reference, extend_months, reason, state, proposed_by,
                  proposed_on, created_at)
                select ?, ?, coalesce(max(number), 0) + 1, ?, ?, ?, ?, ?, ?, ? from loan_restructurings where loan_id = ?""")
                .params(r.id().value(), r.loanId().value(), r.reference(), r.extendMonths(), r.reason(), r.state().name(),
                        r.proposedBy(), r.proposedOn(), Timestamp.from(r.createdAt()), r.loanId().value())
                .update();
    }

    void decided(org.finbridge.financing.RestructuringId id, org.finbridge.financing.Restructuring.State state, String by,
                 String reason, LocalDate on) {
        sql.sql("update loan_restructurings set state = ?, decided_by = ?, decision_reason = ?, decided_on = ? where id = ?")
                .params(state.name(), by, reason, on, id.value()).update();
    }

    List<RestructuringRow> restructurings(LoanId loan) {
        return sql.sql("select * from loan_restructurings where loan_id = ? order by number desc").param(loan.value())
                .query((rs, n) -> new RestructuringRow(new org.finbridge.financing.RestructuringId(rs.getObject("id", UUID.class)),
                        new LoanId(rs.getObject("loan_id", UUID.class)), rs.getString("reference"), rs.getInt("extend_months"),
                        rs.getString("reason"), org.finbridge.financing.Restructuring.State.valueOf(rs.getString("state")),
                        rs.getString("proposed_by"), rs.getDate("proposed_on").toLocalDate(), rs.getString("decided_by"),
                        rs.getString("decision_reason"),
                        rs.getDate("decided_on") == null ? null : rs.getDate("decided_on").toLocalDate(),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    void update(LoanId loan, InstalmentRow r) {
        sql.sql("""
                update loan_instalments set interest = ?, accrued_interest = ?, paid_principal = ?, paid_interest = ?, paid_fee = ?
                where loan_id = ? and period = ?""")
                .params(r.interest(), r.accruedInterest(), r.paidPrincipal(), r.paidInterest(), r.paidFee(), loan.value(),
                        r.period())
                .update();
    }

    // ---- penalty

    record Penalty(long accrued, long paid) {
        long unpaid() {
            return accrued - paid;
        }
    }

    Penalty penalty(LoanId loan) {
        return sql.sql("select accrued, paid from loan_penalties where loan_id = ?").param(loan.value())
                .query((rs, n) -> new Penalty(rs.getLong(1), rs.getLong(2))).optional().orElse(new Penalty(0, 0));
    }

    void penalty(LoanId loan, Penalty p) {
        if (sql.sql("update loan_penalties set accrued = ?, paid = ? where loan_id = ?").params(p.accrued(), p.paid(), loan.value())
                .update() == 0) {
            sql.sql("insert into loan_penalties (loan_id, accrued, paid) values (?, ?, ?)").params(loan.value(), p.accrued(), p.paid())
                    .update();
        }
    }

    // ---- repayments

    /** @param recovered the part that paid back the guarantor's claim (after everything owed to the lender) */
    record RepaymentRow(UUID id, LoanId loan, String reference, String source, long amount, long penalty, long interest, long fee,
                        long principal, long servicingFee, LocalDate paidOn, long recovered) {
    }

    void insert(RepaymentRow r, Instant now) {
        sql.sql("""
                insert into loan_repayments (id, loan_id, reference, source, amount, penalty, interest, fee, principal,
                  servicing_fee, paid_on, created_at, recovered) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.loan().value(), r.reference(), r.source(), r.amount(), r.penalty(), r.interest(), r.fee(),
                        r.principal(), r.servicingFee(), r.paidOn(), Timestamp.from(now), r.recovered())
                .update();
    }

    Optional<RepaymentRow> repayment(LoanId loan, String reference) {
        return sql.sql("select * from loan_repayments where loan_id = ? and reference = ?").params(loan.value(), reference)
                .query(LoanStore::repayment).optional();
    }

    List<RepaymentRow> repayments(LoanId loan) {
        return sql.sql("select * from loan_repayments where loan_id = ? order by created_at, id").param(loan.value())
                .query(LoanStore::repayment).list();
    }

    private static RepaymentRow repayment(ResultSet rs, int n) throws SQLException {
        return new RepaymentRow(rs.getObject("id", UUID.class), new LoanId(rs.getObject("loan_id", UUID.class)),
                rs.getString("reference"), rs.getString("source"), rs.getLong("amount"), rs.getLong("penalty"),
                rs.getLong("interest"), rs.getLong("fee"), rs.getLong("principal"), rs.getLong("servicing_fee"),
                rs.getDate("paid_on").toLocalDate(), rs.getLong("recovered"));
    }

    // ---- guarantors and guarantees

    record GuarantorRow(PartyId party, String currency, long exposureLimit, int feeBps) {
    }

    void guarantor(GuarantorRow g, Instant now) {
        if (sql.sql("update loan_guarantors set exposure_limit = ?, fee_bps = ?, updated_at = ? where party_id = ? and currency = ?")
                .params(g.exposureLimit(), g.feeBps(), Timestamp.from(now), g.party().value(), g.currency()).update() == 0) {
            sql.sql("""
                    insert into loan_guarantors (party_id, currency, exposure_limit, fee_bps, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(g.party().value(), g.currency(), g.exposureLimit(), g.feeBps(), Timestamp.from(now), Timestamp.from(now))
                    .update();
        }
    }

    record ProgrammeGuarantee(ProgrammeId programme, PartyId guarantor, int coverageBps) {
    }

    void programmeGuarantee(ProgrammeId programme, PartyId guarantor, int coverageBps, Instant now) {
        if (sql.sql("update programme_guarantees set guarantor_id = ?, coverage_bps = ? where programme_id = ?")
                .params(guarantor.value(), coverageBps, programme.value()).update() == 0) {
            sql.sql("insert into programme_guarantees (programme_id, guarantor_id, coverage_bps, created_at) values (?, ?, ?, ?)")
                    .params(programme.value(), guarantor.value(), coverageBps, Timestamp.from(now)).update();
        }
    }

    Optional<ProgrammeGuarantee> programmeGuarantee(ProgrammeId programme) {
        return sql.sql("select * from programme_guarantees where programme_id = ?").param(programme.value())
                .query((rs, n) -> new ProgrammeGuarantee(programme, new PartyId(rs.getObject("guarantor_id", UUID.class)),
                        rs.getInt("coverage_bps"))).optional();
    }

    Optional<GuarantorRow> guarantor(PartyId party, String currency) {
        return sql.sql("select * from loan_guarantors where party_id = ? and currency = ?").params(party.value(), currency)
                .query((rs, n) -> new GuarantorRow(party, currency, rs.getLong("exposure_limit"), rs.getInt("fee_bps")))
                .optional();
    }

    /** Locks the guarantor's terms: two guarantees checked against its limit at once take turns. */
    Optional<GuarantorRow> lockGuarantor(PartyId party, String currency) {
        return sql.sql("select * from loan_guarantors where party_id = ? and currency = ? for update")
                .params(party.value(), currency)
                .query((rs, n) -> new GuarantorRow(party, currency, rs.getLong("exposure_limit"), rs.getInt("fee_bps")))
                .optional();
    }

    record GuaranteeRow(LoanId loan, PartyId guarantor, int coverageBps, long fee, long claimed, long recovered, String state,
                        LocalDate claimedOn) {
        long owed() {
            return claimed - recovered;
        }
    }

    void insert(GuaranteeRow g, Instant now) {
        sql.sql("""
                insert into loan_guarantees (loan_id, guarantor_id, coverage_bps, fee, claimed, recovered, state, claimed_on,
                  created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(g.loan().value(), g.guarantor().value(), g.coverageBps(), g.fee(), g.claimed(), g.recovered(), g.state(),
                        g.claimedOn(), Timestamp.from(now))
                .update();
    }

    /** A guarantee given at an acceptance that then failed: the loan was never disbursed, so nothing was covered. */
    void deleteGuarantee(LoanId loan) {
        sql.sql("delete from loan_guarantees where loan_id = ? and state = 'ACTIVE' and claimed = 0").param(loan.value()).update();
    }

    Optional<GuaranteeRow> guarantee(LoanId loan) {
        return sql.sql("select * from loan_guarantees where loan_id = ?").param(loan.value()).query(LoanStore::guarantee)
                .optional();
    }

    List<GuaranteeRow> guaranteesOf(PartyId guarantor) {
        return sql.sql("select * from loan_guarantees where guarantor_id = ? order by created_at, loan_id")
                .param(guarantor.value()).query(LoanStore::guarantee).list();
    }

    void claimed(LoanId loan, long claimed, LocalDate on) {
        sql.sql("update loan_guarantees set claimed = ?, state = 'CLAIMED', claimed_on = ? where loan_id = ?")
                .params(claimed, on, loan.value()).update();
    }

    void recovered(LoanId loan, long recovered) {
        sql.sql("update loan_guarantees set recovered = recovered + ? where loan_id = ?").params(recovered, loan.value()).update();
    }

    private static GuaranteeRow guarantee(ResultSet rs, int n) throws SQLException {
        return new GuaranteeRow(new LoanId(rs.getObject("loan_id", UUID.class)), new PartyId(rs.getObject("guarantor_id", UUID.class)),
                rs.getInt("coverage_bps"), rs.getLong("fee"), rs.getLong("claimed"), rs.getLong("recovered"), rs.getString("state"),
                rs.getDate("claimed_on") == null ? null : rs.getDate("claimed_on").toLocalDate());
    }

    // ---- security deposits

    record DepositRow(LoanId loan, String reference, long amount, long applied, long released, String state,
                      LocalDate lodgedOn, LocalDate settledOn) {
        long held() {
            return amount - applied - released;
        }
    }

    void insert(DepositRow d, Instant now) {
        sql.sql("""
                insert into loan_deposits (loan_id, reference, amount, applied, released, state, lodged_on, settled_on, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.loan().value(), d.reference(), d.amount(), d.applied(), d.released(), d.state(), d.lodgedOn(),
                        d.settledOn(), Timestamp.from(now))
                .update();
    }

    Optional<DepositRow> deposit(LoanId loan) {
        return sql.sql("select * from loan_deposits where loan_id = ?").param(loan.value())
                .query((rs, n) -> new DepositRow(new LoanId(rs.getObject("loan_id", UUID.class)), rs.getString("reference"),
                        rs.getLong("amount"), rs.getLong("applied"), rs.getLong("released"), rs.getString("state"),
                        rs.getDate("lodged_on").toLocalDate(),
                        rs.getDate("settled_on") == null ? null : rs.getDate("settled_on").toLocalDate()))
                .optional();
    }

    void depositSettled(LoanId loan, long applied, long released, String state, LocalDate on) {
        sql.sql("update loan_deposits set applied = ?, released = ?, state = ?, settled_on = ? where loan_id = ?")
                .params(applied, released, state, on, loan.value()).update();
    }

    // ---- import credit: the supplier's payment

    record SupplierPaymentRow(LoanId loan, String bankAccountId, String invoiceReference, UUID payoutId, LocalDate paidOn) {
    }

    void insert(SupplierPaymentRow p, Instant now) {
        sql.sql("""
                insert into loan_supplier_payments (loan_id, bank_account_id, invoice_reference, payout_id, paid_on, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(p.loan().value(), p.bankAccountId(), p.invoiceReference(), p.payoutId(), p.paidOn(), Timestamp.from(now))
                .update();
    }

    Optional<SupplierPaymentRow> supplierPayment(LoanId loan) {
        return sql.sql("select * from loan_supplier_payments where loan_id = ?").param(loan.value())
                .query((rs, n) -> new SupplierPaymentRow(new LoanId(rs.getObject("loan_id", UUID.class)),
                        rs.getString("bank_account_id"), rs.getString("invoice_reference"), rs.getObject("payout_id", UUID.class),
                        rs.getDate("paid_on") == null ? null : rs.getDate("paid_on").toLocalDate()))
                .optional();
    }

    void supplierPaid(LoanId loan, UUID payout, LocalDate on) {
        sql.sql("update loan_supplier_payments set payout_id = ?, paid_on = ? where loan_id = ?")
                .params(payout, on, loan.value()).update();
    }

    /** The loan whose supplier the payout paid (an import credit), if any. */
    Optional<LoanId> bySupplierPayout(UUID payout) {
        return sql.sql("select loan_id from loan_supplier_payments where payout_id = ?").param(payout)
                .query((rs, n) -> new LoanId(rs.getObject("loan_id", UUID.class))).optional();
    }

    /** The supplier's payout came back (REJECTED or RETURNED), with the bank's reason. */
    void supplierReturned(LoanId loan, String state, String reason, LocalDate on) {
        sql.sql("update loan_supplier_payments set returned_state = ?, returned_reason = ?, returned_on = ? where loan_id = ?")
                .params(state, reason == null ? null : reason.length() > 200 ? reason.substring(0, 200) : reason, on, loan.value())
                .update();
    }

    /** An active loan unwound: CANCELLED on {@code on}, its decision extended with why. */
    void cancelled(LoanId loan, String decision, LocalDate on, Instant now) {
        sql.sql("update loans set state = 'CANCELLED', decision = ?, closed_on = ?, updated_at = ? where id = ? and state = 'ACTIVE'")
                .params(decision.length() > 2000 ? decision.substring(0, 2000) : decision, on, Timestamp.from(now), loan.value())
                .update();
    }

    // ---- sweep cursors, classification history, reminders

    Optional<String> sweepCursor(UUID account) {
        return sql.sql("select last_cursor from loan_sweep_cursors where account_id = ?").param(account).query(String.class).optional();
    }

    void sweepCursor(UUID account, String cursor, Instant now) {
        if (sql.sql("update loan_sweep_cursors set last_cursor = ?, updated_at = ? where account_id = ?")
                .params(cursor, Timestamp.from(now), account).update() == 0) {
            sql.sql("insert into loan_sweep_cursors (account_id, last_cursor, updated_at) values (?, ?, ?)")
                    .params(account, cursor, Timestamp.from(now)).update();
        }
    }

    void classified(LoanId loan, LocalDate on, LoanClass from, LoanClass to, int dpd) {
        sql.sql("""
                insert into loan_classifications (loan_id, changed_on, from_class, to_class, days_past_due)
                values (?, ?, ?, ?, ?)""").params(loan.value(), on, from.name(), to.name(), dpd).update();
    }

    /** Records a reminder once; answers false when it was already sent. */
    boolean remind(LoanId loan, int period, String kind, LocalDate on) {
        if (sql.sql("select count(*) from loan_reminders where loan_id = ? and period = ? and kind = ?")
                .params(loan.value(), period, kind).query(Long.class).single() > 0) {
            return false;
        }
        sql.sql("insert into loan_reminders (loan_id, period, kind, sent_on) values (?, ?, ?, ?)")
                .params(loan.value(), period, kind, on).update();
        return true;
    }

    List<String> reminders(LoanId loan) {
        List<String> out = new ArrayList<>();
        sql.sql("select period, kind from loan_reminders where loan_id = ? order by sent_on, period, kind").param(loan.value())
                .query((rs, n) -> out.add(rs.getInt(1) + ":" + rs.getString(2))).list();
        return out;
    }
}
