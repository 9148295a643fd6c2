package org.finbridge.supervision;

import java.math.BigDecimal;
import java.util.Objects;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;

/**
 * What the tax of one retail import order depends on. The dutiable value (完税价格) is the actual
 * transaction price plus freight plus insurance (regulations notes §1.1, quoting 财关税〔2016〕18号).
 *
 * @param vatRate the goods' import VAT rate, e.g. 0.13
 * @param consumptionTaxRate the goods' consumption tax rate (0 for most goods; 0.15 for high-end cosmetics)
 * @param tariffRate the goods' full (MFN) tariff rate, applied only when the order is taxed in full
 * @param indivisible true for one item that cannot be split into orders under the single limit
 */
public record CbecOrder(Money price, Money freight, Money insurance, BigDecimal vatRate, BigDecimal consumptionTaxRate,
                        BigDecimal tariffRate, boolean indivisible) {

    public static final CurrencyCode CNY = CurrencyCode.of("CNY");

    /** Checks the input: CNY amounts (the limits are in CNY), none negative, a positive price, rates in [0, 1). */
    public CbecOrder {
        Objects.requireNonNull(price, "price");
        freight = freight == null ? Money.zero(CNY) : freight;
        insurance = insurance == null ? Money.zero(CNY) : insurance;
        tariffRate = tariffRate == null ? BigDecimal.ZERO : tariffRate;
        for (Money m : new Money[] {price, freight, insurance}) {
            if (!m.currency().equals(CNY)) {
                throw new IllegalArgumentException("CBEC import amounts are in CNY, not " + m.currency());
            }
            if (m.isNegative()) {
                throw new IllegalArgumentException("amounts must not be negative: " + m);
            }
        }
        if (!price.isPositive()) {
            throw new IllegalArgumentException("price must be positive");
        }
        rate("vat rate", vatRate);
        rate("consumption tax rate", consumptionTaxRate);
        rate("tariff rate", tariffRate);
    }

    private static void rate(String name, BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(name + " must be a decimal in [0, 1), e.g. 0.13");
        }
    }

    /** Price + freight + insurance. */
    public Money dutiableValue() {
        return price.plus(freight).plus(insurance);
    }
}
