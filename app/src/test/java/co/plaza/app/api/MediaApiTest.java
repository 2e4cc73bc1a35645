package co.plaza.app.api;

import co.plaza.media.api.MediaHostRemoved;
import co.plaza.media.api.RelatedType;
import co.plaza.media.command.ImageMetadata;
import org.axonframework.eventhandling.gateway.EventGateway;
import co.plaza.platform.blobs.BlobStore;
import co.plaza.platform.test.HttpApi;
import co.plaza.platform.test.HttpApi.Part;
import co.plaza.platform.test.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md, Media, plus Auth's {@code upload-profile-picture/} and Profiles' {@code upload_work_images/}. */
class MediaApiTest extends ApiTest {

    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${plaza.data-dir}")
    Path dataDir;

    private Account account(String role) {
        return account("media", role);
    }

    private HttpApi.Response upload(String token, byte[] content, String... fields) {
        List<Part> parts = new ArrayList<>();
        // the client's name and type are lies on purpose: the server must judge the bytes
        parts.add(Part.file("file", "photo.jpg", "image/jpeg", content));
        for (int i = 0; i < fields.length; i += 2) {
            parts.add(Part.field(fields[i], fields[i + 1]));
        }
        return api.multipart("/api/media/", parts, token);
    }

    private Set<String> blobKeys() throws IOException {
        Set<String> keys = new HashSet<>();
        blobs.list("media/", b -> keys.add(b.key()));
        return keys;
    }

    private String storageKeyOf(String mediaId) {
        return jdbc.queryForObject("SELECT storage_key FROM media_registry WHERE media_id = ?::uuid", String.class, mediaId);
    }

    private byte[] stored(String mediaId) throws IOException {
        try (InputStream in = blobs.open(storageKeyOf(mediaId), 0, -1)) {
            return in.readAllBytes();
        }
    }

    private UUID specialistProfileOf(Account account) {
        await(() -> api.get("/api/profiles/specialists/by-user/" + account.id() + "/", account.token()).status() == 200,
                "the sign-up saga provisions the specialist profile");
        return UUID.fromString(api.get("/api/profiles/specialists/by-user/" + account.id() + "/", account.token())
                .text("id"));
    }

