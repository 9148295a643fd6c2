package org.finbridge.party.internal.security;

import java.util.List;
import org.finbridge.party.ApiKeys;
import org.finbridge.platform.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who may call what. Machine clients present an API key ({@code Authorization: Bearer fbk_…}) and are
 * stateless; people hold a console session (cookie {@code Secure; HttpOnly; SameSite=Strict}, see
 * application.properties) and must echo the CSRF token ({@code XSRF-TOKEN} cookie into the
 * {@code X-XSRF-TOKEN} header) on every change. Each API handler then declares its scope with
 * {@link org.finbridge.party.Access}; object ownership is the handler's to check (404 for others').
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // command-line runs serve no HTTP
class SecurityConfiguration implements WebMvcConfigurer {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeys apiKeys, Actors actors, ConsoleSessions sessions,
                                           ApiKeyCache apiKeyCache)
            throws Exception {
        CsrfTokenRequestAttributeHandler csrfHandler = new CsrfTokenRequestAttributeHandler();
        http
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(csrfHandler)
                        // a bearer key cannot be sent by a browser on its own, so key requests need no token;
                        // the login itself is protected by SameSite=Strict and carries no session yet
                        // without a session there is no ambient credential to abuse, so nothing to protect
                        .ignoringRequestMatchers(request -> request.getSession(false) == null,
                                ApiKeyAuthenticationFilter::presentsKey,
                                request -> "/console/session".equals(request.getRequestURI())
                                        && "POST".equals(request.getMethod())))
                // only a console login starts a session (ConsoleSessions, which saves its context itself); with
                // IF_REQUIRED every request authenticated by an API key was saved into a new session of its own,
                // kept fifteen minutes: thousands of sessions under load, and a secure random id and a Set-Cookie
                // on every key request
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .headers(h -> h.disable()) // written by the platform's SecurityHeadersFilter
                .formLogin(f -> f.disable())
                .httpBasic(b -> b.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .anonymous(a -> a.disable())
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority("PARTY_OPERATOR")
                        .requestMatchers("/api/**").authenticated()
                        // the console's pages: people with a console session only
                        .requestMatchers("/console/app", "/console/app/**").authenticated()
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            if (request.getRequestURI().startsWith("/console/app")) {
                                // a person's browser without a (live) session goes to the login page
                                response.sendRedirect("/console/login");
                                return;
                            }
                            response.setHeader("WWW-Authenticate", "Bearer");
                            Problems.write(response, 401, "UNAUTHENTICATED", "an API key or a console session is required");
                        })
                        .accessDeniedHandler((request, response, ex) -> {
                            if (ex instanceof CsrfException) {
                                Problems.write(response, 403, "CSRF_TOKEN_INVALID",
                                        "send the XSRF-TOKEN cookie value in the X-XSRF-TOKEN header");
                            } else {
                                Problems.write(response, 403, "FORBIDDEN", "not allowed");
                            }
                        }))
                .addFilterAfter(new ApiKeyAuthenticationFilter(apiKeys, actors, apiKeyCache), SecurityContextHolderFilter.class)
                .addFilterAfter(new ConsoleIdleTimeoutFilter(sessions), ApiKeyAuthenticationFilter.class)
                .addFilterAfter(new ActingFilter(), AuthorizationFilter.class);
        return http.build();
    }

    /** No in-memory users: people are console users, machines are API keys (this also silences Boot's default user). */
    @Bean
    UserDetailsService noUserDetails() {
        return username -> {
            throw new UsernameNotFoundException("console users log in at /console/session");
        };
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new AccessInterceptor()).addPathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new ActorArgumentResolver());
    }
}
