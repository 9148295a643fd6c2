package org.finbridge.risk.sanctions.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.finbridge.audit.AuditEntry;
import org.finbridge.audit.AuditLog;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiScope;
import org.finbridge.party.ConsoleRole;
import org.finbridge.party.KybApplication;
import org.finbridge.party.PartyId;
import org.finbridge.party.PartyKind;
import org.finbridge.risk.sanctions.ImportResult;
import org.finbridge.risk.sanctions.ListFormat;
import org.finbridge.risk.sanctions.ListImport;
import org.finbridge.risk.sanctions.ListVersion;
import org.finbridge.risk.sanctions.PartyScreeningReport;
import org.finbridge.risk.sanctions.ScreeningQuery;
import org.finbridge.risk.sanctions.ScreeningResult;
import org.finbridge.risk.sanctions.SubjectType;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The real OFAC lists through the store on H2 and PostgreSQL: versions, deltas, the shrink guard,
 * refused files that leave the version in force, the index rebuilt from the database, and party
 * screening that answers "clear" only against the required lists.
 */
@DatabaseTest
class SanctionsListsDatabaseTest {

    static HikariDataSource dataSource;
    static ListImportService imports;
    static ScreeningService screening;
    static SubjectScreening subjects;
    static JdbcClient jdbc;
    static final List<AuditEntry> audited = new ArrayList<>();
    static final List<Object> events = new ArrayList<>();
    static final Actor ANALYST = new Actor("u1", "user:analyst@example.com", Actor.Channel.CONSOLE,
            new PartyId(UUID.randomUUID()), PartyKind.OPERATOR, ConsoleRole.OPERATOR_RISK_ANALYST, Set.of(ApiScope.RISK_REVIEW));

    @BeforeAll
    static void wire() {
        TestDatabase.Fresh db = TestDatabase.fresh("sanctions");
        db.migrate();
        dataSource = db.dataSource(4);
        jdbc = JdbcClient.create(dataSource);
        JdbcTransactionManager transactions = new JdbcTransactionManager(dataSource);
        Clock clock = Clock.fixed(Instant.parse("2026-04-27T08:00:00Z"), ZoneOffset.UTC);
        AuditLog log = new AuditLog() {
            @Override
            public void append(AuditEntry entry) {
                audited.add(entry);
            }

            @Override
            public void appendAll(List<AuditEntry> entries) {
                audited.addAll(entries);
            }
        };
        ListStore store = new ListStore(jdbc, new JdbcTemplate(dataSource), transactions);
        imports = new ListImportService(store, new SanctionsAudit(log), events::add, new TransactionTemplate(transactions), clock);
        SanctionsProperties properties = new SanctionsProperties(new BigDecimal("0.88"), List.of("OFAC-SDN"), null, null);
        screening = new ScreeningService(store, properties);
        subjects = new SubjectScreening(screening, new HitStore(jdbc, transactions, clock));
    }

    @AfterAll
    static void close() {
        dataSource.close();
    }

