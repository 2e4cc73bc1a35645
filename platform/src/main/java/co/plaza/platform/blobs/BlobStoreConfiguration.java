package co.plaza.platform.blobs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * S3 when {@code S3_ENDPOINT} and {@code S3_BUCKET} are set (MinIO in docker-compose, Supabase or AWS in
 * production); otherwise files under the platform's data directory, the embedded default.
 */
@Configuration(proxyBeanMethods = false)
public class BlobStoreConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BlobStoreConfiguration.class);

    @Bean
    public BlobStore blobStore(@Value("${plaza.media.s3.endpoint:}") String endpoint,
                               @Value("${plaza.media.s3.bucket:}") String bucket,
                               @Value("${plaza.media.s3.access-key:}") String accessKey,
                               @Value("${plaza.media.s3.secret-key:}") String secretKey,
                               @Value("${plaza.media.s3.region:us-east-1}") String region,
                               @Value("${plaza.media.s3.path-style:true}") boolean pathStyle,
                               @Value("${plaza.media.dir:${plaza.data-dir}/media}") Path directory) throws IOException {
        BlobStore store;
        if (!endpoint.isBlank() && !bucket.isBlank()) {
            S3BlobStore s3 = new S3BlobStore(s3Client(endpoint, accessKey, secretKey, region, pathStyle), bucket);
            s3.ensureBucket();
            store = s3;
        } else {
            store = new FilesystemBlobStore(directory);
        }
        log.info("Media blobs: {}", store.describe());
        return store;
    }

    public static S3Client s3Client(String endpoint, String accessKey, String secretKey, String region,
                                    boolean pathStyle) {
        S3ClientBuilder builder = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                // MinIO and most S3-compatible stores address buckets by path, not by virtual host
                .forcePathStyle(pathStyle)
                // checksums only where S3 demands them: several S3-compatible stores reject the newer trailers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(accessKey.isBlank()
                        ? DefaultCredentialsProvider.builder().build()
                        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
        return builder.build();
    }
}
