package co.plaza.platform.web;

import co.plaza.platform.consistency.ConsistentReads;
import co.plaza.platform.context.Caller;
import co.plaza.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;
import java.util.UUID;

/**
 * The web edge's {@link Caller}: the access token's user (or nobody), the request's correlation id and its
 * {@code X-Consistency} header. A controller takes it as a parameter and hands it on; nothing below looks at the
 * request or the security context again.
 */
@Configuration
public class WebCallers implements WebMvcConfigurer {

    public static Caller of(HttpServletRequest request) {
        Object correlation = request.getAttribute(WebConfiguration.CORRELATION_ATTRIBUTE);
        String correlationId = correlation != null ? correlation.toString() : UUID.randomUUID().toString();
        Caller.Consistency consistency = ConsistentReads.eventualRequested(request)
                ? Caller.Consistency.EVENTUAL : Caller.Consistency.READ_YOUR_WRITES;
        return CurrentUser.get()
                .map(user -> Caller.user(user.id(), user.staff(), correlationId, consistency))
                .orElseGet(() -> Caller.anonymous(correlationId, consistency));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                          NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
                return of(webRequest.getNativeRequest(HttpServletRequest.class));
            }
        });
    }
}
