package org.finbridge.fx;

import java.util.List;
import java.util.Optional;
import org.finbridge.money.CurrencyCode;

/** The platform's FX position and realised spread per currency, read from the ledger. */
public interface FxExposure {

    List<CurrencyExposure> all();

    Optional<CurrencyExposure> of(CurrencyCode currency);
}
