package co.plaza.platform.blobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The embedded default: blobs as files under the platform's data directory, written atomically. */
public class FilesystemBlobStore implements BlobStore {

    private final Path root;

    public FilesystemBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
    }

    @Override
    public void put(String key, InputStream content, long size, String contentType) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        // a temporary file beside the target, then an atomic rename: a reader never sees half a blob
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            long written = Files.copy(content, temp);
            if (written != size) {
                throw new IOException("expected " + size + " bytes, got " + written);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        FileChannel channel = FileChannel.open(resolve(key), StandardOpenOption.READ);
        try {
            channel.position(offset);
            InputStream in = Channels.newInputStream(channel);
            return length < 0 ? in : new BoundedInputStream(in, length);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(resolve(key), BasicFileAttributes.class);
            return Optional.of(new BlobInfo(key, attributes.size(), attributes.lastModifiedTime().toInstant()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    @Override
    public void list(String prefix, Consumer<BlobInfo> each) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .forEach(p -> {
                        String key = root.relativize(p).toString().replace('\\', '/');
                        if (key.startsWith(prefix)) {
                            try {
                                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                                each.accept(new BlobInfo(key, a.size(), a.lastModifiedTime().toInstant()));
                            } catch (NoSuchFileException gone) {
                                // deleted while listing
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public String describe() {
        return "filesystem " + root;
    }

    /** Keys are ours, but a key must still never leave the root. */
    private Path resolve(String key) throws IOException {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IOException("key outside the store: " + key);
        }
        return path;
    }
}
