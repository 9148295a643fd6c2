package org.finbridge.payments.connector.http;

import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The acquirers reached over HTTP, one {@link HttpPaymentConnector} bean per contract in
 * {@link AcquirerContracts}. Unless {@code finbridge.connectors.http.base-url} names the acquirers'
 * host, they are this application's own test-mode simulators.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpConnectorProperties.class)
@ConditionalOnProperty(name = "finbridge.connectors.http.enabled", havingValue = "true", matchIfMissing = true)
class HttpConnectorsConfiguration {

    @Bean
    HttpPaymentConnector acmeAcquiring(HttpConnectorProperties properties, Environment environment) {
        return new HttpPaymentConnector(AcquirerContracts.acme(), baseUrl(AcquirerContracts.ACME, properties, environment), properties);
    }

    @Bean
    HttpPaymentConnector orbitPay(HttpConnectorProperties properties, Environment environment) {
        return new HttpPaymentConnector(AcquirerContracts.orbit(), baseUrl(AcquirerContracts.ORBIT, properties, environment), properties);
    }

    @Bean
    HttpPaymentConnector andesLocal(HttpConnectorProperties properties, Environment environment) {
        return new HttpPaymentConnector(AcquirerContracts.andes(), baseUrl(AcquirerContracts.ANDES, properties, environment), properties);
    }

    private static Supplier<String> baseUrl(String connector, HttpConnectorProperties properties, Environment environment) {
        return () -> {
            String root = properties.baseUrl() != null && !properties.baseUrl().isBlank() ? properties.baseUrl()
                    : "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
            return stripSlash(root) + "/simulators/" + connector + "/v1";
        };
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
