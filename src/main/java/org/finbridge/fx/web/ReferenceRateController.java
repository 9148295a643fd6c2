package org.finbridge.fx.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.finbridge.fx.Fx;
import org.finbridge.fx.ReferenceRateResult;
import org.finbridge.money.CurrencyCode;
import org.finbridge.party.Access;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Actor;
import org.finbridge.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reference rates: {@code GET /api/v1/fx/reference-rates?base=USD&quote=CNY&date=2024-03-15} answers
 * the units of quote per 1 base crossed through EUR from the latest ECB fixing on or before the date
 * (the fixing used is {@code date}; a weekend or holiday answers the working day before).
 */
@RestController
class ReferenceRateController {

    private final Fx fx;
    private final Clock clock;

    ReferenceRateController(Fx fx, Clock clock) {
        this.fx = fx;
        this.clock = clock;
    }

    record RateView(String base, String quote, String rate, LocalDate date, LocalDate requestedDate, String source) {
    }

    @GetMapping("/api/v1/fx/reference-rates")
    @Access(ApiScope.FX_READ)
    ResponseEntity<?> rate(Actor actor, @RequestParam(required = false) String base,
                           @RequestParam(required = false) String quote, @RequestParam(required = false) String date) {
        CurrencyCode from = FxProblems.currency("base", base);
        CurrencyCode to = FxProblems.currency("quote", quote);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate on = date == null || date.isBlank() ? today : FxProblems.date("date", date);
        if (on.isAfter(today)) {
            return FxProblems.invalid("INVALID_FIELD", "date", "is in the future; reference rates are published, not forecast");
        }
        return switch (fx.referenceRate(from, to, on)) {
            case ReferenceRateResult.Found f -> ResponseEntity.ok(new RateView(f.rate().base().code(), f.rate().quote().code(),
                    f.rate().rate().toPlainString(), f.rate().fixingDate(), on, f.rate().source()));
            case ReferenceRateResult.CurrencyNotQuoted c -> FxProblems.invalid("CURRENCY_NOT_QUOTED",
                    c.currency().equals(from.code()) ? "base" : "quote", "the ECB publishes no reference rate for " + c.currency());
            case ReferenceRateResult.NoFixing n -> Problems.response(HttpStatus.NOT_FOUND, "NO_FIXING",
                    "no ECB fixing of " + n.base() + " and " + n.quote() + " on or before " + n.date());
        };
    }
}
