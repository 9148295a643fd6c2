package org.finbridge.supervision;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;

/**
 * Import taxes at checkout for consumer parcels to the EU, the UK and the US (regulations notes §5), as a
 * pure function of the parcel and the rules in force on the date:
 * <ul>
 * <li>EU (from 2021-07-01): parcels of intrinsic value ≤ EUR 150 sold by an IOSS-registered seller pay VAT
 * at checkout at the destination country's rate; from 2026-07-01 to 2028-07-01 also the interim flat duty
 * of EUR 3 per item category (tariff sub-heading). Above EUR 150, without IOSS, or for excise goods, VAT
 * and duty are collected at import.</li>
 * <li>UK (from 2021-01-01): consignments ≤ GBP 135 pay UK VAT at the point of sale (seller or marketplace
 * liable), no duty; above, import VAT and duty at the border.</li>
 * <li>US: the USD 800 de minimis (19 USC 1321) no longer applied to China and Hong Kong from 2025-05-02 and
 * is suspended for every country from 2025-08-29; otherwise duty at the goods' rate on entry. No federal
 * VAT.</li>
 * </ul>
 * Amounts are in the destination's currency; each tax is rounded to its minor unit, half up.
 */
public final class CheckoutTax {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final CurrencyCode GBP = CurrencyCode.of("GBP");
    private static final CurrencyCode USD = CurrencyCode.of("USD");

    private final RuleBook rules;

    public CheckoutTax(RuleBook rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public CheckoutQuote quote(CheckoutOrder order, LocalDate date) {
        String country = order.destinationCountry();
        if (country.equals("GB")) {
            return uk(order, date);
        }
        if (country.equals("US")) {
            return us(order, date);
        }
        if (rules.keys("eu.vat_rate." + country).contains("eu.vat_rate." + country)) {
            return eu(order, date);
        }
        throw new IllegalArgumentException("no checkout tax rules for destination " + country);
    }

    private CheckoutQuote eu(CheckoutOrder order, LocalDate date) {
        Money value = in(order, EUR);
        BigDecimal rate = rules.decimal("eu.vat_rate." + order.destinationCountry(), date);
        Money threshold = major(rules.decimal("eu.ioss_max_eur", date), EUR);
        if (order.iossRegistered() && !order.exciseGoods() && value.compareTo(threshold) <= 0) {
            Money vat = times(value, rate);
            Money duty = major(rules.decimal("eu.low_value_duty_eur_per_item_category", date), EUR).times(order.itemCategories());
            return new CheckoutQuote("eu-ioss-checkout", vat, duty, vat.plus(duty), true, date);
        }
        Money duty = times(value, order.dutyRate());
        Money vat = times(value.plus(duty), rate);
        return new CheckoutQuote("eu-import-at-border", vat, duty, vat.plus(duty), false, date);
    }

    private CheckoutQuote uk(CheckoutOrder order, LocalDate date) {
        Money value = in(order, GBP);
        BigDecimal rate = rules.decimal("uk.vat_rate", date);
        Money threshold = major(rules.decimal("uk.low_value_vat_at_checkout_gbp", date), GBP);
        if (!order.exciseGoods() && value.compareTo(threshold) <= 0) {
            Money vat = times(value, rate);
            return new CheckoutQuote("uk-checkout-vat", vat, Money.zero(GBP), vat, true, date);
        }
        Money duty = times(value, order.dutyRate());
        Money vat = times(value.plus(duty), rate);
        return new CheckoutQuote("uk-import-at-border", vat, duty, vat.plus(duty), false, date);
    }

    private CheckoutQuote us(CheckoutOrder order, LocalDate date) {
        Money value = in(order, USD);
        Money threshold = major(rules.decimal("us.de_minimis_usd", date), USD);
        boolean excluded = Arrays.asList(rules.text("us.de_minimis_excluded_origins", date).split("\\s+"))
                .contains(order.originCountry());
        if (threshold.isPositive() && !excluded && value.compareTo(threshold) <= 0) {
            return new CheckoutQuote("us-de-minimis", Money.zero(USD), Money.zero(USD), Money.zero(USD), false, date);
        }
        Money duty = times(value, order.dutyRate());
        return new CheckoutQuote("us-formal-entry", Money.zero(USD), duty, duty, false, date);
    }

    private static Money in(CheckoutOrder order, CurrencyCode currency) {
        if (!order.intrinsicValue().currency().equals(currency)) {
            throw new IllegalArgumentException("a parcel to " + order.destinationCountry() + " is valued in " + currency
                    + ", not " + order.intrinsicValue().currency());
        }
        return order.intrinsicValue();
    }

    private static Money major(BigDecimal amount, CurrencyCode currency) {
        return new Money(amount.movePointRight(currency.exponent()).setScale(0, RoundingMode.HALF_UP).longValueExact(), currency);
    }

    private static Money times(Money amount, BigDecimal rate) {
        return new Money(new BigDecimal(amount.minorUnits()).multiply(rate).setScale(0, RoundingMode.HALF_UP).longValueExact(),
                amount.currency());
    }
}