    @Test
    void aDocumentIsStoredServedListedAndDeleted() throws Exception {
        Account owner = account("consumer");
        byte[] pdf = TestFiles.pdf();

        HttpApi.Response created = upload(owner.token(), pdf);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode media = created.json();
        String id = media.path("id").asText();
        assertThat(media.path("media_type").asText()).isEqualTo("document");
        assertThat(media.path("mime_type").asText()).isEqualTo("application/pdf");
        assertThat(media.path("size_bytes").asLong()).isEqualTo(pdf.length);
        assertThat(media.path("uploaded_by").asText()).isEqualTo(owner.id().toString());
        assertThat(media.path("related_type").isNull()).isTrue();
        assertThat(media.path("legacy_id").isNull()).isTrue();
        assertThat(media.path("url").asText()).as("not public: a signed URL")
                .startsWith("http://127.0.0.1:" + port + "/media/" + id + "/?expires=").contains("&signature=");
        assertThat(storageKeyOf(id)).startsWith("media/").endsWith(id + ".pdf").doesNotContain("photo");

        HttpResponse<byte[]> bytes = api.bytes("GET", media.path("url").asText(), null);
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(pdf);
        assertThat(bytes.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(bytes.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(bytes.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        String etag = bytes.headers().firstValue("ETag").orElseThrow();
        assertThat(api.bytes("GET", media.path("url").asText(), null, "If-None-Match", etag).statusCode()).isEqualTo(304);

        JsonNode mine = api.get("/api/media/", owner.token()).json();
        assertThat(mine.path("count").asInt()).isEqualTo(1);
        assertThat(mine.path("results").get(0).path("id").asText()).isEqualTo(id);
        assertThat(api.get("/api/media/", account("consumer").token()).json().path("count").asInt()).isZero();
        assertThat(api.get("/api/media/" + id + "/", owner.token()).json().path("size_bytes").asLong())
                .isEqualTo(pdf.length);

        String key = storageKeyOf(id);
        assertThat(api.delete("/api/media/" + id + "/", owner.token()).status()).isEqualTo(204);

        assertThat(api.bytes("GET", "/media/" + id + "/", null).statusCode()).isEqualTo(404);
        assertThat(api.get("/api/media/" + id + "/", owner.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/media/" + id + "/", owner.token()).status()).isEqualTo(404);
        assertThat(blobs.stat(key)).as("the blob goes once the deletion is stored").isEmpty();
    }

    /**
     * A generic file (here a PDF and an MP4 nobody attached) is not public (API.md, "Anonymous callers may"): its
     * bytes go to its uploader and admins by token, or to whoever holds its signed URL; to anyone else it does not
     * exist. An ad image stays public.
     */
    @Test
    void aGenericFileIsServedOnlyToItsUploaderAnAdminOrASignedUrl() throws Exception {
        Account owner = account("consumer");
        Account stranger = account("consumer");
        for (byte[] content : List.of(TestFiles.pdf(), TestFiles.mp4(2048))) {
            JsonNode media = upload(owner.token(), content).json();
            String id = media.path("id").asText();
            String plain = "/media/" + id + "/";
            assertThat(api.bytes("GET", plain, null).statusCode()).as("anonymous").isEqualTo(404);
            assertThat(api.bytes("HEAD", plain, null).statusCode()).as("anonymous HEAD").isEqualTo(404);
            assertThat(api.bytes("GET", plain, stranger.token()).statusCode()).as("a stranger").isEqualTo(404);
            assertThat(api.bytes("GET", plain + "?expires=9999999999&signature=forged", stranger.token()).statusCode())
                    .as("a forged signature").isEqualTo(404);
            HttpResponse<byte[]> own = api.bytes("GET", plain, owner.token());
            assertThat(own.statusCode()).as("the uploader").isEqualTo(200);
            assertThat(own.body()).isEqualTo(content);
            assertThat(own.headers().firstValue("Cache-Control").orElseThrow()).startsWith("private");
            assertThat(api.bytes("GET", plain, adminToken()).statusCode()).as("an admin").isEqualTo(200);
            assertThat(api.bytes("GET", media.path("url").asText(), null).statusCode()).as("its signed URL")
                    .isEqualTo(200);
            assertThat(api.get("/api/media/" + id + "/", stranger.token()).status()).isEqualTo(404);
        }

        HttpApi.Response ad = api.post("/api/adds/", HttpApi.body("title", "Lámpara", "condition", "used"), owner.token());
        JsonNode image = upload(owner.token(), TestFiles.png(4, 4), "related_type", "add", "related_id", ad.text("id"))
                .json();
        assertThat(image.path("url").asText()).as("public: a plain URL").doesNotContain("signature");
        assertThat(api.bytes("GET", image.path("url").asText(), null).statusCode()).isEqualTo(200);
        assertThat(api.bytes("GET", image.path("url").asText(), stranger.token()).statusCode()).isEqualTo(200);
    }

    /** Skipping the read-your-writes wait never turns a created object into a 404. */
    @Test
    void anEventualUploadStillAnswersWithTheMedia() {
        Account user = account("consumer");
        for (int i = 0; i < 5; i++) {
            HttpApi.Response r = api.multipart("/api/media/", List.of(Part.file("file", "a.png", "image/png",
                    TestFiles.png(3 + i, 3))), user.token(), "X-Consistency", "eventual");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            assertThat(r.json().path("size_bytes").asLong()).isPositive();
        }
    }

    @Test
    void typesAreJudgedByContentAndRefusedWith415() throws Exception {
        Account user = account("consumer");
        Set<String> before = blobKeys();

        for (byte[] disguised : List.of(TestFiles.html(), TestFiles.svg(), "#!/bin/sh\necho hi\n".getBytes())) {
            HttpApi.Response r = upload(user.token(), disguised);
            assertThat(r.status()).as(r.toString()).isEqualTo(415);
            assertThat(r.json().path("detail").asText()).isNotBlank();
        }
        // a PDF is fine as generic media, not as a picture
        HttpApi.Response picture = api.multipart("/api/auth/upload-profile-picture/",
                List.of(Part.file("file", "me.png", "image/png", TestFiles.pdf())), user.token());
        assertThat(picture.status()).as(picture.toString()).isEqualTo(415);
        assertThat(blobKeys()).isEqualTo(before);
    }

    @Test
    void sizeAndPixelLimitsAnswerBeforeAnythingIsStored() throws Exception {
        Account user = account("consumer");
        Set<String> before = blobKeys();

        HttpApi.Response tooLarge = upload(user.token(), TestFiles.brokenJpeg(10 * 1024 * 1024 + 1));
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.json().path("detail").asText()).contains("10");

        HttpApi.Response broken = upload(user.token(), TestFiles.brokenJpeg(4000));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().has("file")).isTrue();

        HttpApi.Response bomb = upload(user.token(), TestFiles.hugeBinaryPng(8000, 5001));
        assertThat(bomb.status()).isEqualTo(400);
        assertThat(bomb.json().path("file").get(0).asText()).contains("40");

        assertThat(blobKeys()).isEqualTo(before);
    }

    /** Past the servlet's own limit the client still gets a JSON 413, not a reset connection. */
    @Test
    void anUploadPastEveryLimitGetsA413Body() {
        Account user = account("consumer");
        long size = 101L * 1024 * 1024;
        String boundary = "big-upload";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.mp4\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n").getBytes();
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                java.util.Collections.enumeration(List.of(new ByteArrayInputStream(head), zeros(size),
                        new ByteArrayInputStream(tail)))));

        HttpApi.Response r = api.raw("POST", "/api/media/", body, user.token(),
                "Content-Type", "multipart/form-data; boundary=" + boundary);

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.json().path("detail").asText()).isNotBlank();
    }

