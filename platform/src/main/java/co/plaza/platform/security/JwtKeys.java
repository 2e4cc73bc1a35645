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

/**
 * The HMAC key that signs access tokens: {@code PLAZA_JWT_SECRET} (at least 256 bits), or, in the embedded
 * default, a random key generated once and kept in the data directory so tokens survive restarts.
 */
@Component
public class JwtKeys {

    private final SecretKey key;

    public JwtKeys(@Value("${plaza.jwt.secret:}") String secret, @Value("${plaza.data-dir}") String dataDir) {
        byte[] bytes = secret == null || secret.isBlank() ? keyFile(Path.of(dataDir)) : secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < 32) {
            throw new IllegalStateException("PLAZA_JWT_SECRET must be at least 256 bits (32 bytes)");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
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
