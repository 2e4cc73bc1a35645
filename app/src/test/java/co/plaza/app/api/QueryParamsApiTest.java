package co.plaza.app.api;

import co.plaza.platform.test.HttpApi.Response;
import org.junit.jupiter.api.Test;

import co.plaza.platform.test.HttpApi.Part;
import co.plaza.platform.test.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile query strings against every list of the read API: a bad parameter is a 400 naming it (DRF's field
 * error shape), a page that does not exist is DRF's 404 "Invalid page.", and nothing is a 500.
 */
class QueryParamsApiTest extends ApiTest {

    private void badRequestNaming(Response r, String... parameters) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().fieldNames()).toIterable().containsExactlyInAnyOrder(parameters);
        for (String p : parameters) {
            assertThat(r.json().path(p).isArray()).as(r.toString()).isTrue();
            assertThat(r.json().path(p).get(0).asText()).as(r.toString()).isNotBlank();
        }
    }

    private void invalidPage(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(404);
        assertThat(r.json().path("detail").asText()).isEqualTo("Página inválida.");
    }

    @Test
    void pagesThatDoNotExistAreDrfs404AndSizesFallBackOrClamp() {
        for (String page : new String[]{"99999999999999999999", "0", "-1", "abc", "1.5", "2147483647"}) {
            invalidPage(api.get("/api/adds/?page=" + page + "&page_size=100", null));
        }
        invalidPage(api.get("/api/adds/?search=x&page=2147483647&page_size=100", null));
        invalidPage(api.get("/api/adds/nearby/?lat=4.6&lon=-74.1&page=2147483647", null));
        for (String size : new String[]{"0", "-5", "abc", "99999999999999999999"}) {
            Response r = api.get("/api/adds/?page_size=" + size, null);
            assertThat(r.status()).as(size).isEqualTo(200);
            assertThat(r.json().path("results").size()).isLessThanOrEqualTo(20);
        }
        assertThat(api.get("/api/adds/?page_size=5000", null).status()).isEqualTo(200);
        String admin = adminToken();
        invalidPage(api.get("/api/auth/users/?page=99999999999999999999", admin));
        invalidPage(api.get("/api/auth/users/?search=a&page=2147483647&page_size=100", admin));
        invalidPage(api.get("/api/categories/?page=-3", null));
        invalidPage(api.get("/api/profiles/specialists/?page=0", null));
    }

    @Test
    void wrongTypesAndHugeNumbersNameTheirParameters() {
        badRequestNaming(api.get("/api/adds/?min_price=1e999999999&max_price=abc&condition=broken&category=1-1-1-1-1"
                + "&user=12345678901234567890&status=gone", null), "min_price", "max_price", "condition", "category",
                "user", "status");
        badRequestNaming(api.get("/api/adds/nearby/?lat=1e400&lon=este&radius_km=-1", null), "lat", "lon", "radius_km");
        badRequestNaming(api.get("/api/adds/nearby/?lon=-74.1&radius_km=0", null), "lat", "radius_km");
        badRequestNaming(api.get("/api/adds/nearby/?lat=NaN&lon=Infinity", null), "lat", "lon");
        String admin = adminToken();
        badRequestNaming(api.get("/api/auth/users/?role=emperor", admin), "role");
        badRequestNaming(api.get("/api/media/?related_type=planet&related_id=abc", admin), "related_type", "related_id");
        badRequestNaming(api.get("/api/media/?related_type=add&related_id=12;DROP", admin), "related_id");
    }

    @Test
    void overlongValuesAreRefusedNotSearched() {
        String longWord = URLEncoder.encode("ñ".repeat(201), StandardCharsets.UTF_8);
        badRequestNaming(api.get("/api/adds/?search=" + longWord, null), "search");
        badRequestNaming(api.get("/api/adds/?city=" + longWord + "&min_price=" + "9".repeat(41), null), "city", "min_price");
        badRequestNaming(api.get("/api/auth/users/?search=" + longWord, adminToken()), "search");
        badRequestNaming(api.get("/api/profiles/specialists/?search=" + longWord, null), "search");
        // 200 characters are served (in words of at most 100: QueryParams.MAX_SEARCH_WORD)
        assertThat(api.get("/api/adds/?search=" + URLEncoder.encode("ñ".repeat(100) + " " + "ñ".repeat(99),
                StandardCharsets.UTF_8), null).status()).isEqualTo(200);
    }

    @Test
    void aRepeatedParameterCountsByItsLastValue() {
        assertThat(api.get("/api/adds/?condition=broken&condition=new", null).status()).isEqualTo(200);
        badRequestNaming(api.get("/api/adds/?condition=new&condition=broken", null), "condition");
        assertThat(api.get("/api/adds/?page=abc&page=1", null).status()).isEqualTo(200);
        invalidPage(api.get("/api/adds/?page=1&page=0", null));
    }

    /** A next/previous link: absolute, the canonical path (with its '/'), the request's other parameters, the page. */
    private static void linksTo(JsonNode link, String path, Map<String, String> parameters) {
        assertThat(link.isTextual()).as(String.valueOf(link)).isTrue();
        URI uri = URI.create(link.asText());
        assertThat(uri.getScheme()).isEqualTo("http");
        assertThat(uri.getPath()).isEqualTo(path);
        Map<String, String> query = new TreeMap<>();
        for (String pair : uri.getRawQuery() == null ? new String[0] : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(query).as(link.asText()).isEqualTo(new TreeMap<>(parameters));
    }

    /** The second of three pages, asked for without the trailing slash: both links name the path with it. */
    private void secondOfThree(String path, String query, String token, Map<String, String> others) {
        Response r = api.get(path + "?" + query + "&page_size=1&page=2", token);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().path("count").asInt()).as(r.toString()).isEqualTo(3);
        Map<String, String> next = new java.util.HashMap<>(others);
        next.put("page_size", "1");
        Map<String, String> previous = new java.util.HashMap<>(next);
        next.put("page", "3");
        linksTo(r.json().path("next"), path + "/", next);
        linksTo(r.json().path("previous"), path + "/", previous);
        Response first = api.get(path + "/?" + query + "&page_size=1", token);
        Map<String, String> second = new java.util.HashMap<>(previous);
        second.put("page", "2");
        assertThat(first.json().path("previous").isNull()).isTrue();
        linksTo(first.json().path("next"), path + "/", second);
    }

    @Test
    void nextAndPreviousLinksKeepTheTrailingSlashAndTheOtherParameters() {
        String tag = unique("lk");
        Account seller = account(tag, "consumer");
        account(tag, "consumer");
        account(tag, "consumer");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/adds/", body("title", "Silla " + tag + " " + i, "condition", "used",
                    "latitude", 4.6, "longitude", -74.1), seller.token()).status()).isEqualTo(201);
            assertThat(api.multipart("/api/media/", List.of(Part.file("file", "f.pdf", "application/pdf",
                    TestFiles.pdf())), seller.token()).status()).isEqualTo(201);
        }
        secondOfThree("/api/adds", "search=" + tag, seller.token(), Map.of("search", tag));
        secondOfThree("/api/adds/nearby", "lat=4.6&lon=-74.1&search=" + tag, seller.token(),
                Map.of("lat", "4.6", "lon", "-74.1", "search", tag));
        secondOfThree("/api/media", "x=1", seller.token(), Map.of("x", "1"));
        String admin = adminToken();
        await(() -> api.get("/api/auth/users/?search=" + tag, admin).json().path("count").asInt() == 3,
                "the users index has the three");
        secondOfThree("/api/auth/users", "search=" + tag, admin, Map.of("search", tag));
    }
}
