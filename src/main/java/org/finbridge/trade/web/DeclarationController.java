package org.finbridge.trade.web;

import static org.finbridge.trade.web.TradeProblems.invalid;
import static org.finbridge.trade.web.TradeProblems.notFound;

import java.net.URI;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.PartyKind;
import org.finbridge.trade.DeclarationId;
import org.finbridge.trade.DeclarationResult;
import org.finbridge.trade.Declarations;
import org.finbridge.trade.NewDeclaration;
import org.finbridge.trade.web.TradeViews.DeclarationView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Customs declarations from merchants, or from marketplaces for their sellers' orders. */
@RestController
@RequestMapping("/api/v1/trade")
class DeclarationController {

    private final Declarations declarations;

    DeclarationController(Declarations declarations) {
        this.declarations = declarations;
    }

    @PostMapping("/declarations")
    @Access(value = ApiScope.TRADE_SUBMIT, kinds = {PartyKind.MERCHANT, PartyKind.MARKETPLACE})
    ResponseEntity<?> submit(Actor actor, @RequestBody NewDeclaration body) {
        return switch (declarations.submit(body, actor)) {
            case DeclarationResult.Recorded r -> ResponseEntity.created(
                    URI.create("/api/v1/trade/declarations/" + r.declaration().id())).body(DeclarationView.of(r.declaration()));
            case DeclarationResult.AlreadyRecorded a -> ResponseEntity.ok(DeclarationView.of(a.declaration()));
            case DeclarationResult.NumberTaken t -> TradeProblems.conflict("DECLARATION_NUMBER_TAKEN",
                    "declaration " + t.existing().declarationNumber() + " is already recorded with other content");
            case DeclarationResult.Invalid i -> invalid(i.violations());
        };
    }

    @GetMapping("/declarations/{id}")
    @Access(value = ApiScope.TRADE_SUBMIT, kinds = {PartyKind.MERCHANT, PartyKind.MARKETPLACE})
    DeclarationView declaration(Actor actor, @PathVariable String id) {
        DeclarationId declarationId;
        try {
            declarationId = DeclarationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw notFound("DECLARATION_NOT_FOUND", id);
        }
        return declarations.find(declarationId).filter(d -> Visibility.sees(actor, d)).map(DeclarationView::of)
                .orElseThrow(() -> notFound("DECLARATION_NOT_FOUND", id));
    }
}
