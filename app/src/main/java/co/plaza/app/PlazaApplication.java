package co.plaza.app;

import co.plaza.devservices.DevServices;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.nio.file.Path;

/**
 * The all-in-one deployable: command side, projections and query side in one JVM. With no
 * {@code DATABASE_URL} / {@code ELASTICSEARCH_URL} it starts and manages embedded PostgreSQL and
 * Elasticsearch under {@code PLAZA_DATA_DIR}. It is the development deployable ({@code plaza.development}): it may
 * generate its own JWT key and log reset codes instead of sending them, which the split deployables refuse.
 */
@SpringBootApplication(scanBasePackages = "co.plaza")
@EnableScheduling
// the development deployable: see the file
@PropertySource("classpath:config/plaza-development.properties")
public class PlazaApplication {

    public static void main(String[] args) {
        Path dataDir = dataDir();
        DevServices.Endpoints endpoints = DevServices.ensure(dataDir);
        System.setProperty("plaza.data-dir", dataDir.toString());
        // configured DATABASE_URL / ELASTICSEARCH_URL are read by PlazaEnvironment; only the embedded ones are set here
        if (isUnset("DATABASE_URL")) {
            System.setProperty("spring.datasource.url", endpoints.jdbcUrl());
            System.setProperty("spring.datasource.username", endpoints.username());
            System.setProperty("spring.datasource.password", endpoints.password());
        }
        if (isUnset("ELASTICSEARCH_URL")) {
            System.setProperty("spring.elasticsearch.uris", endpoints.elasticsearchUrl());
        }
        try {
            SpringApplication.run(PlazaApplication.class, args);
        } catch (RuntimeException e) {
            // the embedded services' threads would keep a failed platform alive; the shutdown hook stops them
            System.exit(1);
        }
    }

    private static boolean isUnset(String variable) {
        String value = System.getenv(variable);
        return value == null || value.isBlank();
    }

    static Path dataDir() {
        String configured = System.getenv("PLAZA_DATA_DIR");
        return (configured != null && !configured.isBlank() ? Path.of(configured) : Path.of(".plaza-data"))
                .toAbsolutePath().normalize();
    }
}
