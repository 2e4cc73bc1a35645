package co.plaza.platform.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The HMAC key that signs access tokens: {@code PLAZA_JWT_SECRET}, at least 256 bits and not a published example.
 * Only the all-in-one development app ({@code plaza.development}) may go without one: it generates a random key once
 * and keeps it in the data directory so tokens survive restarts. Every other deployable refuses to start without a
 * strong secret, since anyone who knows the key signs themselves an admin token.
 */
@Component
public class JwtKeys {

    /** Secrets this repository once shipped as defaults: public, so no key at all. */
    private static final Set<String> PUBLISHED = Set.of("plaza-local-only-jwt-secret-0123456789abcdef");
    private static final int MIN_BYTES = 32;
    private static final int MIN_DISTINCT = 8;

    private final SecretKey key;

    public JwtKeys(@Value("${plaza.jwt.secret:}") String secret, @Value("${plaza.data-dir}") String dataDir,
                   @Value("${plaza.development:false}") boolean development) {
        byte[] bytes;
        if (secret == null || secret.isBlank()) {
            if (!development) {
                throw new IllegalStateException("PLAZA_JWT_SECRET is required (at least 256 bits, e.g. the output of "
                        + "`openssl rand -base64 48`); only the all-in-one development app generates its own");
            }
            bytes = keyFile(Path.of(dataDir));
        } else {
            bytes = secret.getBytes(StandardCharsets.UTF_8);
            requireStrong(secret, bytes);
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    private static void requireStrong(String secret, byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("PLAZA_JWT_SECRET must be at least 256 bits (32 bytes)");
        }
        if (PUBLISHED.contains(secret)) {
            throw new IllegalStateException("PLAZA_JWT_SECRET is a published example value; set a secret of your own");
        }
        if (secret.chars().distinct().count() < MIN_DISTINCT) {
            throw new IllegalStateException("PLAZA_JWT_SECRET is too repetitive to be a secret; use random bytes");
        }
    }

    private static byte[] keyFile(Path dataDir) {
        Path file = dataDir.resolve("jwt-secret.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            Files.createDirectories(dataDir);
            byte[] fresh = new byte[64];
            new SecureRandom().nextBytes(fresh);
            Path tmp = Files.createTempFile(dataDir, "jwt", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh));
            Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the JWT key in " + file, e);
        }
    }

    public SecretKey key() {
        return key;
    }
}
