package co.plaza.platform.test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Real files of each kind an upload may be, made in memory; the metadata ones carry secrets a strip must remove. */
public final class TestFiles {
    private TestFiles() {
    }

    public static final String GPS_SECRET = "GPS-SECRET-4.6097N-74.0817W";
    public static final String XMP_SECRET = "XMP-SECRET-creator";
    public static final String COMMENT_SECRET = "COMMENT-SECRET";

    /** A 1x1 lossless WebP with alpha (VP8X + ALPH + VP8), the way browsers' feature probes write it. */
    public static final byte[] WEBP = Base64.getDecoder().decode(
            "UklGRkoAAABXRUJQVlA4WAoAAAAQAAAAAAAAAAAAQUxQSAwAAAARBxAR/Q9ERP8DAABWUDggGAAAABQBAJ0BKgEAAQAAAP4AAA3AAP7mtQAAAA==");

    public static byte[] png(int width, int height) {
        return write(image(width, height, BufferedImage.TYPE_INT_RGB), "png");
    }

    public static byte[] jpeg(int width, int height) {
        return write(image(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    public static byte[] gif(int width, int height) {
        return write(image(width, height, BufferedImage.TYPE_BYTE_INDEXED), "gif");
    }

    /** Width x height pixels at one bit each: a huge picture in a small file (a decompression bomb). */
    public static byte[] hugeBinaryPng(int width, int height) {
        return write(new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY), "png");
    }

    /**
     * A phone photo: JPEG with an EXIF block (orientation 6 = rotate 90°, a GPS IFD, a description naming the
     * place), an XMP block and a comment.
     */
    public static byte[] phoneJpeg() {
        byte[] plain = jpeg(40, 30);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2); // SOI
        byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), exifTiff(6));
        segment(out, 0xE1, exif);
        segment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + XMP_SECRET + "</x:xmpmeta>")
                .getBytes(StandardCharsets.ISO_8859_1));
        segment(out, 0xFE, COMMENT_SECRET.getBytes(StandardCharsets.ISO_8859_1));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** A PNG with text chunks and an eXIf chunk (orientation 3) holding a secret. */
    public static byte[] phonePng() {
        byte[] plain = png(20, 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int ihdrEnd = 8 + 12 + 13;
        out.write(plain, 0, ihdrEnd);
        pngChunk(out, "tEXt", ("Comment\0" + COMMENT_SECRET).getBytes(StandardCharsets.ISO_8859_1));
        pngChunk(out, "iTXt", ("XML:com.adobe.xmp\0\0\0\0\0" + XMP_SECRET).getBytes(StandardCharsets.ISO_8859_1));
        pngChunk(out, "eXIf", exifTiff(3));
        out.write(plain, ihdrEnd, plain.length - ihdrEnd);
        return out.toByteArray();
    }

    /** {@link #WEBP} with EXIF (orientation 8, GPS) and XMP chunks, flagged in VP8X as a camera would. */
    public static byte[] phoneWebp() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(WEBP, 8, WEBP.length - 8); // "WEBP" + chunks
        byte[] all = body.toByteArray();
        all[4 + 8] |= 0x08 | 0x04; // VP8X flags: EXIF and XMP present
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunks.writeBytes(all);
        riffChunk(chunks, "EXIF", exifTiff(8));
        riffChunk(chunks, "XMP ", XMP_SECRET.getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        le32(out, chunks.size());
        out.writeBytes(chunks.toByteArray());
        return out.toByteArray();
    }

    /** A GIF with a comment extension and an XMP application extension. */
    public static byte[] commentedGif() {
        byte[] plain = gif(8, 8);
        int trailer = plain.length - 1;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, trailer);
        out.write(0x21);
        out.write(0xFE);
        byte[] comment = COMMENT_SECRET.getBytes(StandardCharsets.ISO_8859_1);
        out.write(comment.length);
        out.writeBytes(comment);
        out.write(0);
        out.write(0x21);
        out.write(0xFF);
        out.write(11);
        out.writeBytes("XMP DataXMP".getBytes(StandardCharsets.ISO_8859_1));
        byte[] xmp = XMP_SECRET.getBytes(StandardCharsets.ISO_8859_1);
        out.write(xmp.length);
        out.writeBytes(xmp);
        out.write(0);
        out.write(0x3B);
        return out.toByteArray();
    }

    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> "
                + "endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** An ISO base media file: an {@code ftyp} box of brand isom, then {@code size} bytes in all. */
    public static byte[] mp4(int size) {
        byte[] out = new byte[Math.max(size, 40)];
        byte[] ftyp = {0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o', 'm', 'm', 'p',
                '4', '1'};
        System.arraycopy(ftyp, 0, out, 0, ftyp.length);
        int mdat = out.length - ftyp.length;
        out[24] = (byte) (mdat >>> 24);
        out[25] = (byte) (mdat >>> 16);
        out[26] = (byte) (mdat >>> 8);
        out[27] = (byte) mdat;
        out[28] = 'm';
        out[29] = 'd';
        out[30] = 'a';
        out[31] = 't';
        for (int i = 32; i < out.length; i++) {
            out[i] = (byte) (i * 31);
        }
        return out;
    }

    public static byte[] html() {
        return "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] svg() {
        return ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** JPEG magic bytes, then noise: claims to be an image and is not one. */
    public static byte[] brokenJpeg(int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = (byte) (i * 7 + 3);
        }
        out[0] = (byte) 0xFF;
        out[1] = (byte) 0xD8;
        out[2] = (byte) 0xFF;
        out[3] = (byte) 0xE0;
        out[4] = 0;
        out[5] = 16;
        System.arraycopy("JFIF\0".getBytes(StandardCharsets.ISO_8859_1), 0, out, 6, 5);
        return out;
    }

    public static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    // ---- builders ----

    private static BufferedImage image(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, Math.max(1, width / 2), Math.max(1, height / 2));
        g.dispose();
        return image;
    }

    private static byte[] write(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Big-endian TIFF: IFD0 with ImageDescription, Orientation and a GPS IFD pointer; the GPS IFD names a place. */
    private static byte[] exifTiff(int orientation) {
        byte[] description = (GPS_SECRET + "\0").getBytes(StandardCharsets.ISO_8859_1);
        byte[] latitudeRef = {'N', 0};
        ByteArrayOutputStream t = new ByteArrayOutputStream();
        int ifd0 = 8;
        int ifd0Size = 2 + 3 * 12 + 4;
        int gpsIfd = ifd0 + ifd0Size;
        int gpsIfdSize = 2 + 2 * 12 + 4;
        int descriptionAt = gpsIfd + gpsIfdSize;
        t.writeBytes(new byte[]{'M', 'M', 0, 42});
        be32(t, ifd0);
        be16(t, 3);
        entry(t, 0x010E, 2, description.length, descriptionAt);        // ImageDescription -> offset
        entry(t, 0x0112, 3, 1, orientation << 16);                      // Orientation (SHORT, left-justified)
        entry(t, 0x8825, 4, 1, gpsIfd);                                 // GPSInfo IFD pointer
        be32(t, 0);
        be16(t, 2);
        entry(t, 0x0001, 2, 2, (latitudeRef[0] << 24));                 // GPSLatitudeRef "N"
        entry(t, 0x001B, 7, description.length, descriptionAt);        // GPSProcessingMethod -> the secret
        be32(t, 0);
        t.writeBytes(description);
        return t.toByteArray();
    }

    private static void entry(ByteArrayOutputStream t, int tag, int type, int count, int value) {
        be16(t, tag);
        be16(t, type);
        be32(t, count);
        be32(t, value);
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xFF);
        out.write(marker);
        be16(out, data.length + 2);
        out.writeBytes(data);
    }

    private static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
        be32(out, data.length);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(typeBytes);
        crc.update(data);
        be32(out, (int) crc.getValue());
    }

    private static void riffChunk(ByteArrayOutputStream out, String fourcc, byte[] data) {
        out.writeBytes(fourcc.getBytes(StandardCharsets.ISO_8859_1));
        le32(out, data.length);
        out.writeBytes(data);
        if ((data.length & 1) == 1) {
            out.write(0);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void be16(ByteArrayOutputStream out, int v) {
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    private static void be32(ByteArrayOutputStream out, int v) {
        out.write((v >>> 24) & 0xFF);
        out.write((v >>> 16) & 0xFF);
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    private static void le32(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
        out.write((v >>> 16) & 0xFF);
        out.write((v >>> 24) & 0xFF);
    }
}
