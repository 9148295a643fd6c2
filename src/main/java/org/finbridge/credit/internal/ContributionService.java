package org.finbridge.credit.internal;

import org.finbridge.audit.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.finbridge.credit.Contribution;
import org.finbridge.credit.ContributionCategory;
import org.finbridge.credit.ContributionResult;
import org.finbridge.credit.Contributions;
import org.finbridge.credit.NewContribution;
import org.finbridge.party.ConsentScope;
import org.finbridge.party.Consents;
import org.finbridge.party.Parties;
import org.finbridge.party.PartyId;
import org.finbridge.platform.TimeOrderedIds;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake of contributed records (REGULATIONS.md §3.1).
 * <ul>
 *   <li>Art. 14: religion, genes, fingerprints, blood type, diseases and medical history are refused
 *       wherever they appear (field names and values, English and Chinese); income, deposits and tax
 *       data need the subject's valid consent of scope INCOME_AND_TAX held by the provider.</li>
 *   <li>Art. 15: negative information needs the provider's prior notice to the subject (unless public by
 *       law); the registry records the notice. The platform's own modules give that notice themselves,
 *       recorded at intake.</li>
 *   <li>Provenance: provider, time received and the provider's source record are stored with every
 *       record; (provider, source record, category) makes a resend harmless.</li>
 * </ul>
 */
@Service
class ContributionService implements Contributions {

    static final String PREFIX = "ctb";

    /** Prohibited data, in the words a provider's field names or values would use. */
    private static final Map<String, String> PROHIBITED = Map.ofEntries(
            Map.entry("religio", "religion"), Map.entry("宗教", "religion"), Map.entry("信仰", "religion"),
            Map.entry("gene", "genes"), Map.entry("genetic", "genes"), Map.entry("dna", "genes"), Map.entry("基因", "genes"),
            Map.entry("fingerprint", "fingerprints"), Map.entry("指纹", "fingerprints"),
            Map.entry("blood", "blood type"), Map.entry("血型", "blood type"),
            Map.entry("disease", "diseases"), Map.entry("illness", "diseases"), Map.entry("diagnos", "diseases"),
            Map.entry("medical", "medical history"), Map.entry("health", "medical history"),
            Map.entry("疾病", "diseases"), Map.entry("病史", "medical history"));

