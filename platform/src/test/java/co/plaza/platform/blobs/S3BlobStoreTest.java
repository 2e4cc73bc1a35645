package co.plaza.platform.blobs;

import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The S3 adapter against s3proxy: a real S3 protocol server (signatures, ranges, pagination) in this JVM. */
class S3BlobStoreTest extends BlobStoreContract {

    @RegisterExtension
    static final S3ProxyExtension S3_PROXY = S3ProxyExtension.builder()
            .withCredentials("plaza-access", "plaza-secret")
            .build();

    private S3Client client;
    private S3BlobStore store;

    @BeforeEach
    void setUp() {
        client = BlobStoreConfiguration.s3Client(S3_PROXY.getUri().toString(), S3_PROXY.getAccessKey(),
                S3_PROXY.getSecretKey(), "us-east-1", true);
        store = new S3BlobStore(client, "plaza-media");
        store.ensureBucket();
    }

    @AfterEach
    void tearDown() {
        client.close();
    }

    @Override
    BlobStore store() {
        return store;
    }

    @Test
    void createsItsBucketOnceAndListsPastOnePage() throws Exception {
        store.ensureBucket(); // already there: no error
        for (int i = 0; i < 1005; i++) { // S3 pages listings by 1000
            store.put("media/many/" + i, new ByteArrayInputStream(new byte[]{(byte) i}), 1, "image/png");
        }
        long[] count = {0};
        store.list("media/many/", info -> count[0]++);
        assertThat(count[0]).isEqualTo(1005);
    }
}
