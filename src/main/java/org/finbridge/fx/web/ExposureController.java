package org.finbridge.fx.web;

import java.util.List;
import org.finbridge.fx.CurrencyExposure;
import org.finbridge.fx.FxExposure;
import org.finbridge.party.Access;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The platform's side of FX, for operators: position and realised spread per currency. */
@RestController
class ExposureController {

    private final FxExposure exposure;

    ExposureController(FxExposure exposure) {
        this.exposure = exposure;
    }

    /**
     * @param position minor units the platform holds (negative: owes) through its liquidity account
     * @param realisedSpread minor units of spread earned in this currency
     */
    record ExposureView(String currency, long position, long realisedSpread, String positionInEur) {
        static ExposureView of(CurrencyExposure e) {
            return new ExposureView(e.position().currency().code(), e.position().minorUnits(),
                    e.realisedSpread().minorUnits(), e.positionInEur() == null ? null : e.positionInEur().toPlainString());
        }
    }

    @GetMapping("/api/v1/fx/exposure")
    @Access(value = ApiScope.FX_READ, operatorOnly = true)
    List<ExposureView> exposure(Actor actor, @RequestParam(required = false) String currency) {
        if (currency == null || currency.isBlank()) {
            return exposure.all().stream().map(ExposureView::of).toList();
        }
        return exposure.of(FxProblems.currency("currency", currency)).map(ExposureView::of).stream().toList();
    }
}