    private final JdbcClient jdbc;
    private final Parties parties;
    private final Consents consents;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ContributionService(JdbcClient jdbc, Parties parties, Consents consents, AuditLog audit,
                        ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.parties = parties;
        this.consents = consents;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public ContributionResult submit(NewContribution c) {
        Optional<ContributionResult> refusal = check(c);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String provider = providerName(c);
        Instant now = now();
        UUID id = TimeOrderedIds.next(clock);
        boolean negative = c.category().negative();
        // the end of a negative event starts its 5-year retention (art. 16); an event reported without an
        // end (an overdue debt still unpaid) is kept until its end is reported
        Instant ends = negative ? c.eventEndsAt() : null;
        if (negative && ends == null && c.category() != ContributionCategory.REPAYMENT_OVERDUE) {
            ends = c.occurredAt();
        }
        Instant notified = negative && !c.category().publicByLaw()
                ? (c.provider() == null ? now : c.subjectNotifiedAt()) : null;
        // a resent record changes nothing: the insert checks for it (one round trip for a new record, the
        // usual case: one per captured payment), and only a resend reads what is held
        int inserted = jdbc.sql("""
                insert into credit_contributions (id, subject_id, provider, provider_party_id, source_record, category,
                  amount, currency, occurred_at, received_at, negative, event_ends_at, subject_notified_at, state)
                select :id, :subject, :provider, cast(:providerParty as uuid), :source, :category, :amount, :currency, :occurred,
                  :received, :negative, cast(:ends as timestamp with time zone), cast(:notified as timestamp with time zone), 'ACTIVE'
                where not exists (select 1 from credit_contributions
                                  where provider = :provider and source_record = :source and category = :category)""")
                .param("id", id).param("subject", c.subject().value()).param("provider", provider)
                .param("providerParty", c.provider() == null ? null : c.provider().value())
                .param("source", c.sourceRecord()).param("category", c.category().name()).param("amount", c.amount())
                .param("currency", c.currency()).param("occurred", utc(c.occurredAt())).param("received", utc(now))
                .param("negative", negative).param("ends", utc(ends)).param("notified", utc(notified)).update();
        if (inserted == 0) {
            return new ContributionResult.Accepted(find(provider, c.sourceRecord(), c.category()).orElseThrow(), true);
        }
        if (notified != null) {
            jdbc.sql("""
                    insert into credit_notices (id, subject_id, contribution_id, given_by, notified_at, recorded_at, text)
                    values (:id, :subject, :contribution, :by, :notified, :recorded, :text)""")
                    .param("id", TimeOrderedIds.next(clock)).param("subject", c.subject().value()).param("contribution", id)
                    .param("by", provider).param("notified", utc(notified)).param("recorded", utc(now))
                    .param("text", "Negative information " + c.category() + " (" + c.sourceRecord()
                            + ") is reported to the credit registry by " + provider).update();
        }
        String formatted = TimeOrderedIds.format(PREFIX, id);
        if (negative || c.category().sensitive()) {
            audit.record(c.provider() == null ? provider : null, "credit.contribution.accept", "credit_contribution",
                    formatted, null, c.subject() + " " + c.category() + " from " + provider + " record " + c.sourceRecord());
        }
        events.publishEvent(new ContributionReceived(c.subject(), c.category()));
        // what was just written, as a read would answer it (timestamps are stored to the nearest microsecond,
        // the JDBC drivers rounding half up):
        // not read back, since every captured payment contributes one record inside its capture
        return new ContributionResult.Accepted(new Contribution(formatted, c.subject(), provider, c.category(),
                c.sourceRecord(), c.amount(), c.currency(), micros(c.occurredAt()), micros(now), negative, micros(ends),
                micros(notified), "ACTIVE"), false);
    }

    private static Instant micros(Instant t) {
        return t == null ? null : t.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private Optional<ContributionResult> check(NewContribution c) {
        for (Map.Entry<String, String> field : c.attributes().entrySet()) {
            String why = prohibited(field.getKey());
            if (why == null) {
                why = prohibited(field.getValue());
            }
            if (why != null) {
                return Optional.of(new ContributionResult.Prohibited(field.getKey(),
                        why + " may not be collected (Credit Reporting Industry Regulation art. 14)"));
            }
        }
        if (c.sourceRecord() != null && prohibited(c.sourceRecord()) != null) {
            return Optional.of(new ContributionResult.Prohibited("sourceRecord", prohibited(c.sourceRecord())
                    + " may not be collected (Credit Reporting Industry Regulation art. 14)"));
        }
        if (c.subject() == null) {
            return Optional.of(new ContributionResult.InvalidField("subject", "is required"));
        }
        if (c.category() == null) {
            return Optional.of(new ContributionResult.InvalidField("category", "is required"));
        }
        if (c.sourceRecord() == null || c.sourceRecord().isBlank() || c.sourceRecord().length() > 200) {
            return Optional.of(new ContributionResult.InvalidField("sourceRecord", "is required, at most 200 characters"));
        }
        if (c.occurredAt() == null || c.occurredAt().isAfter(clock.instant())) {
            return Optional.of(new ContributionResult.InvalidField("occurredAt", "is required and may not lie in the future"));
        }
        if (!Double.isFinite(c.amount()) || c.amount() < 0) {
            return Optional.of(new ContributionResult.InvalidField("amount", "must be a number, not negative"));
        }
        if (c.currency() != null && !c.currency().matches("[A-Z]{3}")) {
            return Optional.of(new ContributionResult.InvalidField("currency", "must be an ISO 4217 code"));
        }
        if (c.provider() == null && (c.providerName() == null || !c.providerName().startsWith("finbridge."))) {
            return Optional.of(new ContributionResult.InvalidField("provider", "is required"));
        }
        if (c.eventEndsAt() != null && c.eventEndsAt().isBefore(c.occurredAt())) {
            return Optional.of(new ContributionResult.InvalidField("eventEndsAt", "may not precede occurredAt"));
        }
        if (parties.find(c.subject()).isEmpty()) {
            return Optional.of(new ContributionResult.NotFound("party " + c.subject()));
        }
        if (c.category().sensitive()) {
            boolean consented = c.provider() != null && consents.grantedBy(c.subject()).stream()
                    .anyMatch(k -> k.grantee().equals(c.provider()) && k.scope() == ConsentScope.INCOME_AND_TAX
                            && k.isValidAt(clock.instant()));
            if (!consented) {
                return Optional.of(new ContributionResult.ConsentRequired(c.category()
                        + " data needs the subject's explicit consent of scope INCOME_AND_TAX to the provider"
                        + " (Credit Reporting Industry Regulation art. 14)"));
            }
        }
        if (c.category().negative() && !c.category().publicByLaw() && c.provider() != null) {
            if (c.subjectNotifiedAt() == null || c.subjectNotifiedAt().isAfter(clock.instant())) {
                return Optional.of(new ContributionResult.NoticeRequired("negative information needs the date the subject"
                        + " was notified, before reporting (Credit Reporting Industry Regulation art. 15)"));
            }
        }
        return Optional.empty();
    }

    /**
     * English terms match as words or word starts: "gene" in "genetic_marker" but not in "general".
     * Compiled once: every contribution's fields are checked, one per captured payment.
     */
    private static final Map<String, Pattern> ENGLISH_TERMS = PROHIBITED.keySet().stream()
            .filter(term -> term.chars().allMatch(ch -> ch < 128))
            .collect(java.util.stream.Collectors.toUnmodifiableMap(term -> term, term -> Pattern.compile(
                    "(^|[^a-z])" + Pattern.quote(term) + (term.equals("gene") ? "(s|tic)?([^a-z]|$)" : ""))));

    static String prohibited(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> term : PROHIBITED.entrySet()) {
            Pattern word = ENGLISH_TERMS.get(term.getKey());
            if (word != null ? word.matcher(lower).find() : lower.contains(term.getKey())) {
                return term.getValue();
            }
        }
        return null;
    }

    private static String providerName(NewContribution c) {
        return c.provider() != null ? c.provider().toString() : c.providerName();
    }

    @Override
    public List<Contribution> about(PartyId subject) {
        return jdbc.sql(SELECT + " where subject_id = :s and state <> 'REMOVED' order by occurred_at, id")
                .param("s", subject.value()).query(ContributionService::read).list();
    }

    /** The records held about each of the subjects, oldest first per subject (removed records excluded): one query. */
    Map<PartyId, List<Contribution>> about(java.util.Collection<UUID> subjects) {
        Map<PartyId, List<Contribution>> records = new java.util.HashMap<>();
        if (subjects.isEmpty()) {
            return records;
        }
        jdbc.sql(SELECT + " where subject_id in (:s) and state <> 'REMOVED' order by subject_id, occurred_at, id")
                .param("s", subjects).query(ContributionService::read).list()
                .forEach(c -> records.computeIfAbsent(c.subject(), k -> new java.util.ArrayList<>()).add(c));
        return records;
    }

    Optional<Contribution> find(String provider, String source, ContributionCategory category) {
        return jdbc.sql(SELECT + " where provider = :p and source_record = :s and category = :c")
                .param("p", provider).param("s", source).param("c", category.name())
                .query(ContributionService::read).optional();
    }

    @Override
    public Optional<Contribution> find(String id) {
        UUID uuid;
        try {
            uuid = TimeOrderedIds.parse(PREFIX, id);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return jdbc.sql(SELECT + " where id = :id").param("id", uuid).query(ContributionService::read).optional();
    }

    static final String SELECT = """
            select id, subject_id, provider, category, source_record, amount, currency, occurred_at, received_at,
                   negative, event_ends_at, subject_notified_at, state from credit_contributions""";

    static Contribution read(ResultSet rs, int row) throws SQLException {
        return new Contribution(TimeOrderedIds.format(PREFIX, rs.getObject(1, UUID.class)),
                new PartyId(rs.getObject(2, UUID.class)), rs.getString(3), ContributionCategory.valueOf(rs.getString(4)),
                rs.getString(5), rs.getDouble(6), rs.getString(7), instant(rs, 8), instant(rs, 9), rs.getBoolean(10),
                instant(rs, 11), instant(rs, 12), rs.getString(13));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
