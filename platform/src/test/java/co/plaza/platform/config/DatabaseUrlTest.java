package co.plaza.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    private static DatabaseUrl.Jdbc parse(String url) {
        return DatabaseUrl.parse(url, null, null);
    }

    @Test
    void jdbcUrlIsKeptAndDefaultsApply() {
        DatabaseUrl.Jdbc j = parse("jdbc:postgresql://db.example:5432/plaza");
        assertThat(j.url()).isEqualTo("jdbc:postgresql://db.example:5432/plaza");
        assertThat(j.username()).isEqualTo(DatabaseUrl.DEFAULT_USER);
        assertThat(j.password()).isEmpty();
    }

    @Test
    void credentialsAreLiftedOutOfJdbcParameters() {
        DatabaseUrl.Jdbc j = parse("jdbc:postgresql://db/plaza?user=alice&ssl=true&password=s%3Dcret&connectTimeout=5");
        assertThat(j.url()).isEqualTo("jdbc:postgresql://db/plaza?ssl=true&connectTimeout=5");
        assertThat(j.username()).isEqualTo("alice");
        assertThat(j.password()).isEqualTo("s=cret");
    }

    @Test
    void explicitUserAndPasswordWin() {
        DatabaseUrl.Jdbc j = DatabaseUrl.parse("postgres://alice:one@db/plaza", "bob", "two");
        assertThat(j.username()).isEqualTo("bob");
        assertThat(j.password()).isEqualTo("two");
        DatabaseUrl.Jdbc k = DatabaseUrl.parse("jdbc:postgresql://db/plaza", "carol", "");
        assertThat(k.username()).isEqualTo("carol");
        assertThat(k.password()).isEmpty();
        DatabaseUrl.Jdbc l = DatabaseUrl.parse("postgres://alice:one@db/plaza", " ", null);
        assertThat(l.username()).isEqualTo("alice");
        assertThat(l.password()).isEqualTo("one");
    }

    @Test
    void herokuStyleUrlIsConverted() {
        DatabaseUrl.Jdbc j = parse("postgres://u:p%40ss+w@host.example:6543/my_db?sslmode=require");
        assertThat(j.url()).isEqualTo("jdbc:postgresql://host.example:6543/my_db?sslmode=require");
        assertThat(j.username()).isEqualTo("u");
        assertThat(j.password()).isEqualTo("p@ss+w");
    }

    @Test
    void postgresqlSchemeWithoutCredentialsOrPort() {
        assertThat(parse("postgresql://localhost/plaza").url()).isEqualTo("jdbc:postgresql://localhost/plaza");
        DatabaseUrl.Jdbc j = parse("postgresql://bob@dbhost");
        assertThat(j.url()).isEqualTo("jdbc:postgresql://dbhost/");
        assertThat(j.username()).isEqualTo("bob");
        assertThat(parse("postgres:///plaza").url()).isEqualTo("jdbc:postgresql://localhost/plaza");
    }

    @Test
    void ipv6MultiHostAndUnencodedAt() {
        assertThat(parse("postgres://u:p@[::1]:5432/db").url()).isEqualTo("jdbc:postgresql://[::1]:5432/db");
        assertThat(parse("postgresql://u@h1:5432,h2:5433/db?targetServerType=primary").url())
                .isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db?targetServerType=primary");
        DatabaseUrl.Jdbc j = parse("postgres://u:p@ss/w:rd@host:5432/db");
        assertThat(j.password()).isEqualTo("p@ss/w:rd");
        assertThat(j.url()).isEqualTo("jdbc:postgresql://host:5432/db");
    }

    @Test
    void schemeIsCaseInsensitiveAndWhitespaceTrimmed() {
        assertThat(parse("  POSTGRES://u:p@h:1/d  ").url()).isEqualTo("jdbc:postgresql://h:1/d");
    }

    @Test
    void otherDatabasesAreRejectedWithoutLeakingThePassword() {
        assertThatThrownBy(() -> parse("mysql://root:topsecret@db/plaza"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mysql://root:****@db/plaza")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> parse("jdbc:mysql://db/plaza?password=topsecret"))
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void elasticsearchUrlIsNormalised() {
        assertThat(DatabaseUrl.normaliseElasticsearchUrl("http://localhost:9200/")).isEqualTo("http://localhost:9200");
        assertThat(DatabaseUrl.normaliseElasticsearchUrl("es.example:9200")).isEqualTo("http://es.example:9200");
        assertThat(DatabaseUrl.normaliseElasticsearchUrl("https://es.example")).isEqualTo("https://es.example");
    }
}
