package co.plaza.platform.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@code DATABASE_URL} into JDBC settings. Accepted forms:
 * <ul>
 *   <li>{@code jdbc:postgresql://host[:port][,host2...]/db[?params]} (user/password params are lifted out)</li>
 *   <li>{@code postgres://[user[:password]@]host[:port][,...]/db[?params]} or {@code postgresql://...}
 *       (Heroku/libpq style; user and password may be percent-encoded)</li>
 * </ul>
 * Explicit {@code DATABASE_USER}/{@code DATABASE_PASSWORD} values win over credentials in the URL. The returned JDBC
 * URL never carries credentials (pgjdbc would let URL parameters override the separately passed ones).
 */
public final class DatabaseUrl {

    /** User name when neither the URL nor DATABASE_USER gives one. */
    public static final String DEFAULT_USER = "postgres";

    private DatabaseUrl() {
    }

    public record Jdbc(String url, String username, String password) {
        @Override
        public String toString() {
            return "Jdbc[url=" + url + ", username=" + username + ", password=" + (password.isEmpty() ? "" : "****") + "]";
        }
    }

    /**
     * @param databaseUrl      the DATABASE_URL value
     * @param userOverride     DATABASE_USER, or null/blank
     * @param passwordOverride DATABASE_PASSWORD, or null (an empty string counts as a given, empty password)
     */
    public static Jdbc parse(String databaseUrl, String userOverride, String passwordOverride) {
        if (databaseUrl == null || databaseUrl.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        String raw = databaseUrl.trim();
        String lower = raw.toLowerCase(java.util.Locale.ROOT);
        String user = null;
        String password = null;
        String jdbcUrl;
        if (lower.startsWith("jdbc:postgresql:")) {
            int q = raw.indexOf('?');
            String base = q < 0 ? raw : raw.substring(0, q);
            Query query = Query.parse(q < 0 ? "" : raw.substring(q + 1));
            user = query.user;
            password = query.password;
            jdbcUrl = base + query.rest();
        } else if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            String rest = raw.substring(raw.indexOf("://") + 3);
            int at = rest.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = rest.substring(0, at);
                rest = rest.substring(at + 1);
                int colon = userInfo.indexOf(':');
                user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
                password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
            }
            int q = rest.indexOf('?');
            String queryString = q < 0 ? "" : rest.substring(q + 1);
            String hostAndPath = q < 0 ? rest : rest.substring(0, q);
            int hash = queryString.indexOf('#');
            if (hash >= 0) {
                queryString = queryString.substring(0, hash);
            }
            int slash = hostAndPath.indexOf('/');
            String hosts = slash < 0 ? hostAndPath : hostAndPath.substring(0, slash);
            String database = slash < 0 ? "" : decode(hostAndPath.substring(slash + 1));
            if (hosts.isEmpty()) {
                hosts = "localhost";
            }
            Query query = Query.parse(queryString);
            if (query.user != null) {
                user = query.user;
            }
            if (query.password != null) {
                password = query.password;
            }
            jdbcUrl = "jdbc:postgresql://" + hosts + "/" + database + query.rest();
        } else {
            throw new IllegalArgumentException("Unsupported DATABASE_URL (expected jdbc:postgresql://..., postgres://... "
                    + "or postgresql://...): " + redact(raw));
        }
        if (userOverride != null && !userOverride.isBlank()) {
            user = userOverride;
        }
        if (passwordOverride != null) {
            password = passwordOverride;
        }
        if (user == null || user.isEmpty()) {
            user = DEFAULT_USER;
        }
        return new Jdbc(jdbcUrl, user, password == null ? "" : password);
    }

    /** Normalises ELASTICSEARCH_URL: adds http:// when no scheme is given and drops trailing slashes. */
    public static String normaliseElasticsearchUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("ELASTICSEARCH_URL is empty");
        }
        String u = url.trim();
        if (!u.contains("://")) {
            u = "http://" + u;
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }

    /** The URL with any password replaced, for messages. */
    static String redact(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1****@").replaceAll("(?i)(password=)[^&]*", "$1****");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static final class Query {
        String user;
        String password;
        final List<String> others = new ArrayList<>();

        static Query parse(String query) {
            Query q = new Query();
            for (String part : query.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String key = eq < 0 ? part : part.substring(0, eq);
                String value = eq < 0 ? "" : decode(part.substring(eq + 1));
                if (key.equals("user")) {
                    q.user = value;
                } else if (key.equals("password")) {
                    q.password = value;
                } else {
                    q.others.add(part);
                }
            }
            return q;
        }

        String rest() {
            return others.isEmpty() ? "" : "?" + String.join("&", others);
        }
    }
}
