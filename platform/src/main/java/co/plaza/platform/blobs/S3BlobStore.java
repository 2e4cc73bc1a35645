package co.plaza.platform.blobs;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

/** Any S3-compatible store (MinIO, Supabase Storage, AWS S3) through the AWS SDK v2. */
public class S3BlobStore implements BlobStore {

    private final S3Client s3;
    private final String bucket;

    public S3BlobStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** Creates the bucket when it does not exist yet (a fresh MinIO); a store that refuses creation is left alone. */
    public void ensureBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public void put(String key, InputStream content, long size, String contentType) throws IOException {
        try {
            s3.putObject(r -> r.bucket(bucket).key(key).contentType(contentType).contentLength(size),
                    RequestBody.fromInputStream(content, size));
        } catch (S3Exception e) {
            throw new IOException("S3 put " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String key, long offset, long length) throws IOException {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(bucket).key(key);
        if (offset > 0 || length >= 0) {
            request.range("bytes=" + offset + "-" + (length >= 0 ? String.valueOf(offset + length - 1) : ""));
        }
        try {
            return s3.getObject(request.build());
        } catch (NoSuchKeyException e) {
            throw new java.nio.file.NoSuchFileException(key);
        } catch (S3Exception e) {
            throw new IOException("S3 get " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<BlobInfo> stat(String key) throws IOException {
        try {
            HeadObjectResponse head = s3.headObject(r -> r.bucket(bucket).key(key));
            return Optional.of(new BlobInfo(key, head.contentLength(), head.lastModified()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("S3 head " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(r -> r.bucket(bucket).key(key)); // S3 answers 204 for a missing key too
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw new IOException("S3 delete " + key + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void list(String prefix, Consumer<BlobInfo> each) throws IOException {
        try {
            s3.listObjectsV2Paginator(ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build())
                    .contents()
                    .forEach(o -> each.accept(new BlobInfo(o.key(), o.size(), o.lastModified())));
        } catch (S3Exception e) {
            throw new IOException("S3 list " + prefix + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3 bucket " + bucket;
    }
}
