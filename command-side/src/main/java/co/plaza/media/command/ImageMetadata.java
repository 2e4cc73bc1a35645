package co.plaza.media.command;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * Removes location, camera and author metadata (EXIF, XMP, IPTC, comments) from JPEG, PNG, WebP and GIF files by
 * rewriting their container, without re-encoding a pixel. The EXIF orientation is the one tag kept (in a minimal
 * EXIF block of its own), so a phone photo still displays upright. Bytes after the image's end (where some cameras
 * append thumbnails that carry their own EXIF) are dropped.
 */
public final class ImageMetadata {

    /** The image's bytes are not a well-formed container of the format its magic bytes claim. */
    public static final class MalformedImageException extends Exception {
        MalformedImageException(String message) {
            super(message);
        }
    }

    private ImageMetadata() {
    }

    public static byte[] strip(byte[] data, String mimeType) throws MalformedImageException {
        try {
            return switch (mimeType) {
                case "image/jpeg" -> jpeg(data);
                case "image/png" -> png(data);
                case "image/webp" -> webp(data);
                case "image/gif" -> gif(data);
                default -> throw new MalformedImageException("not an image type: " + mimeType);
            };
        } catch (ArrayIndexOutOfBoundsException e) {
            throw new MalformedImageException("truncated " + mimeType);
        }
    }

    /** The EXIF orientation (1..8) a JPEG, PNG or WebP declares; 1 when it declares none. */
    public static int orientation(byte[] data, String mimeType) {
        try {
            byte[] exifTiff = switch (mimeType) {
                case "image/jpeg" -> jpegExif(data);
                case "image/png" -> chunk(data, "eXIf");
                case "image/webp" -> webpExif(data);
                default -> null;
            };
            return exifTiff == null ? 1 : tiffOrientation(exifTiff, 0);
        } catch (RuntimeException e) {
            return 1;
        }
    }

    // ---- JPEG: a sequence of marker segments, entropy-coded data after each SOS ----

    private static final byte[] EXIF_HEADER = {'E', 'x', 'i', 'f', 0, 0};
    private static final byte[] ICC_HEADER = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

