package co.plaza.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.ForwardedHeaderFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

/**
 * The one place that decides the client's address: after this filter {@code getRemoteAddr()} is it, for every use
 * (rate limits, logs). Forwarded headers count only from a {@link TrustedProxies trusted proxy}: then
 * {@code X-Forwarded-For} gives the address and {@code X-Forwarded-Proto/Host/Port} the URL the client used;
 * from anyone else they are removed, so nothing later can be fooled by them. (The container's own handling,
 * {@code server.forward-headers-strategy}, believes any client and stays off: {@link WebConfiguration}.)
 */
public class ClientAddressFilter extends OncePerRequestFilter {

    private final TrustedProxies proxies;
    private final ForwardedHeaderFilter apply = new ForwardedHeaderFilter();
    private final ForwardedHeaderFilter remove = new ForwardedHeaderFilter();

    public ClientAddressFilter(TrustedProxies proxies) {
        this.proxies = proxies;
        remove.setRemoveOnly(true);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String peer = request.getRemoteAddr();
        boolean viaProxy = proxies.trusts(peer);
        String client = proxies.client(peer, viaProxy
                ? Collections.list(request.getHeaders("X-Forwarded-For")) : java.util.List.of());
        // a client's own RFC 7239 Forwarded header, which a proxy writing X-Forwarded-* passes on untouched (and
        // Spring would prefer), counts for nothing: only the headers the trusted proxy writes itself do
        (viaProxy ? apply : remove).doFilter(viaProxy ? new WithoutForwarded(request) : request, response,
                (req, res) -> chain.doFilter(new ClientRequest((HttpServletRequest) req, client), res));
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** The request without its {@code Forwarded} header. */
    private static final class WithoutForwarded extends HttpServletRequestWrapper {
        private static final String FORWARDED = "Forwarded";

        WithoutForwarded(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return FORWARDED.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return FORWARDED.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(n -> !FORWARDED.equalsIgnoreCase(n)).toList());
        }
    }

    private static final class ClientRequest extends HttpServletRequestWrapper {
        private final String client;

        ClientRequest(HttpServletRequest request, String client) {
            super(request);
            this.client = client;
        }

        @Override
        public String getRemoteAddr() {
            return client;
        }

        /** Never a reverse lookup. */
        @Override
        public String getRemoteHost() {
            return client;
        }
    }
}
