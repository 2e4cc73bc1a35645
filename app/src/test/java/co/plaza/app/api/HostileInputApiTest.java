package co.plaza.app.api;

import co.plaza.platform.blobs.BlobStore;
import co.plaza.platform.test.HttpApi;
import co.plaza.platform.test.RawHttp;
import co.plaza.platform.test.HttpApi.Part;
import co.plaza.platform.test.HttpApi.Response;
import co.plaza.platform.test.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests against every layer (API.md, Conventions): malformed bodies and headers are 4xx in the contract's
 * JSON shape, whatever layer refuses them (Jetty, the security firewall, Spring MVC, our input readers), whatever
 * the client's Accept says, and nothing is a 500.
 */
class HostileInputApiTest extends ApiTest {

    @Autowired
    BlobStore blobs;

    private static final byte[] OVERLONG_SLASH = {'{', '"', 'f', 'i', 'r', 's', 't', '_', 'n', 'a', 'm', 'e', '"', ':',
            '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
    private static final byte[] BAD_BYTE = {'{', '"', 'f', 'i', 'r', 's', 't', '_', 'n', 'a', 'm', 'e', '"', ':', '"',
            'a', (byte) 0xFF, '"', '}'};

    private record Endpoint(String method, String path, String token) {
    }

    private static void detail(Response r, int status) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.header("Content-Type").orElse("")).as(r.toString()).startsWith("application/json");
        assertThat(r.json().path("detail").asText()).as(r.toString()).isNotBlank();
    }

    private static void naming(Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().path(field).isArray()).as(r.toString()).isTrue();
        assertThat(r.json().path(field).get(0).asText()).as(r.toString()).isNotBlank();
    }

    private Response bytes(Endpoint e, byte[] content, String... headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = "application/json";
        return api.raw(e.method(), e.path(), HttpRequest.BodyPublishers.ofByteArray(content), e.token(), all);
    }

    private List<Endpoint> writeEndpoints() {
        Account user = account("hostil", "specialist");
        JsonNode ad = api.post("/api/adds/", body("title", "Bicicleta", "condition", "new"), user.token()).json();
        String media = api.multipart("/api/media/", List.of(Part.file("file", "a.png", "image/png",
                TestFiles.png(3, 3))), user.token()).text("id");
        await(() -> api.get("/api/profiles/specialists/by-user/" + user.id() + "/", user.token()).status() == 200,
                "the sign-up saga provisions the specialist profile");
        String profile = api.get("/api/profiles/specialists/by-user/" + user.id() + "/", user.token()).text("id");
        return List.of(new Endpoint("POST", "/api/auth/register/", null),
                new Endpoint("PATCH", "/api/auth/users/" + user.id() + "/", user.token()),
                new Endpoint("PATCH", "/api/profiles/specialists/" + profile + "/", user.token()),
                new Endpoint("POST", "/api/adds/", user.token()),
                new Endpoint("PATCH", "/api/adds/" + ad.path("id").asText() + "/", user.token()),
                new Endpoint("PATCH", "/api/media/" + media + "/", user.token()));
    }

    @Test
    void malformedBodiesAre400sOnEveryWriteEndpoint() {
        for (Endpoint e : writeEndpoints()) {
            detail(api.send(e.method(), e.path(), "{\"first_name\": \"a\"}{\"b\": 2}", e.token()), 400);
            detail(api.send(e.method(), e.path(), "{\"first_name\": \"a\"} x", e.token()), 400);
            detail(api.send(e.method(), e.path(), "null", e.token()), 400);
            detail(api.send(e.method(), e.path(), "[]", e.token()), 400);
            detail(bytes(e, BAD_BYTE), 400);
            detail(bytes(e, OVERLONG_SLASH), 400);
            detail(bytes(e, BAD_BYTE, "Accept-Language", "en"), 400);
        }
    }

    @Test
    void textFieldsRefuseBooleansAndNumbersAndHugeNumbersNameTheirField() {
        List<Endpoint> endpoints = writeEndpoints();
        Endpoint register = endpoints.get(0);
        Endpoint user = endpoints.get(1);
        Endpoint profile = endpoints.get(2);
        Endpoint createAd = endpoints.get(3);
        Endpoint media = endpoints.get(5);

        naming(api.send(user.method(), user.path(), body("username", true), user.token()), "username");
        naming(api.send(user.method(), user.path(), body("first_name", 12), user.token()), "first_name");
        assertThat(api.get(user.path(), user.token()).text("username")).isNotEqualTo("true");
        naming(api.send(register.method(), register.path(), body("username", false, "email", "x@example.com",
                "password", PASSWORD, "phone_number", phone(), "role", "consumer"), null), "username");
        naming(api.send(profile.method(), profile.path(), body("profession", 3.5), profile.token()), "profession");
        naming(api.send(createAd.method(), createAd.path(), body("title", true, "condition", "new"), createAd.token()),
                "title");

        String digits = "9".repeat(2000);
        naming(api.send(createAd.method(), createAd.path(), "{\"title\": \"Mesa\", \"condition\": \"new\", \"price\": "
                + digits + "}", createAd.token()), "price");
        naming(api.send(media.method(), media.path(), "{\"order\": " + digits + "}", media.token()), "order");
        // a whole number past a long must not wrap round to a small one
        naming(api.send(media.method(), media.path(), "{\"order\": 18446744073709551617}", media.token()), "order");
        naming(api.send(profile.method(), profile.path(), "{\"hourly_rate\": " + digits + "}", profile.token()),
                "hourly_rate");
    }

    @Test
    void bodiesPastTheCapAre413WithTheContractsJson() {
        Endpoint register = new Endpoint("POST", "/api/auth/register/", null);
        String big = "{\"username\": \"" + "a".repeat(1024 * 1024 + 10) + "\"}";
        detail(api.send("POST", register.path(), big, null), 413);
        // streamed, without a Content-Length
        Response chunked = api.raw("POST", register.path(), HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))), null,
                "Content-Type", "application/json");
        detail(chunked, 413);
    }

    @Test
    void malformedIfMatchIsA400NamingTheHeader() {
        Account user = account("ifmatch", "consumer");
        JsonNode ad = api.post("/api/adds/", body("title", "Bicicleta", "condition", "new"), user.token()).json();
        String path = "/api/adds/" + ad.path("id").asText() + "/";
        for (String bad : new String[]{"\"\"", "W/\"\"", "\"3", "abc def", "\"1\" junk", ","}) {
            naming(api.patch(path, body("title", "Bicicleta roja"), user.token(), "If-Match", bad), "If-Match");
        }
        assertThat(api.patch(path, body("title", "Bicicleta azul"), user.token(), "If-Match", "\"999\"").status())
                .isEqualTo(409);
        Response ok = api.patch(path, body("title", "Bicicleta verde"), user.token(), "If-Match",
                api.get(path, user.token()).header("ETag").orElseThrow());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(api.patch(path, body("title", "Bicicleta gris"), user.token(), "If-Match", "*").status())
                .isEqualTo(200);
    }

    /** A request written byte by byte, as no well-behaved client would send it. */
    private RawHttp.Response rawRequest(String requestLine, String... headers) throws IOException {
        return RawHttp.send(port, null, requestLine, List.of(headers), null);
    }

    private static void jsonError(RawHttp.Response r, int... statuses) {
        assertThat(r.status()).as(r.toString()).isIn(java.util.Arrays.stream(statuses).boxed().toList());
        assertThat(r.headers().getOrDefault("content-type", "")).as(r.toString()).startsWith("application/json");
        assertThat(r.json().path("detail").asText()).as(r.toString()).isNotBlank();
        assertThat(r.json().size()).as(r.toString()).isEqualTo(1);
    }

    @Test
    void everyLayersErrorsAreTheContractsJson() throws IOException {
        for (String path : new String[]{"/api/adds/../x/", "/api/%2e%2e%2fadds/", "/api/adds/%00/", "/api/%/",
                "/api/adds/%2e%2e/", "/api/adds/..%2f..%2fetc/passwd", "/api/adds/%zz/", "/media/..;/x"}) {
            for (String accept : new String[]{"application/json", "text/html"}) {
                jsonError(rawRequest("GET " + path + " HTTP/1.1", "Accept: " + accept), 400, 404);
            }
        }
        jsonError(rawRequest("GET /api/adds/ HTTP/1.1", "X-Huge: " + "a".repeat(64 * 1024)), 400, 431);
        jsonError(rawRequest("GET /api/adds/?q=" + "a".repeat(64 * 1024) + " HTTP/1.1"), 400, 414);
        jsonError(rawRequest("BREW /api/adds/ HTTP/1.1"), 400, 401, 405);
        jsonError(rawRequest("GET /media/no/where/ HTTP/1.1", "Accept: text/html"), 404);

        Response html = api.get("/api/adds/", null, "Accept", "text/html");
        detail(html, 406);
        Response htmlError = api.get("/api/adds/?page=0", null, "Accept", "text/html");
        detail(htmlError, 404);
        Response htmlAuth = api.get("/api/follows/", null, "Accept", "text/html");
        detail(htmlAuth, 401);
        assertThat(htmlAuth.json().path("detail").asText()).as("Spanish by default, before the servlet too")
                .isEqualTo("Las credenciales de autenticación no se proveyeron.");
        assertThat(api.get("/api/follows/", null, "Accept-Language", "en").json().path("detail").asText())
                .isEqualTo("Authentication credentials were not provided.");
        for (String accept : new String[]{"*/*;q=abc", "application/json;q=", "&&&", "text/html;q=1e999"}) {
            Response r = api.get("/api/adds/", null, "Accept", accept);
            assertThat(r.status()).as(accept + " " + r).isEqualTo(200);
            assertThat(r.json().has("results")).isTrue();
            Response missing = api.get("/api/adds/" + UUID.randomUUID() + "/", null, "Accept", accept);
            detail(missing, 404);
        }
        Response wrongType = api.raw("POST", "/api/auth/login/", HttpRequest.BodyPublishers.ofString("a=b"), null,
                "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html");
        detail(wrongType, 415);
    }

    @Test
    void rangesWithHugeNumbersAreServedOrRefusedNever500() {
        Account user = account("rango", "consumer");
        byte[] video = TestFiles.mp4(4096);
        String url = api.multipart("/api/media/", List.of(Part.file("file", "v.mp4", "video/mp4", video)),
                user.token()).text("url");
        String huge = "99999999999999999999";

        HttpResponse<byte[]> pastTheEnd = api.bytes("GET", url, null, "Range", "bytes=" + huge + "-");
        assertThat(pastTheEnd.statusCode()).isEqualTo(416);
        assertThat(pastTheEnd.headers().firstValue("Content-Range")).hasValue("bytes */4096");
        HttpResponse<byte[]> toHugeEnd = api.bytes("GET", url, null, "Range", "bytes=100-" + huge);
        assertThat(toHugeEnd.statusCode()).isEqualTo(206);
        assertThat(toHugeEnd.headers().firstValue("Content-Range")).hasValue("bytes 100-4095/4096");
        HttpResponse<byte[]> hugeSuffix = api.bytes("GET", url, null, "Range", "bytes=-" + huge);
        assertThat(hugeSuffix.statusCode()).isEqualTo(206);
        assertThat(hugeSuffix.body()).isEqualTo(video);
        HttpResponse<byte[]> both = api.bytes("GET", url, null, "Range", "bytes=" + huge + "-" + huge + "9");
        assertThat(both.statusCode()).isEqualTo(416);
    }

    @Test
    void pagesWhoseOffsetOverflowsArePastTheEnd() {
        Account user = account("paginas", "consumer");
        String admin = adminToken();
        for (String page : new String[]{"21474837", "2147483647"}) {
            String q = "?page=" + page + "&page_size=100";
            for (String path : new String[]{"/api/adds/", "/api/adds/?search=bici&", "/api/adds/my_adds/",
                    "/api/adds/following_adds/", "/api/categories/", "/api/follows/", "/api/media/",
                    "/api/profiles/specialists/", "/api/profiles/businessmen/?search=x&", "/api/auth/users/",
                    "/api/auth/users/?search=a&", "/api/adds/nearby/?lat=4.6&lon=-74.1&"}) {
                String url = path.endsWith("&") ? path + q.substring(1) : path + q;
                Response r = api.get(url, path.startsWith("/api/auth/users") ? admin : user.token());
                assertThat(r.status()).as(url + " " + r).isEqualTo(404);
                assertThat(r.json().path("detail").asText()).isEqualTo("Página inválida.");
            }
        }
        Response clamped = api.get("/api/adds/?page_size=1000000", null);
        assertThat(clamped.status()).isEqualTo(200);
        assertThat(clamped.json().path("results").size()).isLessThanOrEqualTo(100);
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void searchIsBoundedInWordsAndLengthOnEveryList() {
        String admin = adminToken();
        String eleven = String.join(" ", java.util.Collections.nCopies(11, "bici"));
        String ten = String.join(" ", java.util.Collections.nCopies(10, "bicicletas1234567"));
        String longest = "b".repeat(100);
        // one character that folds (NFKD) into four: 400 characters after folding
        String expanding = "\u337F".repeat(100);
        for (String path : new String[]{"/api/adds/?", "/api/adds/nearby/?lat=4.6&lon=-74.1&", "/api/auth/users/?",
                "/api/profiles/specialists/?", "/api/profiles/businessmen/?"}) {
            naming(api.get(path + "search=" + q(eleven), admin), "search");
            naming(api.get(path + "search=" + q(expanding), admin), "search");
            naming(api.get(path + "search=" + q("b".repeat(101)), admin), "search");
            for (String fine : new String[]{ten, longest, "teléfono  samsung"}) {
                Response r = api.get(path + "search=" + q(fine), admin);
                assertThat(r.status()).as(path + fine + " " + r).isEqualTo(200);
            }
        }
    }

    private Set<String> blobKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        blobs.list("media/", b -> keys.add(b.key()));
        return keys;
    }

    @Test
    void workImageBatchesPastACapAreRefusedBeforeAnythingIsStored() throws IOException {
        Account specialist = account("obras", "specialist");
        await(() -> api.get("/api/profiles/specialists/by-user/" + specialist.id() + "/", specialist.token())
                .status() == 200, "the sign-up saga provisions the specialist profile");
        String profile = api.get("/api/profiles/specialists/by-user/" + specialist.id() + "/", specialist.token())
                .text("id");
        String path = "/api/profiles/specialists/" + profile + "/upload_work_images/";
        Set<String> before = blobKeys();

        List<Part> tooMany = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            tooMany.add(Part.file("files", i + ".png", "image/png", TestFiles.png(2 + i, 2)));
        }
        Response overCount = api.multipart(path, tooMany, specialist.token());
        assertThat(overCount.status()).as(overCount.toString()).isEqualTo(400);
        assertThat(overCount.json().path("detail").asText()).contains("30");

        // the oversized file comes last: it is refused before the first one is read
        Response oversized = api.multipart(path, List.of(Part.file("files", "a.png", "image/png", TestFiles.png(4, 4)),
                Part.file("files", "big.jpg", "image/jpeg", TestFiles.brokenJpeg(10 * 1024 * 1024 + 1))),
                specialist.token());
        detail(oversized, 413);
        assertThat(blobKeys()).as("all or none").isEqualTo(before);
        assertThat(api.get("/api/profiles/specialists/" + profile + "/", null).json().path("work_images")).isEmpty();

        // a request past the total cap is refused on its headers, its body never read
        RawHttp.Response early = rawRequest("POST " + path + " HTTP/1.1", "Authorization: Bearer " + specialist.token(),
                "Content-Type: multipart/form-data; boundary=x", "Content-Length: " + (400L * 1024 * 1024));
        jsonError(early, 413);
        assertThat(blobKeys()).isEqualTo(before);
    }
}
