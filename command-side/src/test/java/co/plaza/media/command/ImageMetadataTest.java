package co.plaza.media.command;

import co.plaza.platform.test.TestFiles;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;

import static co.plaza.platform.test.TestFiles.COMMENT_SECRET;
import static co.plaza.platform.test.TestFiles.GPS_SECRET;
import static co.plaza.platform.test.TestFiles.XMP_SECRET;
import static co.plaza.platform.test.TestFiles.contains;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageMetadataTest {

    @Test
    void aPhoneJpegLosesLocationCameraAndCommentsButStaysUpright() throws Exception {
        byte[] photo = TestFiles.phoneJpeg();
        assertThat(contains(photo, GPS_SECRET)).isTrue();
        assertThat(ImageMetadata.orientation(photo, "image/jpeg")).isEqualTo(6);

        byte[] clean = ImageMetadata.strip(photo, "image/jpeg");

        assertThat(contains(clean, GPS_SECRET)).isFalse();
        assertThat(contains(clean, XMP_SECRET)).isFalse();
        assertThat(contains(clean, COMMENT_SECRET)).isFalse();
        assertThat(ImageMetadata.orientation(clean, "image/jpeg")).isEqualTo(6);
        assertSamePixels(photo, clean);
    }

    @Test
    void jpegScanDataIsCopiedByteForByte() throws Exception {
        byte[] plain = TestFiles.jpeg(64, 48);
        byte[] clean = ImageMetadata.strip(plain, "image/jpeg");
        // no metadata to remove: JFIF, tables and scan survive exactly (no re-encoding)
        assertThat(clean).isEqualTo(plain);
    }

    @Test
    void bytesAfterTheEndOfAJpegAreDropped() throws Exception {
        byte[] plain = TestFiles.jpeg(10, 10);
        byte[] withTrailer = new byte[plain.length + GPS_SECRET.length()];
        System.arraycopy(plain, 0, withTrailer, 0, plain.length);
        System.arraycopy(GPS_SECRET.getBytes(), 0, withTrailer, plain.length, GPS_SECRET.length());
        assertThat(ImageMetadata.strip(withTrailer, "image/jpeg")).isEqualTo(plain);
    }

    @Test
    void pngTextAndExifChunksGoOrientationStays() throws Exception {
        byte[] photo = TestFiles.phonePng();
        byte[] clean = ImageMetadata.strip(photo, "image/png");

        assertThat(contains(clean, GPS_SECRET)).isFalse();
        assertThat(contains(clean, XMP_SECRET)).isFalse();
        assertThat(contains(clean, COMMENT_SECRET)).isFalse();
        assertThat(ImageMetadata.orientation(clean, "image/png")).isEqualTo(3);
        assertSamePixels(photo, clean);
    }

    @Test
    void webpExifAndXmpChunksGoAndTheFlagsFollow() throws Exception {
        byte[] photo = TestFiles.phoneWebp();
        assertThat(contains(photo, XMP_SECRET)).isTrue();
        byte[] clean = ImageMetadata.strip(photo, "image/webp");

        assertThat(contains(clean, GPS_SECRET)).isFalse();
        assertThat(contains(clean, XMP_SECRET)).isFalse();
        assertThat(ImageMetadata.orientation(clean, "image/webp")).isEqualTo(8);
        assertThat(clean[20] & 0x04).as("XMP flag").isZero();
        assertThat(clean[20] & 0x08).as("EXIF flag: the orientation block").isNotZero();
        assertThat(riffSize(clean)).isEqualTo(clean.length - 8);
        assertSamePixels(TestFiles.WEBP, clean);
    }

    @Test
    void gifCommentsAndXmpGo() throws Exception {
        byte[] gif = TestFiles.commentedGif();
        byte[] clean = ImageMetadata.strip(gif, "image/gif");
        assertThat(contains(clean, COMMENT_SECRET)).isFalse();
        assertThat(contains(clean, XMP_SECRET)).isFalse();
        assertSamePixels(gif, clean);
    }

    @Test
    void aTruncatedFileIsMalformed() {
        byte[] plain = TestFiles.png(10, 10);
        byte[] cut = java.util.Arrays.copyOf(plain, plain.length / 2);
        assertThatThrownBy(() -> ImageMetadata.strip(cut, "image/png"))
                .isInstanceOf(ImageMetadata.MalformedImageException.class);
        assertThatThrownBy(() -> ImageMetadata.strip(new byte[]{(byte) 0xFF, (byte) 0xD8, 1, 2}, "image/jpeg"))
                .isInstanceOf(ImageMetadata.MalformedImageException.class);
    }

    private static long riffSize(byte[] webp) {
        return (webp[4] & 0xFF) | (webp[5] & 0xFF) << 8 | (webp[6] & 0xFF) << 16 | (long) (webp[7] & 0xFF) << 24;
    }

    private static void assertSamePixels(byte[] original, byte[] clean) throws Exception {
        BufferedImage a = ImageIO.read(new ByteArrayInputStream(original));
        BufferedImage b = ImageIO.read(new ByteArrayInputStream(clean));
        assertThat(b).as("still decodes").isNotNull();
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                assertThat(b.getRGB(x, y)).isEqualTo(a.getRGB(x, y));
            }
        }
    }
}
