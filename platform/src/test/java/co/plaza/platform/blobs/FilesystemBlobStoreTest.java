package co.plaza.platform.blobs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FilesystemBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path dir;
    private FilesystemBlobStore store;

    @BeforeEach
    void setUp() throws IOException {
        store = new FilesystemBlobStore(dir);
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Test
    void keysNeverLeaveTheRoot() {
        assertThatThrownBy(() -> store.put("../escape.txt", new ByteArrayInputStream(new byte[1]), 1, "text/plain"))
                .hasMessageContaining("outside");
        assertThat(Files.exists(dir.resolveSibling("escape.txt"))).isFalse();
    }

    @Test
    void aFailedWriteLeavesNoPartialFile() throws IOException {
        assertThatThrownBy(() -> store.put("media/p.bin", new ByteArrayInputStream(new byte[3]), 9, "video/mp4"));
        try (var files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
        }
    }
}
