package co.plaza.media.command;

import co.plaza.media.api.MediaType;
import co.plaza.media.api.MediaUse;
import co.plaza.platform.errors.DomainException;
import org.apache.tika.Tika;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;

/**
 * OWASP ASVS V5 for uploads: the type comes from the content's magic bytes (never the name or the client's
 * Content-Type) and must be allowed for the use; each type has a size limit; an image must decode, stay within the
 * pixel limit, and loses its metadata before anything is stored.
 */
@Component
public class UploadInspector {

    /** The only types that pass, with the extension the storage key gets. */
    private static final Map<String, Kind> ALLOWED = Map.of(
            "image/jpeg", new Kind(MediaType.IMAGE, "jpg"),
            "image/png", new Kind(MediaType.IMAGE, "png"),
            "image/webp", new Kind(MediaType.IMAGE, "webp"),
            "image/gif", new Kind(MediaType.IMAGE, "gif"),
            "application/pdf", new Kind(MediaType.DOCUMENT, "pdf"),
            "video/mp4", new Kind(MediaType.VIDEO, "mp4"));

    /** Enough of the head of a file for every magic-byte rule of the allowed types. */
    private static final int SNIFF_BYTES = 64 * 1024;
    /** Decoding to check an image is done at most this size: the whole stream is read, the raster stays small. */
    private static final int CHECK_PIXELS = 1_000_000;

    private final Tika tika = new Tika();
    private final long imageLimit;
    private final long documentLimit;
    private final long videoLimit;
    private final long maxPixels;

    public UploadInspector(@Value("${plaza.media.limits.image:10MB}") DataSize imageLimit,
                           @Value("${plaza.media.limits.document:20MB}") DataSize documentLimit,
                           @Value("${plaza.media.limits.video:100MB}") DataSize videoLimit,
                           @Value("${plaza.media.max-pixels:40000000}") long maxPixels) {
        this.imageLimit = imageLimit.toBytes();
        this.documentLimit = documentLimit.toBytes();
        this.videoLimit = videoLimit.toBytes();
        this.maxPixels = maxPixels;
    }

    record Kind(MediaType type, String extension) {
    }

    /** A file that passed: images carry their cleaned bytes; other files are streamed from the upload as sent. */
    public record Inspected(MediaType type, String mimeType, String extension, long size, byte[] cleaned,
                            UploadContent original) {

        public InputStream open() throws IOException {
            return cleaned != null ? new ByteArrayInputStream(cleaned) : original.open();
        }
    }

    public Inspected inspect(UploadContent file, MediaUse use) {
        if (file == null || file.size() == 0) {
            throw DomainException.field("file", "error.file_empty");
        }
        String mime = detect(file);
        Kind kind = ALLOWED.get(mime);
        if (kind == null || !use.allows(kind.type())) {
            throw DomainException.unsupportedType("error.file_type_refused", mime);
        }
        checkSize(file.size(), limitOf(kind.type()));
        if (kind.type() != MediaType.IMAGE) {
            return new Inspected(kind.type(), mime, kind.extension(), file.size(), null, file);
        }
        byte[] bytes;
        try (InputStream in = file.open()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw DomainException.field("file", "error.file_unreadable");
        }
        checkDecodes(bytes, mime);
        byte[] cleaned;
        try {
            cleaned = ImageMetadata.strip(bytes, mime);
        } catch (ImageMetadata.MalformedImageException e) {
            throw DomainException.field("file", "error.image_invalid");
        }
        return new Inspected(kind.type(), mime, kind.extension(), cleaned.length, cleaned, file);
    }

    /**
     * Refuses a file larger than any type the use allows, from its size alone: a batch is checked this way before
     * any of its files is read; each file's own type limit is checked again once its content tells the type.
     */
    public void checkSize(long size, MediaUse use) {
        long largest = ALLOWED.values().stream().map(Kind::type).filter(use::allows).mapToLong(this::limitOf)
                .max().orElse(0);
        checkSize(size, largest);
    }

    private static void checkSize(long size, long limit) {
        if (size > limit) {
            throw DomainException.tooLarge("error.file_too_large", limit / (1024 * 1024));
        }
    }

    public long limitOf(MediaType type) {
        return switch (type) {
            case IMAGE -> imageLimit;
            case DOCUMENT -> documentLimit;
            case VIDEO -> videoLimit;
        };
    }

    private String detect(UploadContent file) {
        try (InputStream in = file.open()) {
            byte[] head = in.readNBytes(SNIFF_BYTES);
            // no name given on purpose: the client's file name and Content-Type are not evidence
            return refineIsoMedia(tika.detect(head), head);
        } catch (IOException e) {
            throw DomainException.field("file", "error.file_unreadable");
        }
    }

    /** MP4 brands; tika-core's magic knows only mp41/mp42, while phones and ffmpeg write isom, iso2, avc1... */
    private static final java.util.Set<String> MP4_BRANDS = java.util.Set.of("isom", "iso2", "iso3", "iso4", "iso5",
            "iso6", "mp41", "mp42", "avc1", "dash", "M4V ", "MSNV");

    /**
     * An ISO base media file Tika calls QuickTime is an MP4 when its {@code ftyp} box names an MP4 brand and its
     * major brand is not QuickTime's ({@code qt  }).
     */
    static String refineIsoMedia(String detected, byte[] head) {
        if (!detected.equals("video/quicktime") && !detected.equals("video/x-m4v")) {
            return detected;
        }
        if (head.length < 16 || head[4] != 'f' || head[5] != 't' || head[6] != 'y' || head[7] != 'p') {
            return detected;
        }
        long boxSize = ((head[0] & 0xFFL) << 24) | ((head[1] & 0xFF) << 16) | ((head[2] & 0xFF) << 8) | (head[3] & 0xFF);
        int end = (int) Math.min(Math.max(boxSize, 16), head.length);
        String major = new String(head, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (major.equals("qt  ")) {
            return detected;
        }
        if (MP4_BRANDS.contains(major)) {
            return "video/mp4";
        }
        for (int i = 16; i + 4 <= end; i += 4) { // compatible brands
            if (MP4_BRANDS.contains(new String(head, i, 4, java.nio.charset.StandardCharsets.ISO_8859_1))) {
                return "video/mp4";
            }
        }
        return detected;
    }

    /** Dimensions from the header first (a decompression bomb is refused before decoding), then a full decode. */
    private void checkDecodes(byte[] bytes, String mime) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mime);
            if (in == null || !readers.hasNext()) {
                throw DomainException.field("file", "error.image_invalid");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw DomainException.field("file", "error.image_invalid");
                }
                if (width * height > maxPixels) {
                    throw DomainException.field("file", "error.image_too_many_pixels");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) (width * height) / CHECK_PIXELS)));
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (DomainException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw DomainException.field("file", "error.image_invalid");
        }
    }
}
