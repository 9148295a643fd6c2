package org.finbridge.party.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.finbridge.party.BankAccount;
import org.finbridge.party.BankAccountResult;
import org.finbridge.party.BankAccounts;
import org.finbridge.party.Access;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.Consent;
import org.finbridge.party.ConsentPurpose;
import org.finbridge.party.ConsentResult;
import org.finbridge.party.ConsentScope;
import org.finbridge.party.Consents;
import org.finbridge.party.DocumentUpload;
import org.finbridge.party.KybApplication;
import org.finbridge.party.KybApplicationId;
import org.finbridge.party.KybDecision;
import org.finbridge.party.KybResult;
import org.finbridge.party.KybState;
import org.finbridge.party.NewBankAccount;
import org.finbridge.party.NewParty;
import org.finbridge.party.Onboarding;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.Registration;
import org.finbridge.party.RiskTier;
import org.finbridge.platform.web.Problems;
import static org.finbridge.party.web.PartyProblems.invalid;
import static org.finbridge.party.web.PartyProblems.notFound;
import static org.finbridge.party.web.PartyProblems.partyId;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Parties, merchant KYB, payout bank accounts and consents over HTTP. Refusals are problem documents:
 * 400 INVALID_FIELD (with the field), 409 DUPLICATE_REGISTRATION / ILLEGAL_TRANSITION, 422 KYB_INCOMPLETE,
 * 404 for anything unknown.
 */
@RestController
@RequestMapping("/api/v1")
class PartyController {

    private final Parties parties;
    private final Onboarding onboarding;
    private final BankAccounts bankAccounts;
    private final Consents consents;

    private final VisibleParties visible;

    PartyController(Parties parties, Onboarding onboarding, BankAccounts bankAccounts, Consents consents, VisibleParties visible) {
        this.visible = visible;
        this.parties = parties;
        this.onboarding = onboarding;
        this.bankAccounts = bankAccounts;
        this.consents = consents;
    }

    record PartyView(String id, PartyKind kind, String country, String legalName, String legalNameOriginal,
                     String status, RiskTier riskTier, String email, String phone, Map<String, String> identifiers,
                     Instant createdAt) {
        static PartyView of(Party p) {
            return new PartyView(p.id().toString(), p.kind(), p.country(), p.legalName(), p.legalNameOriginal(),
                    p.status().name(), p.riskTier(), p.email(), p.phone(), p.identifiers(), p.createdAt());
        }
    }

    /** Parties are registered by the platform's onboarding desk; each then manages its own keys and people. */
    @PostMapping("/parties")
    @Access(value = ApiScope.PARTIES_ADMIN, operatorOnly = true)
    ResponseEntity<?> register(Actor actor, @RequestBody NewParty body) {
        return switch (parties.register(body)) {
            case Registration.Registered r -> ResponseEntity.created(URI.create("/api/v1/parties/" + r.party().id()))
                    .body(PartyView.of(r.party()));
            case Registration.DuplicateIdentifier d -> Problems.response(HttpStatus.CONFLICT, "DUPLICATE_REGISTRATION",
                    "a party with " + d.scheme() + " " + d.value() + " is already registered");
            case Registration.InvalidField f -> invalid(f.field(), f.reason());
        };
    }

    @GetMapping("/parties/{id}")
    @Access(ApiScope.PARTIES_READ)
    PartyView party(Actor actor, @PathVariable String id) {
        return parties.find(visible.of(actor, id)).map(PartyView::of).orElseThrow(() -> notFound("PARTY_NOT_FOUND", id));
    }

    // --- KYB ---------------------------------------------------------------------------------------

    record OpenKyb(String registrationNumber, String registeredAddress, LocalDate incorporationDate,
                   String businessDescription) {
    }

