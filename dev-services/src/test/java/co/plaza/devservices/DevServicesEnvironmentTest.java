package co.plaza.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DevServicesEnvironmentTest {

    /** Configured services are passed on as given (the platform parses them); nothing is started for them. */
    @Test
    void environmentEndpointsNeedNoDataDirectoryAndStartNothing() {
        DevServices.Endpoints e = DevServices.ensure(null, Map.of(
                "DATABASE_URL", "postgres://u:secret@db:5433/plaza",
                "DATABASE_USER", "u",
                "DATABASE_PASSWORD", "secret",
                "ELASTICSEARCH_URL", "http://es:9200/"));
        assertThat(e).isEqualTo(new DevServices.Endpoints("postgres://u:secret@db:5433/plaza", "u", "secret",
                "http://es:9200/"));
        assertThat(e.toString()).doesNotContain("secret@").doesNotContain("password=secret");
        assertThat(e.asEnvironment()).containsExactly(
                Map.entry("DATABASE_URL", "postgres://u:secret@db:5433/plaza"),
                Map.entry("DATABASE_USER", "u"),
                Map.entry("DATABASE_PASSWORD", "secret"),
                Map.entry("ELASTICSEARCH_URL", "http://es:9200/"));
    }
}
