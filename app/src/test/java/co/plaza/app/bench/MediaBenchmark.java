package co.plaza.app.bench;

import co.plaza.platform.blobs.BlobStore;
import co.plaza.platform.blobs.FilesystemBlobStore;
import co.plaza.platform.test.HttpApi;
import co.plaza.platform.test.HttpApi.Part;
import co.plaza.platform.test.TestFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The media benchmark (README, Benchmarks): uploads through the all-in-one API ({@code POST /api/media/}: type
 * detection, image decode and metadata strip, blob write, event, read back) at 1 and 8 clients, beside a raw write
 * of the same bytes to the same kind of store on the same disk. Arguments: port, JDBC URL, user, password, data dir.
 */
public final class MediaBenchmark {

    private static final long PHASE_MILLIS = Long.getLong("bench.seconds", 10) * 1000;

    record Stats(long count, long bytes, double seconds, double p50Ms, double p99Ms) {
        double mbPerSecond() {
            return bytes / 1_048_576.0 / seconds;
        }
    }

    interface Operation {
        void run(int client) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path dataDir = Path.of(args[4]);
        HttpApi api = new HttpApi(port);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String username = "bench-media-" + UUID.randomUUID().toString().substring(0, 8);
            HttpApi.Response r = api.post("/api/auth/register/", HttpApi.body("username", username, "email",
                    username + "@example.com", "password", "Bench-Clave-Segura-1", "phone_number",
                    "300" + (1_000_000 + new Random().nextInt(8_999_999)), "role", "consumer"), null);
            check(r, 201);
            HttpApi.Response login = api.post("/api/auth/login/", HttpApi.body("username", username, "password",
                    "Bench-Clave-Segura-1"), null);
            check(login, 200);
            tokens.add(login.text("token"));
        }
        byte[] photo = photo(1024, 768);
        byte[] video = TestFiles.mp4(8 * 1024 * 1024);
        BlobStore raw = new FilesystemBlobStore(dataDir.resolve("media-raw"));

        measure(tokens, api, photo, 1, PHASE_MILLIS / 4, false); // warm-up
        System.out.println("| payload | clients | uploads/s | MB/s | p50 ms | p99 ms | raw write MB/s | ratio |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (byte[] payload : List.of(photo, video)) {
            String what = payload == photo ? String.format("JPEG photo %.1f MB", payload.length / 1_048_576.0)
                    : String.format("MP4 video %.0f MB", payload.length / 1_048_576.0);
            for (int clients : new int[]{1, 8}) {
                Stats write = timed(clients, PHASE_MILLIS, c -> raw.put("media/" + UUID.randomUUID() + ".bin",
                        new ByteArrayInputStream(payload), payload.length, "application/octet-stream"), payload.length);
                for (boolean eventual : new boolean[]{false, true}) {
                    Stats upload = measure(tokens, api, payload, clients, PHASE_MILLIS, eventual);
                    System.out.printf("| %s%s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |%n", what,
                            eventual ? ", `X-Consistency: eventual`" : "", clients,
                            upload.count() / upload.seconds(), upload.mbPerSecond(), upload.p50Ms(), upload.p99Ms(),
                            write.mbPerSecond(), upload.mbPerSecond() / write.mbPerSecond());
                }
            }
        }
        System.out.println("Raw write: the same bytes through the same FilesystemBlobStore (temp file, fsync, rename) "
                + "on the same disk, no HTTP.");
    }

    private static Stats measure(List<String> tokens, HttpApi api, byte[] payload, int clients, long millis,
                                 boolean eventual) throws Exception {
        String[] headers = eventual ? new String[]{"X-Consistency", "eventual"} : new String[0];
        return timed(clients, millis, c -> check(api.multipart("/api/media/",
                List.of(Part.file("file", "upload.bin", "application/octet-stream", payload)), tokens.get(c), headers),
                201), payload.length);
    }

    private static Stats timed(int clients, long millis, Operation operation, long bytesEach) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        for (int c = 0; c < clients; c++) {
            int client = c;
            new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        operation.run(client);
                        latencies.add(System.nanoTime() - t0);
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            }).start();
        }
        done.await();
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " clients failed");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Stats(sorted.length, sorted.length * bytesEach, seconds, percentile(sorted, 0.50),
                percentile(sorted, 0.99));
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** A camera-like JPEG: noisy pixels compress badly, so the file is photo-sized. */
    private static byte[] photo(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(42);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        byte[] plain = out.toByteArray();
        byte[] phone = TestFiles.phoneJpeg();
        // the phone photo's metadata in front of the big picture: there is something to strip every time
        int metadataEnd = phone.length - TestFiles.jpeg(40, 30).length + 2;
        byte[] withMetadata = Arrays.copyOf(phone, metadataEnd + plain.length - 2);
        System.arraycopy(plain, 2, withMetadata, metadataEnd, plain.length - 2);
        return withMetadata;
    }

    private static void check(HttpApi.Response r, int status) {
        if (r.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + r);
        }
    }
}