    private static InputStream zeros(long size) {
        return new InputStream() {
            long left = size;

            @Override
            public int read() {
                return left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                Arrays.fill(b, off, off + n, (byte) 0);
                left -= n;
                return n;
            }
        };
    }

    @Test
    void badRelationsAre400sAndLeaveNoBlobBehind() throws Exception {
        Account user = account("consumer");
        Set<String> before = blobKeys();

        assertThat(upload(user.token(), TestFiles.png(4, 4), "related_type", "planet").json().has("related_type")).isTrue();
        assertThat(upload(user.token(), TestFiles.png(4, 4), "related_type", "user", "related_id", "nope")
                .json().has("related_id")).isTrue();
        assertThat(upload(user.token(), TestFiles.png(4, 4), "related_type", "user").json().has("related_id")).isTrue();
        assertThat(upload(user.token(), TestFiles.png(4, 4), "order", "-1").json().has("order")).isTrue();
        // the command fails after the blob was stored: the blob is removed again
        HttpApi.Response unknownHost = upload(user.token(), TestFiles.png(4, 4), "related_type", "specialist_profile",
                "related_id", UUID.randomUUID().toString());
        assertThat(unknownHost.status()).as(unknownHost.toString()).isEqualTo(400);
        assertThat(unknownHost.json().has("related_id")).isTrue();

        assertThat(blobKeys()).isEqualTo(before);
    }

    @Test
    void onlyTheUploaderTheHostsOwnerOrAnAdminChangeAMedia() {
        Account owner = account("consumer");
        Account other = account("consumer");
        String id = upload(owner.token(), TestFiles.png(6, 6)).json().path("id").asText();

        assertThat(api.multipart("/api/media/", List.of(Part.file("file", "a.png", "image/png", TestFiles.png(2, 2))),
                null).status()).isEqualTo(401);
        // an unattached file is not public: to others it does not exist
        assertThat(api.patch("/api/media/" + id + "/", HttpApi.body("order", 3), other.token()).status()).isEqualTo(404);
        assertThat(api.delete("/api/media/" + id + "/", other.token()).status()).isEqualTo(404);
        // an ad image is public: others see it and may not change it
        String addId = api.post("/api/adds/", HttpApi.body("title", "Cuadro", "condition", "used"), owner.token()).text("id");
        String image = upload(owner.token(), TestFiles.png(3, 3), "related_type", "add", "related_id", addId).json()
                .path("id").asText();
        assertThat(api.patch("/api/media/" + image + "/", HttpApi.body("order", 3), other.token()).status()).isEqualTo(403);
        assertThat(api.delete("/api/media/" + image + "/", other.token()).status()).isEqualTo(403);
        // attaching to someone else's object is refused too
        HttpApi.Response foreignHost = upload(other.token(), TestFiles.png(2, 2), "related_type", "user",
                "related_id", owner.id().toString());
        assertThat(foreignHost.status()).isEqualTo(403);

        HttpApi.Response reordered = api.patch("/api/media/" + id + "/", HttpApi.body("order", 3), owner.token());
        assertThat(reordered.status()).as(reordered.toString()).isEqualTo(200);
        assertThat(reordered.json().path("order").asInt()).isEqualTo(3);
        assertThat(api.patch("/api/media/" + id + "/", HttpApi.body("order", "x"), owner.token()).json().has("order"))
                .isTrue();
        assertThat(api.delete("/api/media/" + id + "/", adminToken()).status()).isEqualTo(204);
    }

