package org.finbridge.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The documented hash format, pinned to a value computed outside Java (printf … | sha256sum). */
class AuditHashTest {

    static final AuditEntry EXAMPLE = new AuditEntry("system", null, "ledger.account.create", "ledger_account",
            "acc_1", null, "{\"currency\":\"EUR\"}", "req-1");
    static final Instant AT = Instant.parse("2025-01-02T03:04:05.000006Z");

    @Test
    void theJavadocExampleHashesAsDocumented() {
        assertThat(new String(AuditHash.canonical(1, AT, EXAMPLE), StandardCharsets.UTF_8)).isEqualTo(
                "8:audit-v1,1:1,27:2025-01-02T03:04:05.000006Z,6:system,~,21:ledger.account.create,"
                        + "14:ledger_account,5:acc_1,~,18:{\"currency\":\"EUR\"},5:req-1,");
        assertThat(AuditHash.of(AuditHash.GENESIS, 1, AT, EXAMPLE))
                .isEqualTo("28ebdec0e66a7e7714d4d4f608e6353b3b8152835ab01349ec0b16590ed654e5");
    }

    @Test
    void nullAndEmptyAndShiftedFieldsHashDifferently() {
        AuditEntry emptyRole = new AuditEntry("system", "", "a", "t", "id", null, null, null);
        AuditEntry nullRole = new AuditEntry("system", null, "a", "t", "id", null, null, null);
        // the same characters split differently between two fields
        AuditEntry shifted = new AuditEntry("syste", "m", "a", "t", "id", null, null, null);
        AuditEntry other = new AuditEntry("system", "m", "a", "t", "id", null, null, null);
        assertThat(AuditHash.of(AuditHash.GENESIS, 1, AT, emptyRole))
                .isNotEqualTo(AuditHash.of(AuditHash.GENESIS, 1, AT, nullRole));
        assertThat(AuditHash.canonical(1, AT, shifted)).isNotEqualTo(AuditHash.canonical(1, AT, other));
    }

    @Test
    void nonAsciiTextIsCountedInUtf8Bytes() {
        AuditEntry entry = new AuditEntry("usr_ü", null, "a", "t", "收款", null, null, null);
        assertThat(new String(AuditHash.canonical(1, AT, entry), StandardCharsets.UTF_8))
                .contains(",6:usr_ü,", ",6:收款,");
    }

    @Test
    void entriesAreCheckedAgainstTheirColumns() {
        assertThatThrownBy(() -> new AuditEntry(" ", null, "a", "t", "id", null, null, null))
                .hasMessageContaining("actor is required");
        assertThatThrownBy(() -> new AuditEntry("u", null, "a", "t", "id", "x".repeat(4001), null, null))
                .hasMessageContaining("beforeSummary is longer than 4000");
        assertThatThrownBy(() -> new AuditEntry("u", null, "a", "t", "id", null, "a\0b", null))
                .hasMessageContaining("NUL");
    }
}