    private static byte[] jpeg(byte[] d) throws MalformedImageException {
        if (d.length < 4 || u8(d, 0) != 0xFF || u8(d, 1) != 0xD8) {
            throw new MalformedImageException("no JPEG start");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
        out.write(0xFF);
        out.write(0xD8);
        int orientation = 1;
        boolean orientationWritten = false;
        int pos = 2;
        while (true) {
            if (pos + 1 >= d.length) {
                throw new MalformedImageException("JPEG ends without EOI");
            }
            if (u8(d, pos) != 0xFF) {
                throw new MalformedImageException("JPEG marker expected at " + pos);
            }
            int marker = u8(d, pos + 1);
            if (marker == 0xFF) { // fill byte
                pos++;
                continue;
            }
            if (marker == 0xD9) { // EOI: whatever follows is not part of this image
                out.write(0xFF);
                out.write(0xD9);
                return out.toByteArray();
            }
            if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // markers without a length
                out.write(d, pos, 2);
                pos += 2;
                continue;
            }
            int length = u16be(d, pos + 2);
            int end = pos + 2 + length;
            if (length < 2 || end > d.length) {
                throw new MalformedImageException("JPEG segment overruns the file");
            }
            boolean keep;
            if (marker == 0xE1) {
                if (startsWith(d, pos + 4, EXIF_HEADER)) {
                    orientation = tiffOrientation(d, pos + 4 + EXIF_HEADER.length);
                }
                keep = false; // EXIF (GPS, camera, owner) and XMP
            } else if (marker == 0xE2) {
                keep = startsWith(d, pos + 4, ICC_HEADER); // colour profile yes, FlashPix/MPF no
            } else if (marker == 0xEE) {
                keep = true; // Adobe: tells decoders the colour transform
            } else if (marker >= 0xE0 && marker <= 0xEF) {
                keep = marker == 0xE0; // JFIF; APP13 (IPTC) and the rest go
            } else {
                keep = marker != 0xFE; // comments go; tables, frames and scans stay
            }
            if (!orientationWritten && orientation != 1 && marker != 0xE0 && marker != 0xE1) {
                // after JFIF (which must come first) and after the original EXIF was read
                writeJpegOrientation(out, orientation);
                orientationWritten = true;
            }
            if (keep) {
                out.write(d, pos, end - pos);
            }
            pos = end;
            if (marker == 0xDA) { // start of scan: copy entropy-coded data up to the next real marker
                int scan = pos;
                while (scan + 1 < d.length) {
                    if (u8(d, scan) == 0xFF) {
                        int next = u8(d, scan + 1);
                        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                            break;
                        }
                    }
                    scan++;
                }
                out.write(d, pos, scan - pos);
                pos = scan;
            }
        }
    }

    private static void writeJpegOrientation(ByteArrayOutputStream out, int orientation) {
        byte[] tiff = minimalTiff(orientation);
        int length = 2 + EXIF_HEADER.length + tiff.length;
        out.write(0xFF);
        out.write(0xE1);
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(EXIF_HEADER);
        out.writeBytes(tiff);
    }

    private static byte[] jpegExif(byte[] d) {
        int pos = 2;
        while (pos + 4 < d.length && u8(d, pos) == 0xFF) {
            int marker = u8(d, pos + 1);
            if (marker == 0xDA || marker == 0xD9) {
                return null;
            }
            int length = u16be(d, pos + 2);
            if (marker == 0xE1 && startsWith(d, pos + 4, EXIF_HEADER)) {
                return Arrays.copyOfRange(d, pos + 4 + EXIF_HEADER.length, pos + 2 + length);
            }
            pos += 2 + length;
        }
        return null;
    }

    // ---- EXIF/TIFF: only the orientation tag (0x0112) of IFD0 is read or written ----

    private static int tiffOrientation(byte[] d, int tiff) {
        if (tiff + 8 > d.length) {
            return 1;
        }
        boolean little = d[tiff] == 'I' && d[tiff + 1] == 'I';
        if (!little && !(d[tiff] == 'M' && d[tiff + 1] == 'M')) {
            return 1;
        }
        long ifd = u32(d, tiff + 4, little);
        if (ifd < 8 || tiff + ifd + 2 > d.length) {
            return 1;
        }
        int entries = u16(d, (int) (tiff + ifd), little);
        for (int i = 0; i < entries; i++) {
            int entry = (int) (tiff + ifd + 2 + 12L * i);
            if (entry + 12 > d.length) {
                return 1;
            }
            if (u16(d, entry, little) == 0x0112 && u16(d, entry + 2, little) == 3) {
                int value = u16(d, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** A big-endian TIFF header with one IFD holding one SHORT: the orientation. */
    static byte[] minimalTiff(int orientation) {
        return new byte[]{
                'M', 'M', 0, 42, 0, 0, 0, 8,        // header, IFD0 at 8
                0, 1,                               // one entry
                0x01, 0x12, 0, 3, 0, 0, 0, 1,       // tag 0x0112, SHORT, count 1
                0, (byte) orientation, 0, 0,        // value, padded
                0, 0, 0, 0                          // no next IFD
        };
    }

    // ---- PNG: chunks; ancillary chunks are kept only when they affect how pixels look ----

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final Set<String> PNG_KEEP = Set.of("IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA",
            "iCCP", "sBIT", "sRGB", "bKGD", "hIST", "pHYs", "sPLT", "acTL", "fcTL", "fdAT", "cICP");

    private static byte[] png(byte[] d) throws MalformedImageException {
        if (!startsWith(d, 0, PNG_SIGNATURE)) {
            throw new MalformedImageException("no PNG signature");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
        out.writeBytes(PNG_SIGNATURE);
        int orientation = 1;
        byte[] exif = chunk(d, "eXIf");
        if (exif != null) {
            orientation = tiffOrientation(exif, 0);
        }
        boolean orientationWritten = orientation == 1;
        int pos = PNG_SIGNATURE.length;
        while (true) {
            if (pos + 12 > d.length) {
                throw new MalformedImageException("PNG ends without IEND");
            }
            long length = u32(d, pos, false);
            String type = new String(d, pos + 4, 4, StandardCharsets.US_ASCII);
            if (length > d.length - pos - 12L) {
                throw new MalformedImageException("PNG chunk overruns the file");
            }
            int end = pos + 12 + (int) length;
            if (!orientationWritten && (type.equals("IDAT") || type.equals("IEND"))) {
                writePngChunk(out, "eXIf", minimalTiff(orientation)); // eXIf must precede IDAT
                orientationWritten = true;
            }
            if (PNG_KEEP.contains(type)) {
                out.write(d, pos, end - pos);
            }
            pos = end;
            if (type.equals("IEND")) {
                return out.toByteArray();
            }
        }
    }

    private static byte[] chunk(byte[] d, String wanted) {
        int pos = PNG_SIGNATURE.length;
        while (pos + 12 <= d.length) {
            long length = u32(d, pos, false);
            String type = new String(d, pos + 4, 4, StandardCharsets.US_ASCII);
            if (length > d.length - pos - 12L) {
                return null;
            }
            if (type.equals(wanted)) {
                return Arrays.copyOfRange(d, pos + 8, pos + 8 + (int) length);
            }
            if (type.equals("IEND")) {
                return null;
            }
            pos += 12 + (int) length;
        }
        return null;
    }

    private static void writePngChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        writeU32be(out, data.length);
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        writeU32be(out, crc.getValue());
    }

    // ---- WebP: a RIFF container; EXIF and XMP are chunks flagged in VP8X ----

    private static final int VP8X_EXIF = 0x08;
    private static final int VP8X_XMP = 0x04;

    private static byte[] webp(byte[] d) throws MalformedImageException {
        if (d.length < 20 || !startsWith(d, 0, "RIFF".getBytes(StandardCharsets.US_ASCII))
                || !startsWith(d, 8, "WEBP".getBytes(StandardCharsets.US_ASCII))) {
            throw new MalformedImageException("no WebP header");
        }
        long riffEnd = Math.min(d.length, 8 + u32(d, 4, true));
        byte[] exif = webpExif(d);
        int orientation = exif == null ? 1 : tiffOrientation(exif, 0);
        ByteArrayOutputStream body = new ByteArrayOutputStream(d.length);
        body.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        int pos = 12;
        while (pos + 8 <= riffEnd) {
            String fourcc = new String(d, pos, 4, StandardCharsets.US_ASCII);
            long size = u32(d, pos + 4, true);
            long padded = size + (size & 1);
            if (pos + 8 + size > riffEnd) {
                throw new MalformedImageException("WebP chunk overruns the file");
            }
            int end = (int) Math.min(riffEnd, pos + 8 + padded);
            switch (fourcc) {
                case "VP8X" -> {
                    byte[] chunk = Arrays.copyOfRange(d, pos, end);
                    int flags = chunk[8] & 0xFF;
                    flags &= ~(VP8X_EXIF | VP8X_XMP);
                    if (orientation != 1) {
                        flags |= VP8X_EXIF;
                    }
                    chunk[8] = (byte) flags;
                    body.writeBytes(chunk);
                }
                case "VP8 ", "VP8L", "ALPH", "ANIM", "ANMF", "ICCP" -> body.write(d, pos, end - pos);
                default -> {
                    // EXIF, XMP and chunks no decoder needs
                }
            }
            pos = end;
        }
        if (orientation != 1 && d.length > 12 && "VP8X".equals(new String(d, 12, 4, StandardCharsets.US_ASCII))) {
            byte[] tiff = minimalTiff(orientation);
            body.writeBytes("EXIF".getBytes(StandardCharsets.US_ASCII));
            writeU32le(body, tiff.length);
            body.writeBytes(tiff);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 8);
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        writeU32le(out, body.size());
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] webpExif(byte[] d) {
        long riffEnd = Math.min(d.length, 8 + u32(d, 4, true));
        int pos = 12;
        while (pos + 8 <= riffEnd) {
            long size = u32(d, pos + 4, true);
            if (pos + 8 + size > riffEnd) {
                return null;
            }
            if (new String(d, pos, 4, StandardCharsets.US_ASCII).equals("EXIF")) {
                byte[] exif = Arrays.copyOfRange(d, pos + 8, pos + 8 + (int) size);
                // some writers keep JPEG's "Exif\0\0" prefix
                return startsWith(exif, 0, EXIF_HEADER) ? Arrays.copyOfRange(exif, 6, exif.length) : exif;
            }
            pos += 8 + (int) (size + (size & 1));
        }
        return null;
    }

    // ---- GIF: blocks; comment and unknown application extensions (XMP lives there) go ----

    private static byte[] gif(byte[] d) throws MalformedImageException {
        if (d.length < 13 || !(startsWith(d, 0, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || startsWith(d, 0, "GIF89a".getBytes(StandardCharsets.US_ASCII)))) {
            throw new MalformedImageException("no GIF header");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(d.length);
        int packed = u8(d, 10);
        int pos = 13 + ((packed & 0x80) != 0 ? 3 * (1 << ((packed & 0x07) + 1)) : 0);
        out.write(d, 0, pos);
        while (true) {
            if (pos >= d.length) {
                throw new MalformedImageException("GIF ends without trailer");
            }
            int block = u8(d, pos);
            if (block == 0x3B) {
                out.write(0x3B);
                return out.toByteArray();
            } else if (block == 0x2C) { // image: descriptor, optional local colour table, LZW data
                int flags = u8(d, pos + 9);
                int start = pos;
                pos += 10 + ((flags & 0x80) != 0 ? 3 * (1 << ((flags & 0x07) + 1)) : 0);
                pos = skipSubBlocks(d, pos + 1);
                out.write(d, start, pos - start);
            } else if (block == 0x21) {
                int label = u8(d, pos + 1);
                int start = pos;
                boolean keep = label == 0xF9 || label == 0x01;
                if (label == 0xFF && u8(d, pos + 2) == 11) {
                    String app = new String(d, pos + 3, 11, StandardCharsets.US_ASCII);
                    keep = app.equals("NETSCAPE2.0") || app.equals("ANIMEXTS1.0"); // looping
                }
                pos = skipSubBlocks(d, pos + 2);
                if (keep) {
                    out.write(d, start, pos - start);
                }
            } else {
                throw new MalformedImageException("unknown GIF block " + block);
            }
        }
    }

    private static int skipSubBlocks(byte[] d, int pos) {
        while (true) {
            int size = u8(d, pos);
            pos += 1 + size;
            if (size == 0) {
                return pos;
            }
        }
    }

    // ---- bytes ----

    private static boolean startsWith(byte[] d, int offset, byte[] prefix) {
        if (offset < 0 || offset + prefix.length > d.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (d[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int u8(byte[] d, int i) {
        return d[i] & 0xFF;
    }

    private static int u16be(byte[] d, int i) {
        return (u8(d, i) << 8) | u8(d, i + 1);
    }

    private static int u16(byte[] d, int i, boolean little) {
        return little ? (u8(d, i + 1) << 8) | u8(d, i) : u16be(d, i);
    }

    private static long u32(byte[] d, int i, boolean little) {
        if (little) {
            return ((long) u8(d, i + 3) << 24) | (u8(d, i + 2) << 16) | (u8(d, i + 1) << 8) | u8(d, i);
        }
        return ((long) u8(d, i) << 24) | (u8(d, i + 1) << 16) | (u8(d, i + 2) << 8) | u8(d, i + 3);
    }

    private static void writeU32be(ByteArrayOutputStream out, long v) {
        out.write((int) (v >>> 24) & 0xFF);
        out.write((int) (v >>> 16) & 0xFF);
        out.write((int) (v >>> 8) & 0xFF);
        out.write((int) v & 0xFF);
    }

    private static void writeU32le(ByteArrayOutputStream out, long v) {
        out.write((int) v & 0xFF);
        out.write((int) (v >>> 8) & 0xFF);
        out.write((int) (v >>> 16) & 0xFF);
        out.write((int) (v >>> 24) & 0xFF);
    }
}
