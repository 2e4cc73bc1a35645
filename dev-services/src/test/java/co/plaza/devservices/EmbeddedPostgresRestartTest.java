package co.plaza.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresRestartTest {

    @TempDir
    Path tmp;

    @Test
    void secondStartReusesTheData() throws Exception {
        Path data = tmp.resolve("postgres");
        Path log = tmp.resolve("run/postgres.log");
        long t0 = System.nanoTime();
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, log)) {
            System.out.printf("first PostgreSQL start (initdb) took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            try (Connection c = connect(pg); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (id int PRIMARY KEY, name text)");
                st.execute("INSERT INTO kept VALUES (1, 'still here')");
            }
        }
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
        assertThat(data.resolve("PG_VERSION")).exists();

        t0 = System.nanoTime();
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, log)) {
            System.out.printf("second PostgreSQL start took %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            try (Connection c = connect(pg); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name FROM kept WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("still here");
            }
        }
        assertThat(Files.readString(log)).contains("database system is ready to accept connections");
    }

    @Test
    void thePlatformsClusterWaitsForTheDiskOnCommitUnlessItIsThrowaway() throws Exception {
        String previous = System.clearProperty(EmbeddedPostgresServer.THROWAWAY);
        try {
            try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(tmp.resolve("durable"), tmp.resolve("run/d.log"))) {
                assertThat(setting(pg, "synchronous_commit")).isEqualTo("on");
            }
            System.setProperty(EmbeddedPostgresServer.THROWAWAY, "true");
            try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(tmp.resolve("fast"), tmp.resolve("run/f.log"))) {
                assertThat(setting(pg, "synchronous_commit")).isEqualTo("off");
            }
        } finally {
            if (previous == null) {
                System.clearProperty(EmbeddedPostgresServer.THROWAWAY);
            } else {
                System.setProperty(EmbeddedPostgresServer.THROWAWAY, previous);
            }
        }
    }

    private static String setting(EmbeddedPostgresServer pg, String name) throws Exception {
        try (Connection c = connect(pg); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void stalePidFileOfADeadProcessIsIgnored() throws Exception {
        Path data = tmp.resolve("postgres");
        Path log = tmp.resolve("run/postgres.log");
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, log)) {
            assertThat(pg.postmasterPid()).isPresent();
        }
        // A postmaster.pid naming a live process that is not postgres (pid reused after a crash).
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        try {
            Files.writeString(data.resolve("postmaster.pid"), unrelated.pid() + "\n" + data + "\n");
            try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(data, log);
                 Connection c = connect(pg); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                assertThat(rs.next()).isTrue();
            }
            assertThat(unrelated.isAlive()).as("an unrelated process must not be killed").isTrue();
        } finally {
            unrelated.destroyForcibly();
        }
    }

    private static Connection connect(EmbeddedPostgresServer pg) throws Exception {
        return DriverManager.getConnection(pg.jdbcUrl(), EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
    }
}
