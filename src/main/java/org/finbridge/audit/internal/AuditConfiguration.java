package org.finbridge.audit.internal;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.finbridge.audit.AuditLog;
import org.finbridge.audit.AuditSequencer;
import org.finbridge.audit.AuditTrail;
import org.finbridge.audit.AuditVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditSequencer auditSequencer(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManager) {
        return new JdbcAuditSequencer(dataSource, transactionManager.getIfUnique(() -> new JdbcTransactionManager(dataSource)));
    }

    @Bean
    SequencerDaemon auditSequencerDaemon(AuditSequencer sequencer,
                                         @Value("${finbridge.audit.sequencer.idle-interval:1s}") Duration idleInterval,
                                         @Value("${finbridge.audit.sequencer.linger:10ms}") Duration linger) {
        return new SequencerDaemon(sequencer, idleInterval, linger);
    }

    @Bean
    AuditLog auditLog(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManager, Clock clock,
                      SequencerDaemon daemon) {
        return new JdbcAuditLog(dataSource,
                transactionManager.getIfUnique(() -> new JdbcTransactionManager(dataSource)), clock, daemon::wake);
    }

    @Bean
    AuditVerifier auditVerifier(DataSource dataSource) {
        return new ChainVerifier(dataSource);
    }

    @Bean
    AuditTrail auditTrail(DataSource dataSource) {
        return new JdbcAuditTrail(dataSource);
    }
}
