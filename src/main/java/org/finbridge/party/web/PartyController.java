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

    /** Until console and API authentication record the real actor, changes are attributed to the API. */
    private static final String ACTOR = "api";

    private final Parties parties;
    private final Onboarding onboarding;
    private final BankAccounts bankAccounts;
    private final Consents consents;

    PartyController(Parties parties, Onboarding onboarding, BankAccounts bankAccounts, Consents consents) {
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

    @PostMapping("/parties")
    ResponseEntity<?> register(@RequestBody NewParty body) {
        return switch (parties.register(body)) {
            case Registration.Registered r -> ResponseEntity.created(URI.create("/api/v1/parties/" + r.party().id()))
                    .body(PartyView.of(r.party()));
            case Registration.DuplicateIdentifier d -> Problems.response(HttpStatus.CONFLICT, "DUPLICATE_REGISTRATION",
                    "a party with " + d.scheme() + " " + d.value() + " is already registered");
            case Registration.InvalidField f -> invalid(f.field(), f.reason());
        };
    }

    @GetMapping("/parties/{id}")
    PartyView party(@PathVariable String id) {
        return parties.find(partyId(id)).map(PartyView::of).orElseThrow(() -> notFound("PARTY_NOT_FOUND", id));
    }

    // --- KYB ---------------------------------------------------------------------------------------

    record OpenKyb(String registrationNumber, String registeredAddress, LocalDate incorporationDate,
                   String businessDescription) {
    }

    @PostMapping("/parties/{id}/kyb")
    ResponseEntity<?> openKyb(@PathVariable String id, @RequestBody OpenKyb body) {
        return kyb(onboarding.open(partyId(id), new KybApplication.CompanyRegistration(body.registrationNumber(),
                body.registeredAddress(), body.incorporationDate(), body.businessDescription()), ACTOR), HttpStatus.CREATED);
    }

    @GetMapping("/parties/{id}/kyb")
    KybView kybOfParty(@PathVariable String id) {
        return onboarding.ofParty(partyId(id)).map(KybView::of).orElseThrow(() -> notFound("KYB_NOT_FOUND", id));
    }

    @GetMapping("/kyb/{id}")
    KybView kybApplication(@PathVariable String id) {
        return onboarding.find(kybId(id)).map(KybView::of).orElseThrow(() -> notFound("KYB_NOT_FOUND", id));
    }

    @GetMapping("/kyb")
    List<KybView> kybQueue(@RequestParam(defaultValue = "IN_REVIEW") KybState state,
                           @RequestParam(defaultValue = "100") int limit) {
        return onboarding.inState(state, Math.max(1, Math.min(limit, 500))).stream().map(KybView::of).toList();
    }

    @PostMapping("/kyb/{id}/owners")
    ResponseEntity<?> addOwner(@PathVariable String id, @RequestBody KybApplication.BeneficialOwner body) {
        return kyb(onboarding.addOwner(kybId(id), body, ACTOR), HttpStatus.OK);
    }

    record DocumentBody(String type, String number, String issuer, LocalDate expiresOn, String fileName,
                        String contentType, String contentBase64) {
    }

    @PostMapping("/kyb/{id}/documents")
    ResponseEntity<?> addDocument(@PathVariable String id, @RequestBody DocumentBody body) {
        byte[] content;
        try {
            content = body.contentBase64() == null ? null : Base64.getDecoder().decode(body.contentBase64());
        } catch (IllegalArgumentException e) {
            return invalid("contentBase64", "is not base64");
        }
        return kyb(onboarding.addDocument(kybId(id), new DocumentUpload(body.type(), body.number(), body.issuer(),
                body.expiresOn(), body.fileName(), body.contentType(), content), ACTOR), HttpStatus.OK);
    }

    @PostMapping("/kyb/{id}/submit")
    ResponseEntity<?> submit(@PathVariable String id) {
        return kyb(onboarding.submit(kybId(id), ACTOR), HttpStatus.OK);
    }

    record DecisionBody(String decision, RiskTier riskTier, String reason) {
    }

    @PostMapping("/kyb/{id}/decision")
    ResponseEntity<?> decide(@PathVariable String id, @RequestBody DecisionBody body) {
        KybDecision decision = switch (body.decision() == null ? "" : body.decision()) {
            case "APPROVE" -> new KybDecision.Approve(body.riskTier(), body.reason());
            case "REJECT" -> new KybDecision.Reject(body.reason());
            case "REQUEST_INFORMATION" -> new KybDecision.RequestInformation(body.reason());
            default -> null;
        };
        if (decision == null) {
            return invalid("decision", "one of APPROVE, REJECT, REQUEST_INFORMATION");
        }
        return kyb(onboarding.decide(kybId(id), decision, ACTOR), HttpStatus.OK);
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
    ResponseEntity<?> addBankAccount(@PathVariable String id, @RequestBody NewBankAccount body) {
        return bankAccount(bankAccounts.add(partyId(id), body, ACTOR), HttpStatus.CREATED);
    }

    @GetMapping("/parties/{id}/bank-accounts")
    List<BankAccountView> bankAccountsOf(@PathVariable String id) {
        PartyId party = partyId(id);
        parties.find(party).orElseThrow(() -> notFound("PARTY_NOT_FOUND", id));
        return bankAccounts.of(party).stream().map(BankAccountView::of).toList();
    }

    @GetMapping("/bank-accounts")
    List<BankAccountView> bankAccountsPending(@RequestParam(defaultValue = "PENDING_APPROVAL") BankAccount.Status status) {
        if (status != BankAccount.Status.PENDING_APPROVAL) {
            throw new IllegalArgumentException("only the PENDING_APPROVAL queue is listed");
        }
        return bankAccounts.pendingApproval(500).stream().map(BankAccountView::of).toList();
    }

    record BankDecisionBody(Boolean approve, String reason) {
    }

    @PostMapping("/bank-accounts/{id}/decision")
    ResponseEntity<?> decideBankAccount(@PathVariable String id, @RequestBody BankDecisionBody body) {
        if (body.approve() == null) {
            return invalid("approve", "true or false");
        }
        return bankAccount(bankAccounts.decide(id, body.approve(), body.reason(), ACTOR), HttpStatus.OK);
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
    ResponseEntity<?> grant(@PathVariable String id, @RequestBody GrantBody body) {
        PartyId grantee;
        try {
            grantee = PartyId.parse(body.granteeId());
        } catch (IllegalArgumentException e) {
            return invalid("granteeId", "not a party id");
        }
        return consent(consents.grant(partyId(id), grantee, body.scope(), body.purpose(), body.expiresAt()), HttpStatus.CREATED);
    }

    @GetMapping("/parties/{id}/consents")
    List<ConsentView> consentsOf(@PathVariable String id) {
        return consents.grantedBy(partyId(id)).stream().map(ConsentView::of).toList();
    }

    @PostMapping("/parties/{id}/consents/{consentId}/revoke")
    ResponseEntity<?> revoke(@PathVariable String id, @PathVariable String consentId) {
        return consent(consents.revoke(consentId, partyId(id)), HttpStatus.OK);
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

    private static KybApplicationId kybId(String text) {
        try {
            return KybApplicationId.parse(text);
        } catch (IllegalArgumentException e) {
            throw notFound("KYB_NOT_FOUND", text);
        }
    }
}
