package co.plaza.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressFilterTest {

    private static final TrustedProxies GATEWAY = TrustedProxies.parse("10.0.0.0/8, 192.168.1.7, fd00::/8");

    @Test
    void withoutTrustedProxiesTheForwardedHeaderIsIgnored() {
        TrustedProxies none = TrustedProxies.parse("");
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.client("203.0.113.9", List.of("1.2.3.4"))).isEqualTo("203.0.113.9");
    }

    @Test
    void theRightMostHopThatIsNoTrustedProxyIsTheClient() {
        assertThat(GATEWAY.client("10.1.2.3", List.of("6.6.6.6, 203.0.113.9"))).isEqualTo("203.0.113.9");
        // a second trusted proxy (in the header, and a header given twice) is walked past
        assertThat(GATEWAY.client("10.1.2.3", List.of("6.6.6.6, 203.0.113.9", "192.168.1.7"))).isEqualTo("203.0.113.9");
        assertThat(GATEWAY.client("10.1.2.3", List.of("[2001:db8::1]:4711, fd12::3"))).isEqualTo("2001:db8:0:0:0:0:0:1");
        // only proxies: the left-most; no header: the proxy itself
        assertThat(GATEWAY.client("10.1.2.3", List.of("10.9.9.9, 192.168.1.7"))).isEqualTo("10.9.9.9");
        assertThat(GATEWAY.client("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
        // what is no address, past a trusted proxy, is that hop's key; it never reaches a lookup
        assertThat(GATEWAY.client("10.1.2.3", List.of("1.2.3.4, unknown"))).isEqualTo("unknown");
        assertThat(GATEWAY.client("10.1.2.3", List.of("evil.example.com:80"))).isEqualTo("evil.example.com:80");
    }

    @Test
    void aPeerOutsideTheTrustedRangesIsTheClientWhateverItForwards() {
        assertThat(GATEWAY.client("192.168.1.8", List.of("10.0.0.1"))).isEqualTo("192.168.1.8");
        assertThat(GATEWAY.client("11.0.0.1", List.of("10.0.0.1"))).isEqualTo("11.0.0.1");
        assertThat(GATEWAY.client("fe80::1", List.of("10.0.0.1"))).isEqualTo("fe80:0:0:0:0:0:0:1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "localhost", "10.0.0.0/x", "300.1.1.1", "::1/129"})
    void aBadEntryStopsTheStart(String entry) {
        assertThatThrownBy(() -> TrustedProxies.parse("127.0.0.1," + entry))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(entry);
    }

    @Test
    void afterTheFilterTheRequestAnswersTheClientAndShowsNoForwardedHeaders() throws Exception {
        ClientAddressFilter filter = new ClientAddressFilter(GATEWAY);

        MockHttpServletRequest viaGateway = request("10.0.0.2");
        viaGateway.addHeader("X-Forwarded-For", "6.6.6.6, 203.0.113.9");
        viaGateway.addHeader("X-Forwarded-Proto", "https");
        viaGateway.addHeader("X-Forwarded-Host", "plaza.co");
        HttpServletRequest seen = through(filter, viaGateway);
        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
        assertThat(seen.getRemoteHost()).isEqualTo("203.0.113.9");
        assertThat(seen.getScheme()).isEqualTo("https");
        assertThat(seen.getServerName()).isEqualTo("plaza.co");
        assertThat(seen.getHeader("X-Forwarded-For")).isNull();

        MockHttpServletRequest direct = request("203.0.113.50");
        direct.addHeader("X-Forwarded-For", "6.6.6.6");
        direct.addHeader("X-Forwarded-Host", "evil.example.com");
        seen = through(filter, direct);
        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.50");
        assertThat(seen.getServerName()).isEqualTo("localhost");
        assertThat(seen.getHeader("X-Forwarded-For")).isNull();
        assertThat(seen.getHeader("X-Forwarded-Host")).isNull();
    }

    /**
     * A proxy that sets X-Forwarded-* (the compose gateway's nginx) passes a client's own RFC 7239 {@code Forwarded}
     * header on untouched, and Spring would prefer it: the client would choose the host of every absolute URL we
     * answer (links, media). Only the X-Forwarded-* headers, which the trusted proxy writes itself, count.
     */
    @Test
    void aClientsForwardedHeaderPassedOnByATrustedProxyCountsForNothing() throws Exception {
        MockHttpServletRequest viaGateway = request("10.0.0.2");
        viaGateway.addHeader("Forwarded", "for=6.6.6.6;host=evil.example.com;proto=http");
        viaGateway.addHeader("X-Forwarded-For", "203.0.113.9");
        viaGateway.addHeader("X-Forwarded-Proto", "https");
        viaGateway.addHeader("X-Forwarded-Host", "plaza.co");
        HttpServletRequest seen = through(new ClientAddressFilter(GATEWAY), viaGateway);
        assertThat(seen.getServerName()).isEqualTo("plaza.co");
        assertThat(seen.getScheme()).isEqualTo("https");
        assertThat(seen.getRemoteAddr()).isEqualTo("203.0.113.9");
        assertThat(seen.getHeader("Forwarded")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"NATIVE", "FRAMEWORK"})
    void theContainersOwnForwardedHeaderSupportStopsTheStart(String strategy) {
        ServerProperties server = new ServerProperties();
        server.setForwardHeadersStrategy(ServerProperties.ForwardHeadersStrategy.valueOf(strategy));
        assertThatThrownBy(() -> new WebConfiguration().clientAddressFilter("", server))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PLAZA_TRUSTED_PROXIES");
        server.setForwardHeadersStrategy(ServerProperties.ForwardHeadersStrategy.NONE);
        assertThat(new WebConfiguration().clientAddressFilter("127.0.0.1", server).getFilter()).isNotNull();
    }

    private static MockHttpServletRequest request(String peer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login/");
        request.setRemoteAddr(peer);
        return request;
    }

    private static HttpServletRequest through(ClientAddressFilter filter, MockHttpServletRequest request) throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.set((HttpServletRequest) req);
            }
        });
        return seen.get();
    }
}