    @PostMapping("/parties/{id}/kyb")
    @Access(value = ApiScope.PARTIES_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> openKyb(Actor actor, @PathVariable String id, @RequestBody OpenKyb body) {
        return kyb(onboarding.open(visible.of(actor, id), new KybApplication.CompanyRegistration(body.registrationNumber(),
                body.registeredAddress(), body.incorporationDate(), body.businessDescription()), actor.name()), HttpStatus.CREATED);
    }

    @GetMapping("/parties/{id}/kyb")
    @Access(value = ApiScope.PARTIES_READ, kinds = PartyKind.MERCHANT)
    KybView kybOfParty(Actor actor, @PathVariable String id) {
        return onboarding.ofParty(visible.of(actor, id)).map(KybView::of).orElseThrow(() -> notFound("KYB_NOT_FOUND", id));
    }

    @GetMapping("/kyb/{id}")
    @Access(value = ApiScope.PARTIES_READ, kinds = PartyKind.MERCHANT)
    KybView kybApplication(Actor actor, @PathVariable String id) {
        return onboarding.find(kybId(actor, id)).map(KybView::of).orElseThrow(() -> notFound("KYB_NOT_FOUND", id));
    }

    @GetMapping("/kyb")
    @Access(value = ApiScope.KYB_REVIEW, operatorOnly = true)
    List<KybView> kybQueue(@RequestParam(defaultValue = "IN_REVIEW") KybState state,
                           @RequestParam(defaultValue = "100") int limit) {
        return onboarding.inState(state, Math.max(1, Math.min(limit, 500))).stream().map(KybView::of).toList();
    }

    @PostMapping("/kyb/{id}/owners")
    @Access(value = ApiScope.PARTIES_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> addOwner(Actor actor, @PathVariable String id, @RequestBody KybApplication.BeneficialOwner body) {
        return kyb(onboarding.addOwner(kybId(actor, id), body, actor.name()), HttpStatus.OK);
    }

    record DocumentBody(String type, String number, String issuer, LocalDate expiresOn, String fileName,
                        String contentType, String contentBase64) {
    }

    @PostMapping("/kyb/{id}/documents")
    @Access(value = ApiScope.PARTIES_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> addDocument(Actor actor, @PathVariable String id, @RequestBody DocumentBody body) {
        KybApplicationId application = kybId(actor, id);
        byte[] content;
        try {
            content = body.contentBase64() == null ? null : Base64.getDecoder().decode(body.contentBase64());
        } catch (IllegalArgumentException e) {
            return invalid("contentBase64", "is not base64");
        }
        return kyb(onboarding.addDocument(application, new DocumentUpload(body.type(), body.number(), body.issuer(),
                body.expiresOn(), body.fileName(), body.contentType(), content), actor.name()), HttpStatus.OK);
    }

    @PostMapping("/kyb/{id}/submit")
    @Access(value = ApiScope.PARTIES_WRITE, kinds = PartyKind.MERCHANT)
    ResponseEntity<?> submit(Actor actor, @PathVariable String id) {
        return kyb(onboarding.submit(kybId(actor, id), actor.name()), HttpStatus.OK);
    }

    record DecisionBody(String decision, RiskTier riskTier, String reason) {
    }

    @PostMapping("/kyb/{id}/decision")
    @Access(value = ApiScope.KYB_REVIEW, operatorOnly = true)
    ResponseEntity<?> decide(Actor actor, @PathVariable String id, @RequestBody DecisionBody body) {
        KybApplicationId application = kybId(actor, id);
        KybDecision decision = switch (body.decision() == null ? "" : body.decision()) {
            case "APPROVE" -> new KybDecision.Approve(body.riskTier(), body.reason());
            case "REJECT" -> new KybDecision.Reject(body.reason());
            case "REQUEST_INFORMATION" -> new KybDecision.RequestInformation(body.reason());
            default -> null;
        };
        if (decision == null) {
            return invalid("decision", "one of APPROVE, REJECT, REQUEST_INFORMATION");
        }
        return kyb(onboarding.decide(application, decision, actor.name()), HttpStatus.OK);
    }

    record KybView(String id, String partyId, KybState state, KybApplication.CompanyRegistration registration,
                   List<KybApplication.BeneficialOwner> owners, List<KybApplication.DocumentInfo> documents,
                   RiskTier riskTier, LocalDate nextReviewOn, List<KybApplication.Transition> history) {
        static KybView of(KybApplication a) {
            return new KybView(a.id().toString(), a.partyId().toString(), a.state(), a.registration(), a.owners(),
                    a.documents(), a.riskTier(), a.nextReviewOn(), a.history());
        }
    }

    private static ResponseEntity<?> kyb(KybResult result, HttpStatus success) {
        return switch (result) {
            case KybResult.Done d -> ResponseEntity.status(success).body(KybView.of(d.application()));
            case KybResult.NotFound n -> Problems.response(HttpStatus.NOT_FOUND, "KYB_NOT_FOUND", "no " + n.what());
            case KybResult.IllegalTransition t -> Problems.response(HttpStatus.CONFLICT, "ILLEGAL_TRANSITION",
                    "the application is " + t.from() + "; this step needs another state");
            case KybResult.Incomplete i -> Problems.response(HttpStatus.UNPROCESSABLE_CONTENT, "KYB_INCOMPLETE",
                    "the file is incomplete", Map.of("missing", i.missing()));
            case KybResult.InvalidField f -> invalid(f.field(), f.reason());
        };
    }

    // --- bank accounts -----------------------------------------------------------------------------

    @PostMapping("/parties/{id}/bank-accounts")
    @Access(ApiScope.PARTIES_WRITE)
    ResponseEntity<?> addBankAccount(Actor actor, @PathVariable String id, @RequestBody NewBankAccount body) {
        return bankAccount(bankAccounts.add(visible.of(actor, id), body, actor.name()), HttpStatus.CREATED);
    }

    @GetMapping("/parties/{id}/bank-accounts")
    @Access(ApiScope.PARTIES_READ)
    List<BankAccountView> bankAccountsOf(Actor actor, @PathVariable String id) {
        PartyId party = visible.of(actor, id);
        parties.find(party).orElseThrow(() -> notFound("PARTY_NOT_FOUND", id));
        return bankAccounts.of(party).stream().map(BankAccountView::of).toList();
    }

    @GetMapping("/bank-accounts")
    @Access(value = ApiScope.KYB_REVIEW, operatorOnly = true)
    List<BankAccountView> bankAccountsPending(@RequestParam(defaultValue = "PENDING_APPROVAL") BankAccount.Status status) {
        if (status != BankAccount.Status.PENDING_APPROVAL) {
            throw new IllegalArgumentException("only the PENDING_APPROVAL queue is listed");
        }
        return bankAccounts.pendingApproval(500).stream().map(BankAccountView::of).toList();
    }

    record BankDecisionBody(Boolean approve, String reason) {
    }

    @PostMapping("/bank-accounts/{id}/decision")
    @Access(value = ApiScope.KYB_REVIEW, operatorOnly = true)
    ResponseEntity<?> decideBankAccount(Actor actor, @PathVariable String id, @RequestBody BankDecisionBody body) {
        if (body.approve() == null) {
            return invalid("approve", "true or false");
        }
        return bankAccount(bankAccounts.decide(id, body.approve(), body.reason(), actor.name()), HttpStatus.OK);
    }

    record BankAccountView(String id, String partyId, String currency, String country, String iban, String accountNumber,
                           String bic, String cnaps, String holderName, BankAccount.Status status, String statusReason,
                           Instant createdAt) {
        static BankAccountView of(BankAccount a) {
            return new BankAccountView(a.id(), a.partyId().toString(), a.currency(), a.country(), a.iban(),
                    a.accountNumber(), a.bic(), a.cnaps(), a.holderName(), a.status(), a.statusReason(), a.createdAt());
        }
    }

    private static ResponseEntity<?> bankAccount(BankAccountResult result, HttpStatus success) {
        return switch (result) {
            case BankAccountResult.Saved s -> ResponseEntity.status(success).body(BankAccountView.of(s.account()));
            case BankAccountResult.NotFound n -> Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "no " + n.what());
            case BankAccountResult.InvalidField f -> invalid(f.field(), f.reason());
            case BankAccountResult.NotPending p -> Problems.response(HttpStatus.CONFLICT, "BANK_ACCOUNT_NOT_PENDING",
                    "the account is " + p.status());
        };
    }

    // --- consents ----------------------------------------------------------------------------------

    record GrantBody(String granteeId, ConsentScope scope, ConsentPurpose purpose, Instant expiresAt) {
    }

    @PostMapping("/parties/{id}/consents")
    @Access(ApiScope.CONSENTS_WRITE)
    ResponseEntity<?> grant(Actor actor, @PathVariable String id, @RequestBody GrantBody body) {
        PartyId subject = visible.of(actor, id);
        PartyId grantee;
        try {
            grantee = PartyId.parse(body.granteeId());
        } catch (IllegalArgumentException e) {
            return invalid("granteeId", "not a party id");
        }
        return consent(consents.grant(subject, grantee, body.scope(), body.purpose(), body.expiresAt()), HttpStatus.CREATED);
    }

    @GetMapping("/parties/{id}/consents")
    @Access(ApiScope.PARTIES_READ)
    List<ConsentView> consentsOf(Actor actor, @PathVariable String id) {
        return consents.grantedBy(visible.of(actor, id)).stream().map(ConsentView::of).toList();
    }

    @PostMapping("/parties/{id}/consents/{consentId}/revoke")
    @Access(ApiScope.CONSENTS_WRITE)
    ResponseEntity<?> revoke(Actor actor, @PathVariable String id, @PathVariable String consentId) {
        return consent(consents.revoke(consentId, visible.of(actor, id)), HttpStatus.OK);
    }

    record ConsentView(String id, String subjectId, String granteeId, ConsentScope scope, ConsentPurpose purpose,
                       Instant grantedAt, Instant expiresAt, Instant revokedAt, String receipt) {
        static ConsentView of(Consent c) {
            return new ConsentView(c.id(), c.subject().toString(), c.grantee().toString(), c.scope(), c.purpose(),
                    c.grantedAt(), c.expiresAt(), c.revokedAt(), c.receipt());
        }
    }

    private static ResponseEntity<?> consent(ConsentResult result, HttpStatus success) {
        return switch (result) {
            case ConsentResult.Granted g -> ResponseEntity.status(success).body(ConsentView.of(g.consent()));
            case ConsentResult.Revoked r -> ResponseEntity.status(success).body(ConsentView.of(r.consent()));
            case ConsentResult.NotFound n -> Problems.response(HttpStatus.NOT_FOUND, "NOT_FOUND", "no " + n.what());
            case ConsentResult.InvalidField f -> invalid(f.field(), f.reason());
        };
    }

    // --- helpers -----------------------------------------------------------------------------------

    /** The application named in the path, when it belongs to a party the actor may see; otherwise 404. */
    private KybApplicationId kybId(Actor actor, String text) {
        KybApplicationId id;
        try {
            id = KybApplicationId.parse(text);
        } catch (IllegalArgumentException e) {
            throw notFound("KYB_NOT_FOUND", text);
        }
        if (!actor.isOperator() && onboarding.find(id).filter(a -> actor.mayAccess(a.partyId())).isEmpty()) {
            throw notFound("KYB_NOT_FOUND", text);
        }
        return id;
    }
}
