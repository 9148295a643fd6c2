package org.finbridge.supervision;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Objects;
import org.finbridge.money.Money;

/**
 * China's cross-border e-commerce retail import tax (regulations notes §1.1; 财关税〔2016〕18号, limits of
 * 〔2018〕49号), as a pure function of the order, the buyer's annual total so far and the rules in force on
 * the date. No database: the command line quotes with it, and {@link CbecImports} applies it to a buyer's
 * tracked quota.
 *
 * <p>The rules: within CNY 5,000 per order and CNY 26,000 per person per calendar year the tariff is 0 % and
 * VAT and consumption tax are 70 % of the statutory amount, which gives the "comprehensive rate"
 * {@code (ct + vat) / (1 − ct) × 70 %} (13 % VAT, no consumption tax → 9.1 %: CNY 3,000 pays CNY 273). One
 * indivisible item over 5,000 is taxed in full and still counts toward the annual total; an order that would
 * take the annual total over 26,000 is general trade with full duties, and counts toward nothing. The limits
 * are compared with the dutiable value (price + freight + insurance); reaching a limit exactly is within it.
 *
 * <p>Full duties: tariff = value × tariff rate; consumption tax on the composite price
 * {@code (value + tariff) × ct / (1 − ct)}; VAT = {@code (value + tariff + consumption tax) × vat}. Each
 * tax is rounded to the fen, half up.
 */
public final class CbecImportTax {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final RuleBook rules;

    public CbecImportTax(RuleBook rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The limits in force on a date. */
    public record Limits(Money singleTransaction, Money annual, BigDecimal tariffRateWithinLimit,
                         BigDecimal vatCtFactorWithinLimit, int returnWindowDays) {
    }

    public Limits limits(LocalDate date) {
        return new Limits(cny(rules.decimal("cn_cbec_import.single_txn_limit_cny", date)),
                cny(rules.decimal("cn_cbec_import.annual_limit_cny", date)),
                rules.decimal("cn_cbec_import.tariff_rate_within_limit", date),
                rules.decimal("cn_cbec_import.vat_ct_factor_within_limit", date),
                rules.decimal("cn_cbec_import.return_window_days", date).intValueExact());
    }

    /** Which treatment an order gets, given the buyer's annual total before it. */
    public CbecTreatment treatment(CbecOrder order, Money annualUsed, LocalDate date) {
        Limits limits = limits(date);
        Money value = order.dutiableValue();
        boolean withinSingle = value.compareTo(limits.singleTransaction()) <= 0;
        boolean withinAnnual = annualUsed.plus(value).compareTo(limits.annual()) <= 0;
        if (!withinAnnual || (!withinSingle && !order.indivisible())) {
            return CbecTreatment.GENERAL_TRADE;
        }
        return withinSingle ? CbecTreatment.CBEC_PREFERENTIAL : CbecTreatment.CBEC_FULL_SINGLE_ITEM;
    }

    /** The treatment and the tax of an order, the buyer having used {@code annualUsed} this calendar year. */
    public CbecQuote quote(CbecOrder order, Money annualUsed, LocalDate date) {
        if (annualUsed.isNegative() || !annualUsed.currency().equals(CbecOrder.CNY)) {
            throw new IllegalArgumentException("the annual total used is a non-negative CNY amount");
        }
        CbecTreatment treatment = treatment(order, annualUsed, date);
        Limits limits = limits(date);
        return quote(order, treatment, annualUsed, date,
                treatment == CbecTreatment.GENERAL_TRADE && annualUsed.plus(order.dutiableValue()).compareTo(limits.annual()) > 0);
    }

    /** The tax of an order whose treatment was decided elsewhere (against the buyer's locked quota). */
    public CbecQuote quote(CbecOrder order, CbecTreatment treatment, Money annualUsed, LocalDate date, boolean overAnnualLimit) {
        Limits limits = limits(date);
        Money value = order.dutiableValue();
        BigDecimal d = value.toMajor();
        BigDecimal ct = order.consumptionTaxRate();
        BigDecimal composite = BigDecimal.ONE.subtract(ct);
        BigDecimal tariff;
        BigDecimal consumption;
        BigDecimal vat;
        if (treatment == CbecTreatment.CBEC_PREFERENTIAL) {
            BigDecimal factor = limits.vatCtFactorWithinLimit();
            tariff = d.multiply(limits.tariffRateWithinLimit(), PRECISION);
            BigDecimal base = d.add(tariff);
            consumption = base.multiply(ct, PRECISION).divide(composite, PRECISION).multiply(factor, PRECISION);
            vat = base.multiply(order.vatRate(), PRECISION).divide(composite, PRECISION).multiply(factor, PRECISION);
        } else {
            tariff = d.multiply(order.tariffRate(), PRECISION);
            BigDecimal base = d.add(tariff);
            BigDecimal ctExact = base.multiply(ct, PRECISION).divide(composite, PRECISION);
            consumption = ctExact;
            vat = base.add(ctExact).multiply(order.vatRate(), PRECISION);
        }
        Money tariffMoney = cny(tariff);
        Money ctMoney = cny(consumption);
        Money vatMoney = cny(vat);
        Money after = treatment.countsTowardAnnualLimit() ? annualUsed.plus(value) : annualUsed;
        return new CbecQuote(treatment, value, tariffMoney, ctMoney, vatMoney, tariffMoney.plus(ctMoney).plus(vatMoney),
                annualUsed, after, date, overAnnualLimit);
    }

    /** Rounds a CNY amount to the fen, half up. */
    static Money cny(BigDecimal major) {
        return new Money(major.setScale(CbecOrder.CNY.exponent(), RoundingMode.HALF_UP).movePointRight(CbecOrder.CNY.exponent())
                .longValueExact(), CbecOrder.CNY);
    }
}
