package co.plaza.platform.test;

import co.plaza.devservices.DevServices;
import co.plaza.platform.config.DatabaseUrl;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Points a test context at the build's one PostgreSQL and Elasticsearch (DATABASE_URL / ELASTICSEARCH_URL, or
 * embedded ones started once per JVM), in a database and index prefix of this JVM's own, so the modules'
 * test runs never see each other's data.
 */
public class PlazaTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String ISOLATED = "plazaTestIsolated";
    private static Map<String, Object> properties;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var sources = context.getEnvironment().getPropertySources();
        MapPropertySource shared = new MapPropertySource("plazaTest", properties());
        if (sources.contains(ISOLATED)) {
            sources.addAfter(ISOLATED, shared);
        } else {
            sources.addFirst(shared);
        }
    }

    /**
     * For a context whose settings differ from the shared one's: a database and index prefix of its own, since two
     * contexts of one JVM would otherwise run the same processors on the same tokens (a JVM is one token owner).
     * Listed after {@link PlazaTestEnvironment} in {@code @ContextConfiguration(initializers = ...)}, or alone.
     */
    public static class Isolated implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            var sources = context.getEnvironment().getPropertySources();
            sources.remove("plazaTest");
            sources.addFirst(new MapPropertySource(ISOLATED, fresh()));
            sources.addAfter(ISOLATED, new MapPropertySource("plazaTest", properties()));
        }
    }

    public static synchronized Map<String, Object> properties() {
        if (properties == null) {
            properties = fresh();
        }
        return properties;
    }

    private static Map<String, Object> fresh() {
        DevServices.Endpoints services = DevServices.ensureForTests();
        // DATABASE_URL may be given in either form (jdbc: or postgres://); the platform's parser decides
        DatabaseUrl.Jdbc jdbc = DatabaseUrl.parse(services.jdbcUrl(), services.username(), services.password());
        DevServices.Endpoints endpoints = new DevServices.Endpoints(jdbc.url(), jdbc.username(), jdbc.password(),
                DatabaseUrl.normaliseElasticsearchUrl(services.elasticsearchUrl()));
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String database = "plaza_test_" + suffix;
        try (Connection c = DriverManager.getConnection(endpoints.jdbcUrl(), endpoints.username(), endpoints.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database", e);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("spring.datasource.url", endpoints.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"));
        p.put("spring.datasource.username", endpoints.username());
        p.put("spring.datasource.password", endpoints.password() == null ? "" : endpoints.password());
        p.put("spring.elasticsearch.uris", endpoints.elasticsearchUrl());
        p.put("plaza.elasticsearch.index-prefix", "t" + suffix + "_");
        p.put("plaza.jwt.secret", "plaza-tests-" + UUID.randomUUID());
        try {
            p.put("plaza.data-dir", Files.createTempDirectory("plaza-test-data").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        p.put("axon.axonserver.enabled", "false");
        return p;
    }
}
