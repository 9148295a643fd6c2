package org.finbridge.party.internal.security;

import org.finbridge.party.Actor;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets a handler take the authenticated {@link Actor} as a parameter. */
final class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Actor.class;
    }

    @Override
    public Actor resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                 WebDataBinderFactory binderFactory) {
        // the access interceptor has already refused unauthenticated calls to API handlers
        return ActorAuthentication.current()
                .orElseThrow(() -> new IllegalStateException("no authenticated actor for " + parameter.getExecutable()));
    }
}
