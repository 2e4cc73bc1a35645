package co.plaza.platform.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Plaza's defaults and its environment contract in one place, for every deployable: {@code DATABASE_URL}
 * (JDBC or postgres:// form), {@code ELASTICSEARCH_URL}, and Axon Server only when
 * {@code AXON_AXONSERVER_SERVERS} is set (the JDBC event store on PostgreSQL otherwise). It also turns Axon's update
 * checker off ({@link #disableAxonUpdateChecker}).
 */
public class PlazaEnvironment implements EnvironmentPostProcessor, Ordered {

    /** The switch Axon's update checker reads first (CommandLineUsagePropertyProvider, a JVM system property). */
    static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";
    /** The environment variable it reads next; when an operator set either, theirs is the answer. */
    static final String UPDATE_CHECKER_DISABLED_ENV = "AXONIQ_UPDATE_CHECKER_DISABLED";

    /**
     * Axon 4.13 calls home from every application it runs in, logging a stack trace per failed attempt where there is
     * no way out; Plaza never wants that, in any deployable, so it is off unless explicitly turned on
     * ({@code -Daxoniq.update-checker.disabled=false}).
     */
    static void disableAxonUpdateChecker(Function<String, String> environmentVariables) {
        if (System.getProperty(UPDATE_CHECKER_DISABLED) == null
                && environmentVariables.apply(UPDATE_CHECKER_DISABLED_ENV) == null) {
            System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        }
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        disableAxonUpdateChecker(System::getenv);
        Map<String, Object> derived = new HashMap<>();
        String databaseUrl = env.getProperty("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            DatabaseUrl.Jdbc jdbc = DatabaseUrl.parse(databaseUrl, env.getProperty("DATABASE_USER"),
                    env.getProperty("DATABASE_PASSWORD"));
            derived.put("spring.datasource.url", jdbc.url());
            putIfPresent(derived, "spring.datasource.username", jdbc.username());
            putIfPresent(derived, "spring.datasource.password", jdbc.password());
        }
        String esUrl = env.getProperty("ELASTICSEARCH_URL");
        if (esUrl != null && !esUrl.isBlank()) {
            derived.put("spring.elasticsearch.uris", DatabaseUrl.normaliseElasticsearchUrl(esUrl));
        }
        String servers = env.getProperty("AXON_AXONSERVER_SERVERS");
        derived.put("axon.axonserver.enabled", servers != null && !servers.isBlank());
        env.getPropertySources().addFirst(new MapPropertySource("plazaEnvironment", derived));
        try {
            List<PropertySource<?>> defaults = new YamlPropertySourceLoader()
                    .load("plazaDefaults", new ClassPathResource("config/plaza-defaults.yml"));
            defaults.forEach(env.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
