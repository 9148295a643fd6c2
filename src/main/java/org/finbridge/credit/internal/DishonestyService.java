package org.finbridge.credit.internal;

import org.finbridge.audit.AuditLog;
import static org.finbridge.credit.internal.ContributionService.instant;
import static org.finbridge.credit.internal.ContributionService.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.finbridge.credit.DishonestyCases;
import org.finbridge.credit.ListingCase;
import org.finbridge.credit.ListingPolicy;
import org.finbridge.credit.ListingResult;
import org.finbridge.credit.ListingShare;
import org.finbridge.credit.ShareResult;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dishonesty list's due process. States: NOTICED (advance notice given, a measure up to suspension
 * may be in force) → LISTED (published) ⇄ APPEALED → ENDED (expired, repaired or overturned), or
 * WITHDRAWN. Every step is audited with its reasons.
 */
@Service
class DishonestyService implements DishonestyCases {

    private final JdbcClient jdbc;
    private final Parties parties;
    private final AuditLog audit;
    private final Clock clock;

    DishonestyService(JdbcClient jdbc, Parties parties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ListingResult notice(PartyId party, ListingPolicy policy, String conduct, String evidence, String actor) {
        Optional<Party> subject = parties.find(party);
        if (subject.isEmpty()) {
            return new ListingResult.NotFound("party " + party);
        }
        if (policy == null) {
            return new ListingResult.InvalidField("policy", "is required");
        }
        if (blank(conduct, 1000) || blank(evidence, 1000)) {
            return new ListingResult.InvalidField(blank(conduct, 1000) ? "conduct" : "evidence",
                    "is required, at most 1000 characters");
        }
        boolean open = jdbc.sql("select count(*) from credit_listing_cases where party_id = :p and policy = :policy"
                        + " and state in ('NOTICED', 'LISTED', 'APPEALED')")
                .param("p", party.value()).param("policy", policy.name()).query(Long.class).single() > 0;
        if (open) {
            return new ListingResult.NotAllowed("a case under " + policy + " is already open for this party");
        }
        Instant now = now();
        UUID id = TimeOrderedIds.next(clock);
        String code = subject.get().identifiers().getOrDefault("USCC",
                subject.get().identifiers().values().stream().findFirst().orElse(null));
        jdbc.sql("""
                insert into credit_listing_cases (id, party_id, party_name, registration_code, policy, severity, measure,
                  conduct, evidence, state, noticed_at, respond_by)
                values (:id, :p, :name, :code, :policy, :severity, 'WARNING', :conduct, :evidence, 'NOTICED', :at, :by)""")
                .param("id", id).param("p", party.value()).param("name", subject.get().legalName()).param("code", code)
                .param("policy", policy.name()).param("severity", policy.severity().name()).param("conduct", conduct.strip())
                .param("evidence", evidence.strip()).param("at", utc(now))
                .param("by", utc(now.plus(Duration.ofDays(policy.responseDays())))).update();
        String caseId = TimeOrderedIds.format(ListingStore.PREFIX, id);
        audit.record(actor, "credit.listing.notice", "credit_listing_case", caseId, null,
                party + " " + policy + ": " + conduct.strip() + "; may respond until " + now.plus(Duration.ofDays(policy.responseDays())));
        return new ListingResult.Done(find(caseId).orElseThrow());
    }

    @Override
    @Transactional
    public ListingResult respond(String caseId, PartyId subject, String response) {
        Optional<ListingCase> c = find(caseId).filter(x -> x.party().equals(subject));
        if (c.isEmpty()) {
            return new ListingResult.NotFound("case " + caseId);
        }
        if (blank(response, 2000)) {
            return new ListingResult.InvalidField("response", "is required, at most 2000 characters");
        }
        if (!c.get().state().equals("NOTICED") || clock.instant().isAfter(c.get().respondBy())) {
            return new ListingResult.NotAllowed("the response window closed on " + c.get().respondBy());
        }
        update(caseId, "subject_response = :v", response.strip());
        audit.record(subject.toString(), "credit.listing.respond", "credit_listing_case", caseId, null, "subject responded");
        return new ListingResult.Done(find(caseId).orElseThrow());
    }

    @Override
    @Transactional
    public ListingResult impose(String caseId, ListingPolicy.Measure measure, String reasons, String actor) {
        Optional<ListingCase> c = find(caseId);
        if (c.isEmpty()) {
            return new ListingResult.NotFound("case " + caseId);
        }
        if (measure == null || blank(reasons, 1000)) {
            return new ListingResult.InvalidField(measure == null ? "measure" : "reasons", "is required");
        }
        ListingCase k = c.get();
        if (!k.state().equals("NOTICED")) {
            return new ListingResult.NotAllowed("the case is " + k.state());
        }
        if (measure.ordinal() <= k.measure().ordinal()) {
            return new ListingResult.NotAllowed("measures only escalate: " + k.measure() + " is already in force");
        }
        Instant now = now();
        // the advance notice must have run its course before anything beyond a warning (due process)
        if (now.isBefore(k.respondBy())) {
            return new ListingResult.NotAllowed("the subject may respond until " + k.respondBy());
        }
        if (measure == ListingPolicy.Measure.LISTING) {
            Instant repairFrom = now.atOffset(ZoneOffset.UTC).plus(k.policy().severity().minimum()).toInstant();
            Instant until = now.atOffset(ZoneOffset.UTC).plus(k.policy().severity().maximum()).toInstant();
            jdbc.sql("""
                    update credit_listing_cases set measure = 'LISTING', state = 'LISTED', listed_at = :at,
                      repair_eligible_at = :repair, published_until = :until, version = version + 1 where id = :id""")
                    .param("at", utc(now)).param("repair", utc(repairFrom)).param("until", utc(until))
                    .param("id", uuid(caseId)).update();
        } else {
            update(caseId, "measure = :v", measure.name());
        }
        audit.record(actor, "credit.listing.impose", "credit_listing_case", caseId, k.measure().name(),
                measure + ": " + reasons.strip());
        return new ListingResult.Done(find(caseId).orElseThrow());
    }

    @Override
    @Transactional
    public ListingResult withdraw(String caseId, String reasons, String actor) {
        Optional<ListingCase> c = find(caseId);
        if (c.isEmpty()) {
            return new ListingResult.NotFound("case " + caseId);
        }
        if (blank(reasons, 1000)) {
            return new ListingResult.InvalidField("reasons", "is required");
        }
        if (!c.get().state().equals("NOTICED")) {
            return new ListingResult.NotAllowed("the case is " + c.get().state());
        }
        end(caseId, "WITHDRAWN", "withdrawn: " + reasons.strip());
        audit.record(actor, "credit.listing.withdraw", "credit_listing_case", caseId, "NOTICED", reasons.strip());
        return new ListingResult.Done(find(caseId).orElseThrow());
    }

    @Override
    @Transactional
    public ListingResult appeal(String caseId, PartyId subject, String grounds) {
        Optional<ListingCase> c = find(caseId).filter(x -> x.party().equals(subject));
        if (c.isEmpty()) {
            return new ListingResult.NotFound("case " + caseId);
        }
        if (blank(grounds, 2000)) {
            return new ListingResult.InvalidField("grounds", "is required, at most 2000 characters");
        }
        if (!c.get().state().equals("LISTED")) {
            return new ListingResult.NotAllowed("only a listing can be appealed; the case is " + c.get().state());
        }
        jdbc.sql("""
                update credit_listing_cases set state = 'APPEALED', appeal_grounds = :g, appealed_at = :at,
                  appeal_decision = null, appeal_reviewer = null, appeal_decided_at = null, version = version + 1
                where id = :id""").param("g", grounds.strip()).param("at", utc(now())).param("id", uuid(caseId)).update();
        audit.record(subject.toString(), "credit.listing.appeal", "credit_listing_case", caseId, "LISTED", "appealed");
        return new ListingResult.Done(find(caseId).orElseThrow());
    }

    @Override
    @Transactional
    public ListingResult decideAppeal(String caseId, boolean overturned, String reasons, String reviewer) {
        Optional<ListingCase> c = find(caseId);
        if (c.isEmpty()) {
            return new ListingResult.NotFound("case " + caseId);
        }
        if (blank(reasons, 2000)) {
            return new ListingResult.InvalidField("reasons", "is required");
        }
        // a person decides: the platform's jobs never do
        if (reviewer == null || reviewer.isBlank() || reviewer.equals("system")) {
            return new ListingResult.InvalidField("reviewer", "an appeal is decided by a named person");
        }
        if (!c.get().state().equals("APPEALED")) {
            return new ListingResult.NotAllowed("no appeal is pending");
        }
        jdbc.sql("""
                update credit_listing_cases set state = :state, appeal_decision = :d, appeal_reviewer = :r,
                  appeal_decided_at = :at, ended_at = :ended, end_reason = :why, version = version + 1 where id = :id""")
                .param("state", overturned ? "ENDED" : "LISTED").param("d", (overturned ? "overturned: " : "upheld: ")
                        + reasons.strip()).param("r", reviewer).param("at", utc(now()))
                .param("ended", overturned ? utc(now()) : null)
                .param("why", overturned ? "appeal overturned the listing" : null).param("id", uuid(caseId)).update();
        audit.record(reviewer, "credit.listing.appeal-decide", "credit_listing_case", caseId, "APPEALED",
                (overturned ? "overturned: " : "upheld: ") + reasons.strip());
        return new ListingResult.Done(find(caseId).orElseThrow());
    }

    @Override
    @Transactional
    public ListingResult repair(String caseId, String evidenceOfRemediation, String actor) {
        Optional<ListingCase> c = find(caseId);
        if (c.isEmpty()) {
            return new ListingResult.NotFound("case " + caseId);
        }
        if (blank(evidenceOfRemediation, 1000)) {
            return new ListingResult.InvalidField("evidence", "is required");
        }
        if (!c.get().state().equals("LISTED")) {
            return new ListingResult.NotAllowed("only a current listing can be repaired; the case is " + c.get().state());
        }
        if (clock.instant().isBefore(c.get().repairEligibleAt())) {
            return new ListingResult.NotAllowed("credit repair may be requested from " + c.get().repairEligibleAt()
                    + " (the minimum publication of a " + c.get().policy().severity() + " case)");
        }
        end(caseId, "ENDED", "credit repair: " + evidenceOfRemediation.strip());
        audit.record(actor, "credit.listing.repair", "credit_listing_case", caseId, "LISTED", evidenceOfRemediation.strip());
        return new ListingResult.Done(find(caseId).orElseThrow());
    }

    @Override
    @Transactional
    public ShareResult share(String caseId, PartyId recipient, String basis, String actor) {
        Optional<ListingCase> c = find(caseId);
        if (c.isEmpty()) {
            return new ShareResult.NotFound("case " + caseId);
        }
        if (recipient == null || parties.find(recipient).isEmpty() || recipient.equals(c.get().party())) {
            return new ShareResult.InvalidField("recipientId", "another participant of the platform");
        }
        if (blank(basis, 1000)) {
            return new ShareResult.InvalidField("basis", "is required, at most 1000 characters");
        }
        if (!c.get().state().equals("LISTED") || !clock.instant().isBefore(c.get().publishedUntil())) {
            return new ShareResult.NotAllowed("only a current listing is shared; the case is " + c.get().state());
        }
        boolean shared = jdbc.sql("select count(*) from credit_listing_shares where case_id = :c and recipient_id = :r"
                        + " and revoked_at is null").param("c", uuid(caseId)).param("r", recipient.value())
                .query(Long.class).single() > 0;
        if (shared) {
            return new ShareResult.NotAllowed("the listing is already shared with " + recipient);
        }
        UUID id = TimeOrderedIds.next(clock);
        jdbc.sql("""
                insert into credit_listing_shares (id, case_id, recipient_id, basis, shared_by, shared_at)
                values (:id, :c, :r, :basis, :by, :at)""").param("id", id).param("c", uuid(caseId))
                .param("r", recipient.value()).param("basis", basis.strip()).param("by", actor).param("at", utc(now())).update();
        String shareId = TimeOrderedIds.format(SHARE_PREFIX, id);
        audit.record(actor, "credit.listing.share", "credit_listing_case", caseId, null,
                "shared with " + recipient + " as " + shareId + ": " + basis.strip());
        return new ShareResult.Done(findShare(id).orElseThrow());
    }

    @Override
    @Transactional
    public ShareResult revokeShare(String shareId, String reasons, String actor) {
        UUID id;
        try {
            id = TimeOrderedIds.parse(SHARE_PREFIX, shareId);
        } catch (IllegalArgumentException e) {
            return new ShareResult.NotFound("share " + shareId);
        }
        Optional<ListingShare> share = findShare(id);
        if (share.isEmpty()) {
            return new ShareResult.NotFound("share " + shareId);
        }
        if (blank(reasons, 1000)) {
            return new ShareResult.InvalidField("reasons", "is required, at most 1000 characters");
        }
        int revoked = jdbc.sql("""
                update credit_listing_shares set revoked_at = :at, revoked_by = :by, revoke_reason = :why
                where id = :id and revoked_at is null""").param("at", utc(now())).param("by", actor)
                .param("why", reasons.strip()).param("id", id).update();
        if (revoked == 0) {
            return new ShareResult.NotAllowed("the share was revoked on " + share.get().revokedAt());
        }
        audit.record(actor, "credit.listing.share-revoke", "credit_listing_case", share.get().caseId(), shareId,
                "revoked for " + share.get().recipient() + ": " + reasons.strip());
        return new ShareResult.Done(findShare(id).orElseThrow());
    }

    @Override
    public List<ListingShare> sharedWith(PartyId recipient) {
        return jdbc.sql(SHARES + " where s.recipient_id = :r and s.revoked_at is null and c.state = 'LISTED'"
                        + " and c.published_until > :now order by s.shared_at, s.id")
                .param("r", recipient.value()).param("now", utc(clock.instant())).query(DishonestyService::readShare).list();
    }

    @Override
    public List<ListingShare> shares(String caseId) {
        UUID id;
        try {
            id = uuid(caseId);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        return jdbc.sql(SHARES + " where s.case_id = :c order by s.shared_at, s.id").param("c", id)
                .query(DishonestyService::readShare).list();
    }

    private Optional<ListingShare> findShare(UUID id) {
        return jdbc.sql(SHARES + " where s.id = :id").param("id", id).query(DishonestyService::readShare).optional();
    }

    static final String SHARE_PREFIX = "lsh";

    private static final String SHARES = """
            select s.id, s.case_id, c.party_id, c.policy, c.conduct, c.listed_at, c.published_until, s.recipient_id,
                   s.basis, s.shared_by, s.shared_at, s.revoked_at, s.revoked_by, s.revoke_reason
            from credit_listing_shares s join credit_listing_cases c on c.id = s.case_id""";

    private static ListingShare readShare(ResultSet rs, int row) throws SQLException {
        return new ListingShare(TimeOrderedIds.format(SHARE_PREFIX, rs.getObject(1, UUID.class)),
                TimeOrderedIds.format(ListingStore.PREFIX, rs.getObject(2, UUID.class)), new PartyId(rs.getObject(3, UUID.class)),
                ListingPolicy.valueOf(rs.getString(4)), rs.getString(5), instant(rs, 6), instant(rs, 7),
                new PartyId(rs.getObject(8, UUID.class)), rs.getString(9), rs.getString(10), instant(rs, 11), instant(rs, 12),
                rs.getString(13), rs.getString(14));
    }

    /** Ends listings whose publication period ran out (they already stopped counting as listed). */
    @Transactional
    public int endExpired() {
        List<UUID> expired = jdbc.sql("select id from credit_listing_cases where state = 'LISTED' and published_until <= :now")
                .param("now", utc(clock.instant())).query(UUID.class).list();
        for (UUID id : expired) {
            String caseId = TimeOrderedIds.format(ListingStore.PREFIX, id);
            end(caseId, "ENDED", "publication period ended");
            audit.record("system", "credit.listing.expire", "credit_listing_case", caseId, "LISTED", "publication period ended");
        }
        return expired.size();
    }

    @Override
    public List<ListingCase> cases(PartyId party) {
        return jdbc.sql(SELECT + " where party_id = :p order by noticed_at, id").param("p", party.value())
                .query(DishonestyService::read).list();
    }

    @Override
    public Optional<ListingCase> find(String caseId) {
        UUID id;
        try {
            id = uuid(caseId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where id = :id").param("id", id).query(DishonestyService::read).optional();
    }

    private void end(String caseId, String state, String reason) {
        jdbc.sql("update credit_listing_cases set state = :s, ended_at = :at, end_reason = :r, version = version + 1 where id = :id")
                .param("s", state).param("at", utc(now())).param("r", reason.length() > 1000 ? reason.substring(0, 1000) : reason)
                .param("id", uuid(caseId)).update();
    }

    private void update(String caseId, String assignment, String value) {
        jdbc.sql("update credit_listing_cases set " + assignment + ", version = version + 1 where id = :id")
                .param("v", value).param("id", uuid(caseId)).update();
    }

    private static UUID uuid(String caseId) {
        return TimeOrderedIds.parse(ListingStore.PREFIX, caseId);
    }

    private static boolean blank(String s, int max) {
        return s == null || s.isBlank() || s.length() > max;
    }

    static final String SELECT = """
            select id, party_id, policy, measure, state, conduct, evidence, noticed_at, respond_by, subject_response,
                   listed_at, repair_eligible_at, published_until, appeal_grounds, appeal_decision, appeal_reviewer,
                   ended_at, end_reason from credit_listing_cases""";

    static ListingCase read(ResultSet rs, int row) throws SQLException {
        return new ListingCase(TimeOrderedIds.format(ListingStore.PREFIX, rs.getObject(1, UUID.class)),
                new PartyId(rs.getObject(2, UUID.class)), ListingPolicy.valueOf(rs.getString(3)),
                ListingPolicy.Measure.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                instant(rs, 8), instant(rs, 9), rs.getString(10), instant(rs, 11), instant(rs, 12), instant(rs, 13),
                rs.getString(14), rs.getString(15), rs.getString(16), instant(rs, 17), rs.getString(18));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
