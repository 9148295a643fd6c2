package org.finbridge.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.finbridge.support.DatabaseTest;
import org.finbridge.support.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The ledger refuses a PostgreSQL server whose commits are not durable. The server here runs durably,
 * so the non-durable case is made per session ({@code synchronous_commit} may be set per connection,
 * which is exactly why the guard reads the setting through the ledger's own connections).
 */
@DatabaseTest
class DurabilityGuardTest {

    @Test
    void aDurableServerOrTheEmbeddedDatabaseIsAccepted() {
        TestDatabase.Fresh db = TestDatabase.fresh("durability");
        try (HikariDataSource pool = db.dataSource(1)) {
            DurabilityGuard.Finding finding = DurabilityGuard.inspect(pool);
            assertThat(finding.postgres()).isEqualTo(db.postgres());
            assertThat(finding.unsafeSettings()).isEmpty();
            assertThatCode(() -> DurabilityGuard.check(pool, false)).doesNotThrowAnyException();
        }
    }

    @Test
    void asynchronousCommitIsRefusedUnlessOverridden() {
        assumeThat(TestDatabase.isPostgresRun()).as("synchronous_commit exists on PostgreSQL only").isTrue();
        TestDatabase.Fresh db = TestDatabase.fresh("durability");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.url());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(1);
        config.setConnectionInitSql("set synchronous_commit = off");
        try (HikariDataSource pool = new HikariDataSource(config)) {

            assertThat(DurabilityGuard.inspect(pool).unsafeSettings()).containsExactly("synchronous_commit=off");
            assertThatThrownBy(() -> DurabilityGuard.check(pool, false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("synchronous_commit=off")
                    .hasMessageContaining("finbridge.ledger.allow-non-durable-commits");
            assertThatCode(() -> DurabilityGuard.check(pool, true)).doesNotThrowAnyException();
        }
    }
}
