package co.plaza.media.command;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The bytes of an upload as any edge received them (an HTTP multipart part, a WebSocket frame, a file the ETL
 * imports): their size, and a way to read them from the start, as often as inspecting and storing needs.
 */
public interface UploadContent {

    long size();

    InputStream open() throws IOException;

    static UploadContent of(byte[] bytes) {
        return new UploadContent() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(bytes);
            }
        };
    }
}
