package co.plaza.platform.consistency;

import co.plaza.platform.context.Caller;
import co.plaza.platform.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * API.md: a read by an authenticated caller waits (bounded) for that caller's own last write;
 * {@code X-Consistency: eventual} skips the wait; past the bound the answer says {@code X-Consistency-Stale: true}.
 */
@Configuration
public class ConsistentReads implements WebMvcConfigurer {

    public static final String HEADER = "X-Consistency";
    public static final String STALE_HEADER = "X-Consistency-Stale";

    private final ConsistencyGate gate;

    public ConsistentReads(ConsistencyGate gate) {
        this.gate = gate;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (handler instanceof HandlerMethod && "GET".equals(request.getMethod())
                        && !eventualRequested(request)) {
                    CurrentUser.get().ifPresent(user -> {
                        if (!gate.awaitCaller(user.id())) {
                            response.setHeader(STALE_HEADER, "true");
                        }
                    });
                }
                return true;
            }
        }).addPathPatterns("/api/**");
    }

    /** Whether a request asked not to wait ({@code X-Consistency: eventual}), for reads and writes alike. */
    public static boolean eventualRequested(HttpServletRequest request) {
        return "eventual".equalsIgnoreCase(request.getHeader(HEADER));
    }

    /**
     * For a write's own answer: wait for the caller's write before reading what the read side shows (a caller
     * acting as a user not signed in yet, as registration and login do, waits for that user's write).
     */
    public void awaitWriteOf(Caller caller, HttpServletResponse response) {
        if (caller.isAuthenticated() && !caller.wantsEventual() && !gate.awaitCaller(caller.actorId())) {
            response.setHeader(STALE_HEADER, "true");
        }
    }
}
