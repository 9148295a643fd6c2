package org.finbridge.platform.web.internal;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cross-origin calls to the API only from the origins listed in {@code finbridge.http.cors.allowed-origins}
 * (none by default: browsers then refuse every other site's calls).
 */
@Configuration(proxyBeanMethods = false)
class CorsConfiguration implements WebMvcConfigurer {

    private final List<String> allowedOrigins;

    CorsConfiguration(@Value("${finbridge.http.cors.allowed-origins:}") List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins.stream().filter(o -> !o.isBlank()).toList();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        if (!allowedOrigins.isEmpty()) {
            registry.addMapping("/api/**").allowedOrigins(allowedOrigins.toArray(String[]::new))
                    .allowedMethods("GET", "POST").allowedHeaders("Authorization", "Content-Type", "Idempotency-Key")
                    .maxAge(600);
        }
    }
}
