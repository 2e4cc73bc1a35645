package co.plaza.app;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Docker cannot run in the build, so the production shape (docker-compose.yml, deploy/) is checked statically. */
class DockerComposeFileTest {

    private static final List<String> APPS = List.of("command-side", "query-side");

    private static final List<String> STORES = List.of("axonserver", "postgres", "elasticsearch", "minio");
    /** A variable compose refuses to start without: {@code ${NAME:?message}}. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{(\\w+):\\?[^}]*}");

    private static Path root;
    private static String text;
    private static Map<String, Object> compose;
    private static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void load() throws IOException {
        root = repositoryRoot();
        text = Files.readString(root.resolve("docker-compose.yml"));
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            compose = new Yaml().load(reader);
            services = (Map<String, Object>) compose.get("services");
        }
        assertThat(services).as("services of docker-compose.yml").isNotNull();
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new AssertionError("docker-compose.yml not found above " + Path.of("").toAbsolutePath());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    /** {@code environment:} as a map, whether written as a map or as a list of KEY=VALUE. */
    private static Map<String, String> environment(String name) {
        Object env = service(name).get("environment");
        Map<String, String> out = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (env instanceof List<?> list) {
            for (Object item : list) {
                String[] kv = String.valueOf(item).split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
        }
        return out;
    }

    /** {@code depends_on:} as names, whether written as a list or as a map with conditions. */
    private static List<String> dependencies(String name) {
        Object deps = service(name).get("depends_on");
        if (deps instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).toList();
        }
        if (deps instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @Test
    void declaresEveryService() {
        assertThat(services).containsKeys("axonserver", "postgres", "elasticsearch", "command-side", "query-side", "gateway");
        assertThat(String.valueOf(service("axonserver").get("image"))).startsWith("axoniq/axonserver:");
        assertThat(String.valueOf(service("postgres").get("image"))).isEqualTo("postgres:16");
        assertThat(String.valueOf(service("elasticsearch").get("image")))
                .startsWith("docker.elastic.co/elasticsearch/elasticsearch:8.19.");
        assertThat(String.valueOf(service("gateway").get("image"))).startsWith("nginx:1.27");
    }

    /** The variable a value requires, failing unless the value is exactly one {@code ${NAME:?message}}. */
    private static String required(String service, String key) {
        String value = environment(service).get(key);
        assertThat(value).as(service + " " + key).isNotNull();
        Matcher m = REQUIRED.matcher(value);
        assertThat(m.matches()).as(service + " " + key + " must be a required variable, not " + value).isTrue();
        return m.group(1);
    }

    @SuppressWarnings("unchecked")
    private static List<String> networks(String name) {
        Object networks = service(name).get("networks");
        if (networks instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).toList();
        }
        return networks instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of("default");
    }

    @Test
    void infrastructureIsConfiguredForASingleNode() {
        assertThat(environment("axonserver")).containsEntry("AXONIQ_AXONSERVER_STANDALONE", "true");
        assertThat(environment("postgres")).containsEntry("POSTGRES_DB", "plaza");
        Map<String, String> es = environment("elasticsearch");
        assertThat(es).containsEntry("discovery.type", "single-node")
                .containsEntry("xpack.security.enabled", "false")
                .containsEntry("cluster.routing.allocation.disk.threshold_enabled", "false");
        assertThat(String.valueOf(service("minio").get("image"))).startsWith("minio/minio:");
        for (String name : STORES) {
            assertThat(service(name)).as(name).containsKey("healthcheck");
        }
    }

    /** Every secret is a variable compose refuses to start without; none has a default anyone could read here. */
    @Test
    void noSecretHasADefault() {
        for (String app : APPS) {
            assertThat(required(app, "PLAZA_JWT_SECRET")).isEqualTo("PLAZA_JWT_SECRET");
            assertThat(required(app, "DATABASE_PASSWORD")).isEqualTo(required("postgres", "POSTGRES_PASSWORD"));
            assertThat(required(app, "AXON_AXONSERVER_TOKEN"))
                    .isEqualTo(required("axonserver", "AXONIQ_AXONSERVER_ACCESSCONTROL_TOKEN"));
            assertThat(required(app, "S3_ACCESS_KEY")).isEqualTo(required("minio", "MINIO_ROOT_USER"));
            assertThat(required(app, "S3_SECRET_KEY")).isEqualTo(required("minio", "MINIO_ROOT_PASSWORD"));
        }
        for (String twilio : List.of("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM_NUMBER")) {
            assertThat(required("command-side", twilio)).isEqualTo(twilio);
        }
        assertThat(environment("command-side")).doesNotContainKey("PLAZA_SMS");
        // anywhere in the file: a secret-looking variable never falls back to a value (empty, i.e. "none", is allowed)
        Matcher defaulted = Pattern.compile("\\$\\{(\\w*(SECRET|PASSWORD|TOKEN|_KEY|SID)\\w*|MINIO_ROOT_USER):?-([^}]+)}")
                .matcher(text);
        List<String> found = new ArrayList<>();
        while (defaulted.find()) {
            found.add(defaulted.group());
        }
        assertThat(found).as("secrets with a default").isEmpty();
        assertThat(text).doesNotContain("plaza-local-only-jwt-secret", "plaza-minio-secret");
    }

    /** The comments at the top name every variable that must be set. */
    @Test
    void theHeaderDocumentsEveryRequiredVariable() {
        StringBuilder header = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.startsWith("#")) {
                break;
            }
            header.append(line).append('\n');
        }
        Matcher m = REQUIRED.matcher(text);
        List<String> names = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
        }
        assertThat(names).contains("PLAZA_JWT_SECRET", "POSTGRES_PASSWORD", "AXON_SERVER_TOKEN", "MINIO_ROOT_USER",
                "MINIO_ROOT_PASSWORD", "TWILIO_ACCOUNT_SID");
        for (String name : names) {
            assertThat(header.toString()).as("the header names " + name).containsPattern("\\b" + name + "\\b");
        }
    }

    /** Only the gateway is published; the stores sit on an internal network the gateway is not on. */
    @Test
    void onlyTheGatewayIsPublished() {
        for (String name : services.keySet()) {
            if (!name.equals("gateway")) {
                assertThat(service(name)).as(name + " publishes no port").doesNotContainKey("ports");
            }
        }
        Map<String, Object> declared = map(compose.get("networks"));
        for (String store : STORES) {
            assertThat(networks(store)).as(store).isNotEmpty().allSatisfy(n ->
                    assertThat(map(declared.get(n))).as("network " + n + " of " + store).containsEntry("internal", true));
        }
        for (String app : APPS) {
            assertThat(networks(app)).as(app).containsAll(networks("postgres")).containsAll(networks("gateway"));
        }
        assertThat(networks("gateway")).doesNotContainAnyElementsOf(networks("axonserver"));
    }

    @Test
    void axonServerRequiresATokenAndIsNotInDevelopmentMode() {
        Map<String, String> axon = environment("axonserver");
        assertThat(axon).containsEntry("AXONIQ_AXONSERVER_ACCESSCONTROL_ENABLED", "true");
        assertThat(axon.getOrDefault("AXONIQ_AXONSERVER_DEVMODE_ENABLED", "false")).isEqualTo("false");
        required("axonserver", "AXONIQ_AXONSERVER_ACCESSCONTROL_TOKEN");
        // its health check still answers with access control on
        assertThat(service("axonserver").get("healthcheck").toString()).contains("AxonIQ-Access-Token");
    }

    @Test
    void minioHasNoConsoleAndNoDefaultCredentials() {
        assertThat(environment("minio")).containsEntry("MINIO_BROWSER", "off");
        assertThat(String.valueOf(service("minio").get("command"))).doesNotContain("console");
        required("minio", "MINIO_ROOT_USER");
        required("minio", "MINIO_ROOT_PASSWORD");
    }

    @Test
    void theApplicationsDependOnTheInfrastructure() {
        for (String app : APPS) {
            assertThat(dependencies(app)).as(app).contains("postgres", "elasticsearch", "axonserver", "minio");
            Object deps = service(app).get("depends_on");
            if (deps instanceof Map<?, ?> conditions) {
                conditions.values().forEach(c -> assertThat(map(c)).as(app).containsEntry("condition", "service_healthy"));
            }
        }
        assertThat(dependencies("gateway")).contains("command-side", "query-side");
    }

    @Test
    void theApplicationsGetTheEnvironmentContract() {
        Map<String, String> command = environment("command-side");
        Map<String, String> query = environment("query-side");
        for (Map<String, String> env : List.of(command, query)) {
            assertThat(env).containsEntry("DATABASE_URL", "jdbc:postgresql://postgres:5432/plaza")
                    .containsEntry("ELASTICSEARCH_URL", "http://elasticsearch:9200")
                    .containsEntry("AXON_AXONSERVER_SERVERS", "axonserver:8124")
                    .containsKeys("DATABASE_USER", "DATABASE_PASSWORD", "PLAZA_JWT_SECRET");
            assertThat(env.get("PLAZA_JWT_SECRET")).isNotBlank();
        }
        // media: the command side writes blobs the query side serves, so both use the same S3 store
        for (String key : List.of("S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY", "S3_SECRET_KEY")) {
            assertThat(command.get(key)).as(key).isNotBlank().isEqualTo(query.get(key));
        }
        assertThat(command.get("S3_ENDPOINT")).isEqualTo("http://minio:9000");
        // tokens signed by the command side must verify on the query side
        assertThat(command.get("PLAZA_JWT_SECRET")).isEqualTo(query.get("PLAZA_JWT_SECRET"));
    }

    @Test
    void theApplicationsAreBuiltFromTheRepositoryWithTheirMainClass() throws IOException {
        String dockerfile = Files.readString(root.resolve("deploy/Dockerfile"));
        assertThat(dockerfile).contains("ARG MODULE", "ARG MAIN_CLASS", "mvnw");
        Map<String, String> mainClasses = Map.of("command-side", "plaza.commandapp.CommandSideApplication",
                "query-side", "plaza.queryapp.QuerySideApplication");
        for (String app : APPS) {
            Map<String, Object> build = map(service(app).get("build"));
            assertThat(build).containsEntry("context", ".").containsEntry("dockerfile", "deploy/Dockerfile");
            Map<String, Object> args = map(build.get("args"));
            assertThat(args).containsEntry("MODULE", app).containsEntry("MAIN_CLASS", mainClasses.get(app));
            Path source = root.resolve(app).resolve("src/main/java")
                    .resolve(mainClasses.get(app).replace('.', '/') + ".java");
            assertThat(source).as("main class of " + app).exists();
            Map<String, Object> health = map(service(app).get("healthcheck"));
            assertThat(health.get("test").toString()).contains("/health/");
        }
    }

    @Test
    void theGatewayPublishes8080WithTheNginxConfiguration() {
        Map<String, Object> gateway = service("gateway");
        List<String> ports = new ArrayList<>();
        ((List<?>) gateway.get("ports")).forEach(p -> ports.add(String.valueOf(p)));
        assertThat(ports).anySatisfy(p -> assertThat(p).matches("(\\d+\\.\\d+\\.\\d+\\.\\d+:)?8080:8080(/tcp)?"));
        assertThat(gateway.get("volumes").toString()).contains("./deploy/nginx.conf:/etc/nginx/nginx.conf");
    }

    @Test
    void nginxRoutesByRequestMethod() throws IOException {
        String conf = Files.readString(root.resolve("deploy/nginx.conf")).replaceAll("(?m)#.*$", "");
        Map<String, String> upstreams = new LinkedHashMap<>();
        Matcher upstream = Pattern.compile("upstream\\s+(\\w+)\\s*\\{[^}]*?server\\s+([\\w.-]+:\\d+)").matcher(conf);
        while (upstream.find()) {
            upstreams.put(upstream.group(1), upstream.group(2));
        }
        String querySide = key(upstreams, "query-side:8080");
        String commandSide = key(upstreams, "command-side:8080");

        Matcher map = Pattern.compile("map\\s+\\$request_method\\s+\\$upstream\\s*\\{([^}]*)}").matcher(conf);
        assertThat(map.find()).as("map $request_method $upstream").isTrue();
        Map<String, String> byMethod = new LinkedHashMap<>();
        for (String line : map.group(1).split(";")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length == 2) {
                byMethod.put(parts[0], parts[1]);
            }
        }
        assertThat(byMethod).containsEntry("GET", querySide).containsEntry("HEAD", querySide);
        assertThat(byMethod.getOrDefault("POST", byMethod.get("default"))).isEqualTo(commandSide);
        for (String write : List.of("PUT", "PATCH", "DELETE")) {
            assertThat(byMethod.getOrDefault(write, byMethod.get("default"))).as(write).isEqualTo(commandSide);
        }
        assertThat(conf).containsPattern("listen\\s+8080\\s*;")
                .containsPattern("location\\s+/\\s*\\{[^}]*proxy_pass\\s+http://\\$upstream\\s*;");
    }

    @Test
    void nginxSendsHealthAndWebSocketsToTheQuerySide() throws IOException {
        String conf = Files.readString(root.resolve("deploy/nginx.conf")).replaceAll("(?m)#.*$", "");
        Matcher health = Pattern.compile("location\\s+(=\\s*)?/health/?\\s*\\{([^}]*)}").matcher(conf);
        assertThat(health.find()).as("location for /health/").isTrue();
        assertThat(health.group(2)).containsPattern("proxy_pass\\s+http://query_side\\s*;");
        Matcher ws = Pattern.compile("location\\s+/ws/\\s*\\{([^}]*)}").matcher(conf);
        assertThat(ws.find()).as("location /ws/").isTrue();
        assertThat(ws.group(1)).containsPattern("proxy_pass\\s+http://query_side\\s*;")
                .containsPattern("proxy_set_header\\s+Upgrade\\s+\\$http_upgrade\\s*;")
                .containsPattern("proxy_set_header\\s+Connection\\s+\\$connection_upgrade\\s*;");
        assertThat(conf).containsPattern("proxy_http_version\\s+1\\.1\\s*;")
                .containsPattern("map\\s+\\$http_upgrade\\s+\\$connection_upgrade");
    }

    /** The event store is read where the aggregates live; projections are listed and replayed where they run. */
    @Test
    void nginxSendsAuditToTheCommandSideAndProjectionAdminToTheQuerySide() throws IOException {
        String conf = Files.readString(root.resolve("deploy/nginx.conf")).replaceAll("(?m)#.*$", "");
        Matcher audit = Pattern.compile("location\\s+/api/audit/\\s*\\{([^}]*)}").matcher(conf);
        assertThat(audit.find()).as("location /api/audit/").isTrue();
        assertThat(audit.group(1)).containsPattern("proxy_pass\\s+http://command_side\\s*;");
        Matcher projections = Pattern.compile("location\\s+/api/admin/projections/?\\s*\\{([^}]*)}").matcher(conf);
        assertThat(projections.find()).as("location /api/admin/projections").isTrue();
        assertThat(projections.group(1)).containsPattern("proxy_pass\\s+http://query_side\\s*;");
    }

    private static String key(Map<String, String> upstreams, String server) {
        return upstreams.entrySet().stream().filter(e -> e.getValue().equals(server)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new AssertionError("no upstream for " + server + " in " + upstreams));
    }
}
