package org.finbridge.audit.internal;

import java.time.Clock;
import javax.sql.DataSource;
import org.finbridge.audit.AuditLog;
import org.finbridge.audit.AuditVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    @Bean
    AuditLog auditLog(DataSource dataSource, ObjectProvider<PlatformTransactionManager> transactionManager, Clock clock) {
        return new JdbcAuditLog(dataSource,
                transactionManager.getIfUnique(() -> new JdbcTransactionManager(dataSource)), clock);
    }

    @Bean
    AuditVerifier auditVerifier(DataSource dataSource) {
        return new ChainVerifier(dataSource);
    }
}
