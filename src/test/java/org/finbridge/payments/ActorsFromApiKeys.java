package org.finbridge.payments;

import java.util.List;
import org.finbridge.party.Actor;
import org.finbridge.party.ApiKey;
import org.finbridge.party.ApiKeys;
import org.finbridge.party.Parties;
import org.finbridge.party.Party;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves the {@link Actor} of a request from its {@code Authorization: Bearer <api key>} header, for
 * the payments HTTP tests, until the platform's own resolver (the access control work on main) is
 * merged into this branch; then this class goes.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ActorsFromApiKeys implements WebMvcConfigurer {

    @Autowired
    ApiKeys keys;
    @Autowired
    Parties parties;

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Actor.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binders) {
                String header = request.getHeader("Authorization");
                ApiKey key = header == null || !header.startsWith("Bearer ") ? null
                        : keys.authenticate(header.substring(7)).orElse(null);
                if (key == null) {
                    throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
                }
                Party party = parties.find(key.partyId()).orElseThrow();
                return new Actor(key.id(), "key:" + key.prefix(), Actor.Channel.API_KEY, party.id(), party.kind(), null,
                        key.scopes());
            }
        });
    }
}
