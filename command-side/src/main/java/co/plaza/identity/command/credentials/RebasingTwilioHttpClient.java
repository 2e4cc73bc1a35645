package co.plaza.identity.command.credentials;

import com.twilio.http.HttpMethod;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Twilio's HTTP client, but every request goes to {@code baseUrl} (scheme, host, port and an optional path
 * prefix) with the SDK's path kept, so tests and local stacks can stand in for api.twilio.com.
 * A null or blank base URL means no rewriting at all.
 */
final class RebasingTwilioHttpClient extends NetworkHttpClient implements AutoCloseable {

    private final String base;

    RebasingTwilioHttpClient(String baseUrl) {
        this.base = parseBase(baseUrl);
    }

    boolean rewrites() {
        return base != null;
    }

    @Override
    public Response makeRequest(Request request) {
        return super.makeRequest(base == null ? request : rebase(request));
    }

    Request rebase(Request original) {
        // constructURL() applies the SDK's region/edge host logic and path encoding; only the path is kept.
        String path = original.constructURL().getPath();
        Request copy = new FixedUrlRequest(original.getMethod(), base + path);
        if (original.getUsername() != null && original.getPassword() != null) {
            copy.setAuth(original.getUsername(), original.getPassword());
        } else if (original.getAuthStrategy() != null) {
            copy.setAuth(original.getAuthStrategy());
        }
        copyParams(original.getQueryParams(), copy::addQueryParam);
        copyParams(original.getPostParams(), copy::addPostParam);
        copyParams(original.getHeaderParams(), copy::addHeaderParam);
        copy.setContentType(original.getContentType());
        copy.setBody(original.getBody());
        copy.setFormParameters(original.getFormParameters());
        copy.setUserAgentExtensions(original.getUserAgentExtensions());
        return copy;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyParams(Map<String, List<String>> from, BiConsumer<String, String> to) {
        from.forEach((name, values) -> values.forEach(value -> to.accept(name, value)));
    }

    private static String parseBase(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        URI uri = URI.create(baseUrl.strip());
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("Twilio API base URL must be http(s)://host[:port][/prefix]: " + baseUrl);
        }
        String prefix = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        return uri.getScheme() + "://" + uri.getRawAuthority() + prefix;
    }

    /** The SDK would otherwise re-split the host into product/edge/region/domain, mangling e.g. 127.0.0.1. */
    private static final class FixedUrlRequest extends Request {

        FixedUrlRequest(HttpMethod method, String url) {
            super(method, url);
        }

        @Override
        protected String buildURL() {
            return url;
        }
    }
}
