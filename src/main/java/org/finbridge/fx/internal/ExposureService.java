package org.finbridge.fx.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.finbridge.fx.CurrencyExposure;
import org.finbridge.fx.FxAccounts;
import org.finbridge.fx.FxExposure;
import org.finbridge.fx.ReferenceRateResult;
import org.finbridge.fx.ReferenceRates;
import org.finbridge.ledger.Account;
import org.finbridge.ledger.Ledger;
import org.finbridge.money.CurrencyCode;
import org.finbridge.money.Money;
import org.springframework.stereotype.Service;

/**
 * The position per currency is the FX liquidity account's balance, and the realised spread the FX
 * revenue account's: read from the ledger, the one record of what moved, never kept a second time.
 */
@Service
class ExposureService implements FxExposure {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");

    private final Ledger ledger;
    private final ReferenceRates rates;
    private final Clock clock;

    ExposureService(Ledger ledger, ReferenceRates rates, Clock clock) {
        this.ledger = ledger;
        this.rates = rates;
        this.clock = clock;
    }

    @Override
    public List<CurrencyExposure> all() {
        Map<String, Account> liquidity = new TreeMap<>();
        Map<String, Account> revenue = new TreeMap<>();
        for (Account a : ledger.accountsOf(FxAccounts.PLATFORM_OWNER)) {
            switch (a.type()) {
                case FxAccounts.FX_LIQUIDITY -> liquidity.put(a.currency().code(), a);
                case FxAccounts.FX_REVENUE -> revenue.put(a.currency().code(), a);
                default -> { }
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return liquidity.values().stream().map(a -> exposure(a, revenue.get(a.currency().code()), today)).toList();
    }

    @Override
    public Optional<CurrencyExposure> of(CurrencyCode currency) {
        return all().stream().filter(e -> e.position().currency().equals(currency)).findFirst();
    }

    private CurrencyExposure exposure(Account liquidity, Account revenue, LocalDate today) {
        Money position = liquidity.postedCreditBalance();
        Money spread = revenue == null ? Money.zero(liquidity.currency()) : revenue.postedCreditBalance();
        return new CurrencyExposure(position, spread, inEur(position, today));
    }

    /** Valued at the latest reference rate, to the cent, half-even: a report, not a booking. */
    private BigDecimal inEur(Money amount, LocalDate today) {
        if (amount.currency().equals(EUR)) {
            return amount.toMajor();
        }
        return rates.rate(amount.currency(), EUR, today) instanceof ReferenceRateResult.Found f
                ? amount.toMajor().multiply(f.rate().rate()).setScale(2, RoundingMode.HALF_EVEN)
                : null;
    }
}
