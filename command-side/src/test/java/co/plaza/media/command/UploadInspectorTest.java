package co.plaza.media.command;

import co.plaza.media.api.MediaType;
import co.plaza.media.api.MediaUse;
import co.plaza.platform.test.TestFiles;
import co.plaza.platform.errors.DomainException;
import org.junit.jupiter.api.Test;
import co.plaza.platform.errors.DomainException.Kind;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadInspectorTest {

    private final UploadInspector inspector = new UploadInspector(DataSize.ofKilobytes(200), DataSize.ofKilobytes(300),
            DataSize.ofKilobytes(400), 40_000_000);

    /** Only the bytes reach the inspector: no client name or Content-Type to trust. */
    private static UploadContent file(byte[] content) {
        return UploadContent.of(content);
    }

    @Test
    void decidesTheTypeFromTheContent() {
        assertThat(inspector.inspect(file(TestFiles.png(5, 5)), MediaUse.ADD_IMAGE).mimeType()).isEqualTo("image/png");
        assertThat(inspector.inspect(file(TestFiles.gif(5, 5)), MediaUse.ADD_IMAGE).mimeType()).isEqualTo("image/gif");
        assertThat(inspector.inspect(file(TestFiles.WEBP), MediaUse.ADD_IMAGE).mimeType()).isEqualTo("image/webp");
        UploadInspector.Inspected pdf = inspector.inspect(file(TestFiles.pdf()), MediaUse.GENERIC);
        assertThat(pdf.type()).isEqualTo(MediaType.DOCUMENT);
        assertThat(pdf.extension()).isEqualTo("pdf");
        UploadInspector.Inspected video = inspector.inspect(file(TestFiles.mp4(5000)), MediaUse.CHAT_ATTACHMENT);
        assertThat(video.mimeType()).isEqualTo("video/mp4");
        assertThat(video.size()).isEqualTo(5000);
    }

    @Test
    void refusesWhatTheUseDoesNotAllowOrWhatIsNoMedia() {
        assertKind(() -> inspector.inspect(file(TestFiles.pdf()), MediaUse.ADD_IMAGE), Kind.UNSUPPORTED_TYPE);
        assertKind(() -> inspector.inspect(file(TestFiles.mp4(100)), MediaUse.WORK_IMAGE), Kind.UNSUPPORTED_TYPE);
        assertKind(() -> inspector.inspect(file(TestFiles.html()), MediaUse.GENERIC), Kind.UNSUPPORTED_TYPE);
        assertKind(() -> inspector.inspect(file(TestFiles.svg()), MediaUse.GENERIC), Kind.UNSUPPORTED_TYPE);
        assertKind(() -> inspector.inspect(file("#!/bin/sh\nrm -rf /\n".getBytes()), MediaUse.GENERIC),
                Kind.UNSUPPORTED_TYPE);
    }

    @Test
    void eachTypeHasItsOwnLimit() {
        // 250 KB: over the image limit, under the document limit
        assertKind(() -> inspector.inspect(file(TestFiles.brokenJpeg(250_000)), MediaUse.ADD_IMAGE),
                Kind.TOO_LARGE);
        assertKind(() -> inspector.inspect(file(TestFiles.mp4(410_000)), MediaUse.GENERIC),
                Kind.TOO_LARGE);
        assertThat(inspector.inspect(file(TestFiles.mp4(390_000)), MediaUse.GENERIC).size()).isEqualTo(390_000);
    }

    @Test
    void anImageMustDecodeAndStayUnderTheMegapixelLimit() {
        assertKind(() -> inspector.inspect(file(TestFiles.brokenJpeg(5000)), MediaUse.ADD_IMAGE), Kind.INVALID);
        DomainException tooBig = catchApi(() -> inspector.inspect(file(TestFiles.hugeBinaryPng(8000, 5001)),
                MediaUse.ADD_IMAGE));
        assertThat(tooBig.kind()).isEqualTo(Kind.INVALID);
        assertThat(tooBig.fieldErrors()).containsKey("file");
        assertThat(inspector.inspect(file(TestFiles.hugeBinaryPng(8000, 5000)), MediaUse.ADD_IMAGE).type())
                .isEqualTo(MediaType.IMAGE);
    }

    @Test
    void anEmptyFileIsABadRequest() {
        assertKind(() -> inspector.inspect(file(new byte[0]), MediaUse.GENERIC), Kind.INVALID);
    }

    @Test
    void imagesAreStoredCleaned() throws Exception {
        UploadInspector.Inspected photo = inspector.inspect(file(TestFiles.phoneJpeg()), MediaUse.PROFILE_PICTURE);
        byte[] stored = photo.open().readAllBytes();
        assertThat(TestFiles.contains(stored, TestFiles.GPS_SECRET)).isFalse();
        assertThat(stored).hasSize((int) photo.size());
    }

    private static void assertKind(Runnable action, Kind kind) {
        assertThat(catchApi(action).kind()).isEqualTo(kind);
    }

    private static DomainException catchApi(Runnable action) {
        try {
            action.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("no DomainException");
    }
}
