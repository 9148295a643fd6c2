package org.finbridge.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.finbridge.audit.AuditSequencer;
import org.finbridge.audit.AuditVerifier;
import org.finbridge.audit.Verification;
import org.finbridge.ledger.LedgerInvariants;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Ends every stateful test with the ledger invariant sweep (0 violations) and a walk of the audit
 * chain (intact), or the test fails.
 */
public class InvariantSweepAfterEach implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        LedgerInvariants invariants = SpringExtension.getApplicationContext(context).getBean(LedgerInvariants.class);
        LedgerInvariants.Report report = invariants.sweep();
        assertThat(report.violations()).as(report.toString()).isEmpty();
        // chain what the test staged, so the walk covers it (the background sequencer may not have yet)
        SpringExtension.getApplicationContext(context).getBean(AuditSequencer.class).flush();
        Verification audit = SpringExtension.getApplicationContext(context).getBean(AuditVerifier.class).verify();
        assertThat(audit).as(audit.toString()).isInstanceOf(Verification.Intact.class);
        assertThat(audit.backlog().altered()).as(audit.toString()).isZero();
    }
}
