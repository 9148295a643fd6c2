package org.finbridge.party.internal;

import org.finbridge.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.finbridge.platform.QueuePage;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.party.DocumentUpload;
import org.finbridge.party.IdentifierKind;
import org.finbridge.party.Identifiers;
import org.finbridge.party.Validation;
import org.finbridge.party.KybApplication;
import org.finbridge.party.KybApplication.BeneficialOwner;
import org.finbridge.party.KybApplication.CompanyRegistration;
import org.finbridge.party.KybApplicationId;
import org.finbridge.party.KybDecision;
import org.finbridge.party.KybEvents;
import org.finbridge.party.KybResult;
import org.finbridge.party.KybState;
import org.finbridge.party.Onboarding;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.party.PartyScreening;
import org.finbridge.party.PartyStatus;
import org.finbridge.party.RiskTier;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merchant KYB. Each step checks the lifecycle ({@link KybState}) and records its transition with the
 * actor and reason, so the file shows who did what and why.
 */
@Service
class KybService implements Onboarding {

    private static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    private final JdbcClient jdbc;
    private final PartyStore parties;
    private final PartyScreening screening;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;
    private final Clock clock;

    KybService(JdbcClient jdbc, PartyStore parties, PartyScreening screening, ApplicationEventPublisher events,
               AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.parties = parties;
        this.screening = screening;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public KybResult open(PartyId merchant, CompanyRegistration registration, String actor) {
        Optional<Party> party = parties.find(merchant);
        if (party.isEmpty() || party.get().kind() != PartyKind.MERCHANT) {
            return new KybResult.NotFound("merchant " + merchant);
        }
        if (ofParty(merchant).isPresent()) {
            return new KybResult.IllegalTransition(ofParty(merchant).get().state(), KybState.DRAFT);
        }
        Optional<KybResult> invalid = validate(party.get(), registration);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        KybApplicationId id = new KybApplicationId(TimeOrderedIds.next(clock));
        jdbc.sql("""
                insert into kyb_applications (id, party_id, state, registration_number, registered_address,
                    incorporation_date, business_description, created_at, updated_at)
                values (:id, :party, 'DRAFT', :number, :address, :incorporated, :business, :now, :now)""")
                .param("id", id.value()).param("party", merchant.value())
                .param("number", registration.registrationNumber().strip().toUpperCase(Locale.ROOT))
                .param("address", registration.registeredAddress().strip())
                .param("incorporated", registration.incorporationDate())
                .param("business", registration.businessDescription())
                .param("now", now()).update();
        recordTransition(id, null, KybState.DRAFT, actor, "application opened");
        return done(id);
    }

    private Optional<KybResult> validate(Party party, CompanyRegistration r) {
        if (r == null || r.registrationNumber() == null || r.registrationNumber().isBlank() || r.registrationNumber().length() > 64) {
            return Optional.of(new KybResult.InvalidField("registrationNumber", "is required, at most 64 characters"));
        }
        if ("CN".equals(party.country())
                && Identifiers.validate(IdentifierKind.USCC, r.registrationNumber(), today()) instanceof Validation.Invalid bad) {
            return Optional.of(new KybResult.InvalidField("registrationNumber", "not a valid USCC: " + bad.reason()));
        }
        if (r.registeredAddress() == null || r.registeredAddress().isBlank() || r.registeredAddress().length() > 400) {
            return Optional.of(new KybResult.InvalidField("registeredAddress", "is required, at most 400 characters"));
        }
        if (r.incorporationDate() == null || r.incorporationDate().isAfter(today())) {
            return Optional.of(new KybResult.InvalidField("incorporationDate", "is required and not in the future"));
        }
        return Optional.empty();
    }

    @Override
    @Transactional
    public KybResult addOwner(KybApplicationId id, BeneficialOwner o, String actor) {
        Optional<KybApplication> app = find(id);
        Optional<KybResult> refusal = refuseUnlessEditable(id, app);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (o.fullName() == null || o.fullName().isBlank() || o.fullName().length() > 200) {
            return new KybResult.InvalidField("fullName", "is required, at most 200 characters");
        }
        if (!Countries.isIso(o.nationality())) {
            return new KybResult.InvalidField("nationality", "must be an ISO 3166-1 alpha-2 country code");
        }
        if (o.birthDate() == null || o.birthDate().isAfter(today().minusYears(16))) {
            return new KybResult.InvalidField("birthDate", "is required; an owner is at least 16 years old");
        }
        if (o.ownershipBasisPoints() < 2_500 || o.ownershipBasisPoints() > 10_000) {
            // FATF R.24 and PBOC 2017 No. 235: beneficial owners are those with 25 % or more
            return new KybResult.InvalidField("ownershipBasisPoints", "a beneficial owner holds 25 % (2500) to 100 % (10000)");
        }
        int already = app.get().owners().stream().mapToInt(BeneficialOwner::ownershipBasisPoints).sum();
        if (already + o.ownershipBasisPoints() > 10_000) {
            return new KybResult.InvalidField("ownershipBasisPoints", "owners would hold more than 100 %");
        }
        Optional<KybResult> document = validateOwnerDocument(o);
        if (document.isPresent()) {
            return document.get();
        }
        jdbc.sql("""
                insert into beneficial_owners (id, application_id, full_name, full_name_original, nationality, birth_date,
                    document_type, document_number, ownership_bp)
                values (:id, :app, :name, :original, :nationality, :birth, :docType, :docNumber, :share)""")
                .param("id", TimeOrderedIds.next(clock)).param("app", id.value()).param("name", o.fullName().strip())
                .param("original", o.fullNameOriginal()).param("nationality", o.nationality().toUpperCase(Locale.ROOT))
                .param("birth", o.birthDate()).param("docType", o.documentType().toUpperCase(Locale.ROOT))
                .param("docNumber", o.documentNumber().strip().toUpperCase(Locale.ROOT)).param("share", o.ownershipBasisPoints())
                .update();
        audit.record(actor, "party.kyb.owner.add", "kyb_application", id.toString(), null,
                o.fullName() + " " + o.nationality() + " " + o.ownershipBasisPoints() + " bp");
        touch(id);
        return done(id);
    }

    /** Owners and documents change only while the file is a draft or more information was asked for. */
    private static Optional<KybResult> refuseUnlessEditable(KybApplicationId id, Optional<KybApplication> app) {
        if (app.isEmpty()) {
            return Optional.of(new KybResult.NotFound("application " + id));
        }
        if (!app.get().state().isEditable()) {
            return Optional.of(new KybResult.IllegalTransition(app.get().state(), app.get().state()));
        }
        return Optional.empty();
    }

    private Optional<KybResult> validateOwnerDocument(BeneficialOwner o) {
        if (o.documentType() == null || o.documentNumber() == null || o.documentNumber().isBlank()) {
            return Optional.of(new KybResult.InvalidField("documentNumber", "an identity document is required"));
        }
        String type = o.documentType().toUpperCase(Locale.ROOT);
        if (type.equals("CN_RESIDENT_ID")) {
            if (Identifiers.validate(IdentifierKind.CN_RESIDENT_ID, o.documentNumber(), today()) instanceof Validation.Invalid bad) {
                return Optional.of(new KybResult.InvalidField("documentNumber", "not a valid resident ID: " + bad.reason()));
            }
        } else if (type.equals("PASSPORT")) {
            if (!PassportNumbers.isValid(o.nationality().strip().toUpperCase(Locale.ROOT), o.documentNumber())) {
                return Optional.of(new KybResult.InvalidField("documentNumber", "not a passport number of " + o.nationality()));
            }
        } else if (!type.equals("NATIONAL_ID")) {
            return Optional.of(new KybResult.InvalidField("documentType", "one of CN_RESIDENT_ID, PASSPORT, NATIONAL_ID"));
        }
        return Optional.empty();
    }

    @Override
    @Transactional
    public KybResult addDocument(KybApplicationId id, DocumentUpload d, String actor) {
        Optional<KybApplication> app = find(id);
        Optional<KybResult> refusal = refuseUnlessEditable(id, app);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        if (d.type() == null || !d.type().matches("[A-Z][A-Z0-9_]{1,39}")) {
            return new KybResult.InvalidField("type", "a document type such as BUSINESS_LICENCE, ARTICLES, PASSPORT");
        }
        if (d.content() == null || d.content().length == 0 || d.content().length > MAX_DOCUMENT_BYTES) {
            return new KybResult.InvalidField("content", "a file of 1 byte to 10 MB is required");
        }
        if (d.expiresOn() != null && !d.expiresOn().isAfter(today())) {
            return new KybResult.InvalidField("expiresOn", "the document has expired");
        }
        String sha256 = Hashing.sha256(d.content());
        jdbc.sql("""
                insert into party_documents (id, party_id, application_id, type, document_number, issuer, expires_on, file_name,
                    content_type, content_sha256, content, uploaded_at)
                values (:id, :party, :app, :type, :number, :issuer, :expires, :file, :contentType, :sha, :content, :now)""")
                .param("id", TimeOrderedIds.next(clock)).param("party", app.get().partyId().value()).param("app", id.value())
                .param("type", d.type()).param("number", d.number()).param("issuer", d.issuer()).param("expires", d.expiresOn())
                .param("file", d.fileName()).param("contentType", d.contentType()).param("sha", sha256)
                .param("content", d.content()).param("now", now()).update();
        audit.record(actor, "party.kyb.document.add", "kyb_application", id.toString(), null,
                d.type() + " sha256=" + sha256);
        touch(id);
        return done(id);
    }

    @Override
    @Transactional
    public KybResult submit(KybApplicationId id, String actor) {
        Optional<KybApplication> found = find(id);
        if (found.isEmpty()) {
            return new KybResult.NotFound("application " + id);
        }
        KybApplication app = found.get();
        if (!app.state().canMoveTo(KybState.SUBMITTED)) {
            return new KybResult.IllegalTransition(app.state(), KybState.SUBMITTED);
        }
        List<String> missing = new ArrayList<>();
        if (app.owners().isEmpty()) {
            missing.add("at least one beneficial owner (25 % or more), or the person controlling the company");
        }
        if (app.documents().stream().noneMatch(d -> d.type().equals("BUSINESS_LICENCE"))) {
            missing.add("a BUSINESS_LICENCE document");
        }
        if (!missing.isEmpty()) {
            return new KybResult.Incomplete(missing);
        }
        move(app, KybState.SUBMITTED, actor, "submitted for review");
        events.publishEvent(new KybEvents.MerchantKybSubmitted(app.partyId(), id));
        move(find(id).orElseThrow(), KybState.SCREENING, "system", "sanctions screening of the company and its owners");
        Party party = parties.find(app.partyId()).orElseThrow();
        PartyScreening.Outcome outcome = screening.screen(new PartyScreening.Subject(party.id(), party.legalName(),
                party.legalNameOriginal(), party.country(), app.owners()));
        RiskTierPolicy.Suggestion suggestion = RiskTierPolicy.suggest(party.country(), app.registration(), app.owners(),
                outcome, today());
        String reason = switch (outcome) {
            case PartyScreening.Clear c -> "screening clear (" + c.listVersions() + ")";
            case PartyScreening.PossibleMatches m -> "possible sanctions matches to review: " + String.join("; ", m.hits());
            case PartyScreening.Unavailable u -> "manual review required: " + u.reason();
        };
        move(find(id).orElseThrow(), KybState.IN_REVIEW, "system",
                reason + "; suggested risk tier " + suggestion.tier() + " (" + String.join("; ", suggestion.reasons()) + ")");
        return done(id);
    }

    @Override
    @Transactional
    public KybResult decide(KybApplicationId id, KybDecision decision, String reviewer) {
        Optional<KybApplication> found = find(id);
        if (found.isEmpty()) {
            return new KybResult.NotFound("application " + id);
        }
        KybApplication app = found.get();
        KybState target = switch (decision) {
            case KybDecision.Approve a -> KybState.APPROVED;
            case KybDecision.Reject r -> KybState.REJECTED;
            case KybDecision.RequestInformation r -> KybState.MORE_INFORMATION_REQUESTED;
        };
        if (!app.state().canMoveTo(target)) {
            return new KybResult.IllegalTransition(app.state(), target);
        }
        switch (decision) {
            case KybDecision.Approve a -> {
                if (a.riskTier() == null) {
                    return new KybResult.InvalidField("riskTier", "an approval settles the risk tier");
                }
                LocalDate nextReview = today().plus(a.riskTier().reviewEvery());
                jdbc.sql("update kyb_applications set risk_tier = :tier, next_review_on = :review where id = :id")
                        .param("tier", a.riskTier().name()).param("review", nextReview).param("id", id.value()).update();
                move(app, target, reviewer, "approved, risk tier " + a.riskTier() + ", next review " + nextReview
                        + (a.note() == null ? "" : ": " + a.note()));
                parties.activate(app.partyId(), a.riskTier());
                events.publishEvent(new KybEvents.MerchantApproved(app.partyId(), id, a.riskTier()));
            }
            case KybDecision.Reject r -> {
                if (r.reason() == null || r.reason().isBlank()) {
                    return new KybResult.InvalidField("reason", "a rejection states its reason");
                }
                move(app, target, reviewer, r.reason());
                parties.setStatus(app.partyId(), PartyStatus.REJECTED, null);
                events.publishEvent(new KybEvents.MerchantRejected(app.partyId(), id, r.reason()));
            }
            case KybDecision.RequestInformation r -> {
                if (r.whatIsMissing() == null || r.whatIsMissing().isBlank()) {
                    return new KybResult.InvalidField("whatIsMissing", "say what the merchant must provide");
                }
                move(app, target, reviewer, r.whatIsMissing());
            }
        }
        return done(id);
    }

    private void move(KybApplication app, KybState to, String actor, String reason) {
        int updated = jdbc.sql("""
                update kyb_applications set state = :to, updated_at = :now, version = version + 1
                where id = :id and state = :from""")
                .param("to", to.name()).param("now", now()).param("id", app.id().value()).param("from", app.state().name())
                .update();
        if (updated != 1) {
            throw new ConcurrentKybChange(app.id());
        }
        recordTransition(app.id(), app.state(), to, actor, reason);
    }

    /** Two reviewers acted on the same application at once; the later one's transaction rolls back. */
    static final class ConcurrentKybChange extends RuntimeException {
        ConcurrentKybChange(KybApplicationId id) {
            super("application " + id + " changed concurrently");
        }
    }

    private void recordTransition(KybApplicationId id, KybState from, KybState to, String actor, String reason) {
        audit.record(actor, "party.kyb." + to.name().toLowerCase(java.util.Locale.ROOT), "kyb_application", id.toString(),
                from == null ? null : from.name(), to + (reason == null ? "" : ": " + reason));
        jdbc.sql("""
                insert into kyb_transitions (application_id, from_state, to_state, actor, reason, at)
                values (:id, :from, :to, :actor, :reason, :now)""")
                .param("id", id.value()).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("actor", actor == null ? "unknown" : actor)
                .param("reason", reason == null ? null : reason.substring(0, Math.min(1000, reason.length())))
                .param("now", now()).update();
    }

    private void touch(KybApplicationId id) {
        jdbc.sql("update kyb_applications set updated_at = :now, version = version + 1 where id = :id")
                .param("now", now()).param("id", id.value()).update();
    }

    private KybResult done(KybApplicationId id) {
        return new KybResult.Done(find(id).orElseThrow());
    }

    @Override
    public Optional<KybApplication> find(KybApplicationId id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(this::read).optional();
    }

    @Override
    public Optional<KybApplication> ofParty(PartyId party) {
        return jdbc.sql(SELECT + " where party_id = :party").param("party", party.value()).query(this::read).optional();
    }

    @Override
    public List<KybApplication> inState(KybState state, int limit) {
        return jdbc.sql(SELECT + " where state = :state order by updated_at, id limit :limit")
                .param("state", state.name()).param("limit", limit).query(this::read).list();
    }

    @Override
    public QueuePage<KybApplication> inState(KybState state, QueuePage.Request page) {
        long total = jdbc.sql("select count(*) from kyb_applications where state = :state").param("state", state.name())
                .query(Long.class).single();
        List<KybApplication> items = jdbc.sql(SELECT + " where state = :state"
                        + page.orderBy(KYB_SORTS, "updated_at", "id") + " limit :limit offset :offset")
                .param("state", state.name()).param("limit", page.size()).param("offset", page.offset())
                .query(this::read).list();
        return new QueuePage<>(items, total, page);
    }

    private static final Map<String, String> KYB_SORTS = Map.of("waiting", "updated_at",
            "registration", "registration_number", "riskTier", "risk_tier");

    private static final String SELECT = """
            select id, party_id, state, registration_number, registered_address, incorporation_date,
                   business_description, risk_tier, next_review_on
            from kyb_applications""";

    private KybApplication read(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject(1, UUID.class);
        List<BeneficialOwner> owners = jdbc.sql("""
                select full_name, full_name_original, nationality, birth_date, document_type, document_number, ownership_bp
                from beneficial_owners where application_id = :id order by id""").param("id", id)
                .query((r, n) -> new BeneficialOwner(r.getString(1), r.getString(2), r.getString(3),
                        r.getObject(4, LocalDate.class), r.getString(5), r.getString(6), r.getInt(7))).list();
        List<KybApplication.DocumentInfo> documents = jdbc.sql("""
                select id, type, document_number, issuer, expires_on, file_name, content_type, content_sha256, uploaded_at
                from party_documents where application_id = :id order by id""").param("id", id)
                .query((r, n) -> new KybApplication.DocumentInfo("doc_" + r.getObject(1, UUID.class).toString().replace("-", ""),
                        r.getString(2), r.getString(3), r.getString(4), r.getObject(5, LocalDate.class), r.getString(6),
                        r.getString(7), r.getString(8), r.getObject(9, OffsetDateTime.class).toInstant())).list();
        List<KybApplication.Transition> history = jdbc.sql("""
                select from_state, to_state, actor, reason, at from kyb_transitions where application_id = :id order by seq""")
                .param("id", id)
                .query((r, n) -> new KybApplication.Transition(r.getString(1) == null ? null : KybState.valueOf(r.getString(1)),
                        KybState.valueOf(r.getString(2)), r.getString(3), r.getString(4),
                        r.getObject(5, OffsetDateTime.class).toInstant())).list();
        String tier = rs.getString(8);
        return new KybApplication(new KybApplicationId(id), new PartyId(rs.getObject(2, UUID.class)),
                KybState.valueOf(rs.getString(3)),
                new CompanyRegistration(rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7)),
                owners, documents, tier == null ? null : RiskTier.valueOf(tier), rs.getObject(9, LocalDate.class), history);
    }


    private OffsetDateTime now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

}