    @Test
    void aProfilePictureIsCleanedReplacesTheOldOneAndGoesWithTheUser() throws Exception {
        Account user = account("consumer");
        HttpApi.Response first = api.multipart("/api/auth/upload-profile-picture/",
                List.of(Part.file("file", "IMG_0001.JPG", "image/jpeg", TestFiles.phoneJpeg())), user.token());

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.text("id")).isEqualTo(user.id().toString());
        String firstUrl = first.text("profile_picture");
        assertThat(firstUrl).startsWith("http://127.0.0.1:" + port + "/media/");
        HttpResponse<byte[]> served = api.bytes("GET", firstUrl, null);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(TestFiles.contains(served.body(), TestFiles.GPS_SECRET)).as("no location published").isFalse();
        assertThat(TestFiles.contains(served.body(), TestFiles.XMP_SECRET)).isFalse();
        assertThat(ImageMetadata.orientation(served.body(), "image/jpeg")).as("still upright").isEqualTo(6);
        String firstId = firstUrl.replaceAll(".*/media/([^/]+)/$", "$1");
        String firstKey = storageKeyOf(firstId);

        HttpApi.Response second = api.multipart("/api/auth/upload-profile-picture/",
                List.of(Part.file("file", "b.png", "image/png", TestFiles.png(8, 8))), user.token());
        assertThat(second.status()).isEqualTo(200);
        String secondUrl = second.text("profile_picture");
        assertThat(secondUrl).isNotEqualTo(firstUrl);
        assertThat(api.bytes("GET", firstUrl, null).statusCode()).isEqualTo(404);
        assertThat(blobs.stat(firstKey)).isEmpty();
        assertThat(api.get("/api/auth/users/" + user.id() + "/", user.token()).text("profile_picture")).isEqualTo(secondUrl);

