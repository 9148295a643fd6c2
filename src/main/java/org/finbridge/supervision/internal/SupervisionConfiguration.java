package org.finbridge.supervision.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.finbridge.supervision.CbecImportTax;
import org.finbridge.supervision.CheckoutTax;
import org.finbridge.supervision.RuleBook;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SupervisionProperties.class)
class SupervisionConfiguration {

    /** The rule book in force: the configured file, or the one shipped with the module. */
    @Bean
    RuleBook supervisionRuleBook(SupervisionProperties properties) throws IOException {
        return properties.rulesFile() == null || properties.rulesFile().isBlank() ? RuleBook.defaults()
                : RuleBook.parse(Files.readString(Path.of(properties.rulesFile()), StandardCharsets.UTF_8));
    }

    @Bean
    CbecImportTax cbecImportTax(RuleBook rules) {
        return new CbecImportTax(rules);
    }

    @Bean
    CheckoutTax checkoutTax(RuleBook rules) {
        return new CheckoutTax(rules);
    }
}