    @Test
    void ofacVersionsDeltasRefusalsAndScreeningFromTheDatabase() {
        assertThat(screening.screen(ScreeningQuery.of("Usama bin Ladin"))).isInstanceOf(ScreeningResult.Unavailable.class);

        ListVersion first = imported(imports.importBundled("ofac-sdn-2021-04-25", null, false, ANALYST));
        assertThat(first.listCode()).isEqualTo("OFAC-SDN");
        assertThat(first.entries()).isEqualTo(8_890);
        assertThat(first.added()).isEqualTo(8_890);
        assertThat(first.current()).isTrue();
        assertThat(imports.importBundled("ofac-sdn-2021-04-25", null, false, ANALYST)).isInstanceOf(ImportResult.Unchanged.class);

        // three years later 944 of the 8,890 entries are gone: more than a tenth, so it needs saying
        ImportResult shrank = imports.importBundled("ofac-sdn-2024-05-03", null, false, ANALYST);
        assertThat(shrank).isInstanceOf(ImportResult.Refused.class);
        assertThat(((ImportResult.Refused) shrank).code()).isEqualTo("LIST_SHRANK");
        ListVersion second = imported(imports.importBundled("ofac-sdn-2024-05-03", null, true, ANALYST));
        assertThat(second.added()).isEqualTo(7_019);
        assertThat(second.removed()).isEqualTo(944);
        assertThat(second.changed()).isPositive();
        assertThat(jdbc.sql("select count(*) from sanctions_entry_changes where version_id = :v and change_kind = 'REMOVED'")
                .param("v", second.id().value()).query(Integer.class).single()).isEqualTo(944);

        // damaged files are refused and the 2024 version stays in force
        byte[] sdn = BundledLists.bytes("ofac-sdn-2024-05-03/sdn.csv");
        assertRefused(new ListImport("OFAC-SDN", ListFormat.OFAC, "cut.csv", java.util.Arrays.copyOf(sdn, sdn.length - 500),
                null, null, true), "MALFORMED_LIST");
        assertRefused(new ListImport("OFAC-SDN", ListFormat.OFAC, "utf16.csv",
                new String(sdn, StandardCharsets.ISO_8859_1).substring(0, 2000).getBytes(StandardCharsets.UTF_16), null, null, true),
                "MALFORMED_LIST");
        assertRefused(new ListImport("OFAC-SDN", ListFormat.OFAC, "empty-names.csv",
                "37,-0- ,-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\u001A".getBytes(StandardCharsets.ISO_8859_1),
                null, null, true), "EMPTY_LIST");
        assertThat(imports.versions("OFAC-SDN", 10)).filteredOn(ListVersion::current).extracting(ListVersion::id)
                .containsExactly(second.id());
        assertThat(audited).extracting(AuditEntry::action).containsSubsequence("risk.sanctions.list.import",
                "risk.sanctions.list.refuse", "risk.sanctions.list.import", "risk.sanctions.list.refuse");
        assertThat(events).hasSize(2);

        assertThat(screening.refresh()).isTrue();
        // the 2024 file names him only "BIN LADIN, Usama bin Muhammad bin Awad": the date of birth carries the short form
        assertThat(screening.screen(new ScreeningQuery("Usama bin Ladin", SubjectType.INDIVIDUAL, null, null)))
                .isEqualTo(new ScreeningResult.Screened(List.of(), ((ScreeningResult.Screened) screening.screen(
                        ScreeningQuery.of("x"))).listVersions(), new BigDecimal("0.88")));
        ScreeningResult r = screening.screen(new ScreeningQuery("Usama bin Ladin", SubjectType.INDIVIDUAL, null,
                LocalDate.of(1957, 7, 30)));
        assertThat(r).isInstanceOf(ScreeningResult.Screened.class);
        assertThat(((ScreeningResult.Screened) r).hits().getFirst().entryId()).isEqualTo("6365");
        assertThat(((ScreeningResult.Screened) r).listVersions()).singleElement().asString().contains(second.id().toString());

        PartyScreeningReport clear = subjects.screen(List.of(new ScreenedSubject("pty_test", "COMPANY",
                "Shenzhen Bright Trading Co., Ltd.", SubjectType.ENTITY, "CN", null)));
        assertThat(clear.outcome()).isEqualTo(PartyScreeningReport.Outcome.CLEAR);
        assertThat(clear.detail()).contains("OFAC-SDN " + second.id());
        KybApplication.BeneficialOwner owner = new KybApplication.BeneficialOwner("Usama bin Ladin", null, "SA",
                LocalDate.of(1957, 7, 30), "PASSPORT", "X1", 10_000);
        PartyScreeningReport hit = subjects.screen(SubjectScreening.owners("pty_test", List.of(owner)));
        assertThat(hit.outcome()).isEqualTo(PartyScreeningReport.Outcome.POSSIBLE_MATCHES);
        assertThat(hit.hits()).extracting(h -> h.entryId()).contains("6365");
        // screening again raises nothing new: the open hit is the same
        assertThat(subjects.screen(SubjectScreening.owners("pty_test", List.of(owner))).hits())
                .extracting(h -> h.id()).containsExactlyElementsOf(hit.hits().stream().map(h -> h.id()).toList());
    }

    private static ListVersion imported(ImportResult r) {
        assertThat(r).as(String.valueOf(r)).isInstanceOf(ImportResult.Imported.class);
        return ((ImportResult.Imported) r).version();
    }

    private static void assertRefused(ListImport file, String code) {
        ImportResult r = imports.importList(file, ANALYST);
        assertThat(r).as(String.valueOf(r)).isInstanceOf(ImportResult.Refused.class);
        assertThat(((ImportResult.Refused) r).code()).isEqualTo(code);
    }
}
