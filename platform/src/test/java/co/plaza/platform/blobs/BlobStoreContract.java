package co.plaza.platform.blobs;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every blob store adapter must do; each adapter's test runs these against the real thing. */
abstract class BlobStoreContract {

    abstract BlobStore store();

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void storesReadsAndDescribesABlob() throws Exception {
        byte[] content = bytes(300_000, 1);
        store().put("media/2026/11/a.jpg", new ByteArrayInputStream(content), content.length, "image/jpeg");

        assertThat(store().stat("media/2026/11/a.jpg")).hasValueSatisfying(info -> {
            assertThat(info.size()).isEqualTo(content.length);
            assertThat(info.lastModified()).isNotNull();
        });
        try (InputStream in = store().open("media/2026/11/a.jpg", 0, -1)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void servesByteRanges() throws Exception {
        byte[] content = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        store().put("media/range.bin", new ByteArrayInputStream(content), content.length, "video/mp4");

        try (InputStream in = store().open("media/range.bin", 4, 6)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("456789");
        }
        try (InputStream in = store().open("media/range.bin", 10, -1)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("abcdef");
        }
    }

    @Test
    void replacesAndDeletesIdempotently() throws Exception {
        store().put("media/x.png", new ByteArrayInputStream(bytes(10, 2)), 10, "image/png");
        byte[] second = bytes(20, 3);
        store().put("media/x.png", new ByteArrayInputStream(second), 20, "image/png");
        try (InputStream in = store().open("media/x.png", 0, -1)) {
            assertThat(in.readAllBytes()).isEqualTo(second);
        }

        store().delete("media/x.png");
        store().delete("media/x.png");
        assertThat(store().stat("media/x.png")).isEmpty();
        assertThat(store().stat("media/never-was.png")).isEmpty();
    }

    @Test
    void listsByPrefix() throws Exception {
        for (String key : List.of("media/a/1.jpg", "media/b/2.jpg", "other/3.jpg")) {
            store().put(key, new ByteArrayInputStream(bytes(5, 4)), 5, "image/jpeg");
        }
        List<String> keys = new ArrayList<>();
        store().list("media/", info -> keys.add(info.key()));
        assertThat(keys).containsExactlyInAnyOrder("media/a/1.jpg", "media/b/2.jpg");
    }

    @Test
    void refusesAShortUpload() {
        assertThatThrownBy(() -> store().put("media/short.bin", new ByteArrayInputStream(bytes(5, 5)), 10, "video/mp4"))
                .isInstanceOf(Exception.class);
    }
}