        String secondKey = storageKeyOf(secondUrl.replaceAll(".*/media/([^/]+)/$", "$1"));
        assertThat(api.delete("/api/auth/users/" + user.id() + "/", adminToken()).status()).isEqualTo(204);
        await(() -> {
            try {
                return blobs.stat(secondKey).isEmpty();
            } catch (IOException e) {
                return false;
            }
        }, "a deleted user's picture is deleted");
        assertThat(api.bytes("GET", secondUrl, null).statusCode()).isEqualTo(404);
    }

    @Test
    void workImagesAreAllOrNoneCappedAndOrdered() throws Exception {
        Account specialist = account("specialist");
        UUID profile = specialistProfileOf(specialist);
        String path = "/api/profiles/specialists/" + profile + "/upload_work_images/";

        HttpApi.Response two = api.multipart(path, List.of(
                Part.file("files", "a.png", "image/png", TestFiles.png(5, 5)),
                Part.file("files", "b.webp", "image/webp", TestFiles.WEBP)), specialist.token());
        assertThat(two.status()).as(two.toString()).isEqualTo(201);
        JsonNode images = two.json().path("work_images");
        assertThat(images).hasSize(2);
        assertThat(images.get(0).path("order").asInt()).isZero();
        assertThat(images.get(1).path("order").asInt()).isEqualTo(1);
        assertThat(api.bytes("GET", images.get(1).path("url").asText(), null).headers().firstValue("Content-Type"))
                .hasValue("image/webp");

        // the second image goes first: the profile follows
        String second = images.get(1).path("id").asText();
        assertThat(api.patch("/api/media/" + second + "/", HttpApi.body("order", 0), specialist.token()).status()).isEqualTo(200);
        assertThat(api.patch("/api/media/" + images.get(0).path("id").asText() + "/", HttpApi.body("order", 1),
                specialist.token()).status()).isEqualTo(200);
        JsonNode reordered = api.get("/api/profiles/specialists/" + profile + "/", null).json().path("work_images");
        assertThat(reordered.get(0).path("id").asText()).isEqualTo(second);

        Set<String> before = blobKeys();
        HttpApi.Response mixed = api.multipart(path, List.of(
                Part.file("files", "ok.png", "image/png", TestFiles.png(3, 3)),
                Part.file("files", "evil.png", "image/png", TestFiles.html())), specialist.token());
        assertThat(mixed.status()).isEqualTo(415);
        assertThat(api.multipart(path, List.of(Part.file("files", "x.png", "image/png", TestFiles.png(3, 3))),
                account("consumer").token()).status()).isEqualTo(403);

        List<Part> many = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            many.add(Part.file("files", i + ".png", "image/png", TestFiles.png(2 + i, 2)));
        }
        HttpApi.Response overCap = api.multipart(path, many, specialist.token());
        assertThat(overCap.status()).as(overCap.toString()).isEqualTo(400);
        assertThat(overCap.json().path("detail").asText()).contains("30");
        assertThat(blobKeys()).as("all or none: nothing of a refused batch stays").isEqualTo(before);
        assertThat(api.get("/api/profiles/specialists/" + profile + "/", null).json().path("work_images")).hasSize(2);

        HttpApi.Response upToCap = api.multipart(path, many.subList(0, 28), specialist.token());
        assertThat(upToCap.status()).isEqualTo(201);
        assertThat(upToCap.json().path("work_images")).hasSize(30);
    }

    @Test
    void mediaAreListedByRelationInOrderAndReattached() {
        Account owner = account("consumer");
        String userId = owner.id().toString();
        String loose = upload(owner.token(), TestFiles.png(3, 3)).json().path("id").asText();
        assertThat(api.multipart("/api/auth/upload-profile-picture/", List.of(Part.file("file", "p.gif", "image/gif",
                TestFiles.gif(4, 4))), null).status()).isEqualTo(401);

        HttpApi.Response moved = api.put("/api/media/" + loose + "/", HttpApi.body("related_type", "user",
                "related_id", userId), owner.token());
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("related_type").asText()).isEqualTo("user");
        assertThat(moved.json().path("related_id").asText()).isEqualTo(userId);

        JsonNode page = api.get("/api/media/?related_type=user&related_id=" + userId, owner.token()).json();
        assertThat(page.path("count").asInt()).isEqualTo(1);
        assertThat(page.path("results").get(0).path("id").asText()).isEqualTo(loose);
        assertThat(api.get("/api/auth/users/" + userId + "/", owner.token()).text("profile_picture"))
                .as("attached to a user, an image is that user's picture").endsWith("/media/" + loose + "/");
        assertThat(api.get("/api/media/?related_type=planet", owner.token()).status()).isEqualTo(400);

        HttpApi.Response detached = api.patch("/api/media/" + loose + "/", HttpApi.body("related_type", null,
                "related_id", null), owner.token());
        assertThat(detached.status()).as(detached.toString()).isEqualTo(200);
        assertThat(detached.json().path("related_type").isNull()).isTrue();
        assertThat(api.get("/api/auth/users/" + userId + "/", owner.token()).json().path("profile_picture").isNull())
                .isTrue();
        assertThat(api.get("/api/media/?related_type=user&related_id=" + userId, owner.token()).json()
                .path("count").asInt()).isZero();
    }

    /** Any domain's event implementing {@link MediaHostRemoved} (an ad deleted, say) hides that host's media. */
    record HostRemovedForTest(RelatedType mediaHostType, UUID mediaHostId) implements MediaHostRemoved {
    }

    @Autowired
    EventGateway events;

    @Test
    void mediaOfARemovedHostAreHiddenFromReaders() {
        Account owner = account("consumer");
        JsonNode media = upload(owner.token(), TestFiles.png(5, 5), "related_type", "user", "related_id",
                owner.id().toString()).json();
        String url = media.path("url").asText();
        assertThat(api.bytes("GET", url, null).statusCode()).isEqualTo(200);

        events.publish(new HostRemovedForTest(RelatedType.USER, owner.id()));

        await(() -> api.bytes("GET", url, null).statusCode() == 404, "the removed host's media are hidden");
        assertThat(api.get("/api/media/" + media.path("id").asText() + "/", owner.token()).status()).isEqualTo(404);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM media_view WHERE id = ?::uuid AND hidden",
                Integer.class, media.path("id").asText())).as("kept for audit").isEqualTo(1);
    }

    @Test
    void adImagesAreCappedShownInOrderAndHiddenWithTheAd() throws Exception {
        Account seller = account("businessman");
        HttpApi.Response ad = api.post("/api/adds/", HttpApi.body("title", "Bicicleta de ruta", "description",
                "Talla 54", "price", "1500000", "condition", "used"), seller.token());
        assertThat(ad.status()).as(ad.toString()).isEqualTo(201);
        String addId = ad.text("id");

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            HttpApi.Response image = upload(seller.token(), TestFiles.png(2 + i, 2), "related_type", "add",
                    "related_id", addId);
            assertThat(image.status()).as(image.toString()).isEqualTo(201);
            assertThat(image.json().path("order").asInt()).isEqualTo(i);
            ids.add(image.json().path("id").asText());
        }
        Set<String> before = blobKeys();
        HttpApi.Response eleventh = upload(seller.token(), TestFiles.png(3, 3), "related_type", "add",
                "related_id", addId);
        assertThat(eleventh.status()).isEqualTo(400);
        assertThat(eleventh.json().path("detail").asText()).contains("10");
        assertThat(blobKeys()).isEqualTo(before);
        assertThat(upload(account("consumer").token(), TestFiles.png(3, 3), "related_type", "add", "related_id", addId)
                .status()).as("someone else's ad").isEqualTo(403);

        JsonNode images = api.get("/api/adds/" + addId + "/", null).json().path("images");
        assertThat(images).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(images.get(i).path("id").asText()).isEqualTo(ids.get(i));
        }
        String url = images.get(0).path("url").asText();
        assertThat(api.bytes("GET", url, null).statusCode()).isEqualTo(200);

        assertThat(api.delete("/api/adds/" + addId + "/", seller.token()).status()).isEqualTo(204);
        await(() -> api.bytes("GET", url, null).statusCode() == 404, "a deleted ad's images are hidden");
        assertThat(upload(seller.token(), TestFiles.png(3, 3), "related_type", "add", "related_id", addId)
                .status()).as("a deleted ad takes no images").isEqualTo(400);
    }

    @Test
    void videosAreServedInRanges() {
        Account user = account("consumer");
        byte[] video = TestFiles.mp4(4096);
        JsonNode media = upload(user.token(), video).json();
        assertThat(media.path("media_type").asText()).isEqualTo("video");
        String url = media.path("url").asText();

        HttpResponse<byte[]> part = api.bytes("GET", url, null, "Range", "bytes=100-199");
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 100-199/4096");
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(video, 100, 200));

        HttpResponse<byte[]> tail = api.bytes("GET", url, null, "Range", "bytes=-10");
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(video, 4086, 4096));
        assertThat(api.bytes("GET", url, null, "Range", "bytes=5000-").statusCode()).isEqualTo(416);

        HttpResponse<byte[]> head = api.bytes("HEAD", url, null);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Length")).hasValue("4096");
        assertThat(head.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(head.body()).isEmpty();
    }

    @Test
    void theSweepRemovesOldOrphanBlobsAndReportsMediaWithoutBlob() throws Exception {
        Account user = account("consumer");
        assertThat(api.post("/api/admin/media/sweep/", null, user.token()).status()).isEqualTo(403);

        String oldOrphan = "media/2020/01/" + UUID.randomUUID() + ".png";
        String youngOrphan = "media/2026/11/" + UUID.randomUUID() + ".png";
        byte[] png = TestFiles.png(2, 2);
        blobs.put(oldOrphan, new ByteArrayInputStream(png), png.length, "image/png");
        blobs.put(youngOrphan, new ByteArrayInputStream(png), png.length, "image/png");
        Files.setLastModifiedTime(dataDir.resolve("media").resolve(oldOrphan),
                FileTime.from(Instant.now().minusSeconds(7200)));

        String lost = upload(user.token(), TestFiles.png(3, 3)).json().path("id").asText();
        blobs.delete(storageKeyOf(lost));
        jdbc.update("UPDATE media_registry SET created_at = now() - interval '2 hours' WHERE media_id = ?::uuid", lost);

        HttpApi.Response report = api.post("/api/admin/media/sweep/", null, adminToken());

        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.json().path("orphan_blobs_removed").toString()).contains(oldOrphan).doesNotContain(youngOrphan);
        assertThat(report.json().path("media_without_blob").toString()).contains(lost);
        assertThat(blobs.stat(oldOrphan)).isEmpty();
        assertThat(blobs.stat(youngOrphan)).isPresent();
    }
}
