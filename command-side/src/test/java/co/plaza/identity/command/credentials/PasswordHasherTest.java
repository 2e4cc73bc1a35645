package co.plaza.identity.command.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.security.crypto.bcrypt.BCrypt;

class PasswordHasherTest {

    // One instance: building it runs Argon2 once for the dummy hash.
    private static final PasswordHasher hasher = new PasswordHasher();

    // Made with Django 3.2.25 (Debian python3-django) and pyca/bcrypt 3.2.2, via PBKDF2PasswordHasher.encode
    // and BCryptSHA256PasswordHasher.encode.
    private static final String DJANGO_PBKDF2_DOC_VECTOR =
            "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=";
    private static final String DJANGO_PASSWORD = "Contraseña-Ñandú-2024";
    private static final String DJANGO_PBKDF2 =
            "pbkdf2_sha256$870000$Zq8Vb3nLk2Jx0pWd$UcywqROMoCY+iDzbhvOw1v8USx5k+k5YctLCCY967AA=";
    private static final String DJANGO_BCRYPT_SHA256 =
            "bcrypt_sha256$$2b$10$wGgMPc0U1u9Yonu8z7riVe4DjnChe6zIjeZpVef6A.SlXC3hSnWC2";
    private static final String DJANGO_LONG_PASSWORD = "x".repeat(80) + "ñ".repeat(10);
    private static final String DJANGO_BCRYPT_SHA256_LONG =
            "bcrypt_sha256$$2b$10$LBxpVueV1J2XxxeFDQyfrespz3PLA3TXTQiLDSTpFC1b6rrHHww46";

    @Test
    void hashesWithArgon2idAtAsvsStrength() {
        String stored = hasher.hash("correct horse battery staple");

        assertThat(stored).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        String[] parts = stored.split("\\$");
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
        assertThat(hasher.verify("correct horse battery staple", stored)).isTrue();
        assertThat(hasher.verify("correct horse battery stapl", stored)).isFalse();
        assertThat(hasher.verify("Correct horse battery staple", stored)).isFalse();
        assertThat(hasher.needsUpgrade(stored)).isFalse();
    }

    @Test
    void saltsEveryHash() {
        String first = hasher.hash("same password");
        String second = hasher.hash("same password");

        assertThat(first).isNotEqualTo(second);
        assertThat(hasher.verify("same password", first)).isTrue();
        assertThat(hasher.verify("same password", second)).isTrue();
    }

    @Test
    void handlesUnicodeAndEmptyPasswords() {
        String stored = hasher.hash("contraseña 🔑 ñandú");
        assertThat(hasher.verify("contraseña 🔑 ñandú", stored)).isTrue();
        assertThat(hasher.verify("contrasena 🔑 nandu", stored)).isFalse();

        String empty = hasher.hash("");
        assertThat(hasher.verify("", empty)).isTrue();
        assertThat(hasher.verify(" ", empty)).isFalse();
    }

    @Test
    void verifiesDjangosDocumentedPbkdf2Vector() {
        // Check the vector independently first (BouncyCastle, not the JCA code under test).
        assertThat(djangoPbkdf2("lètmein", "seasalt", 260_000)).isEqualTo(DJANGO_PBKDF2_DOC_VECTOR);

        assertThat(hasher.verify("lètmein", DJANGO_PBKDF2_DOC_VECTOR)).isTrue();
        assertThat(hasher.verify("letmein", DJANGO_PBKDF2_DOC_VECTOR)).isFalse();
        assertThat(hasher.verify("lètmein ", DJANGO_PBKDF2_DOC_VECTOR)).isFalse();
        assertThat(hasher.needsUpgrade(DJANGO_PBKDF2_DOC_VECTOR)).isTrue();
    }

    @Test
    void verifiesPbkdf2HashesMadeByDjango() {
        assertThat(hasher.verify(DJANGO_PASSWORD, DJANGO_PBKDF2)).isTrue();
        assertThat(hasher.verify(DJANGO_PASSWORD.toLowerCase(), DJANGO_PBKDF2)).isFalse();
        assertThat(hasher.needsUpgrade(DJANGO_PBKDF2)).isTrue();
    }

    @Test
    void verifiesPbkdf2HashesGeneratedHere() {
        String stored = djangoPbkdf2("s3cr3t-ñ-€", "aB3dE6gH9jK2mN5p", 1_000);

        assertThat(hasher.verify("s3cr3t-ñ-€", stored)).isTrue();
        assertThat(hasher.verify("s3cr3t-n-€", stored)).isFalse();
        // salt and iteration count are part of what is checked
        assertThat(hasher.verify("s3cr3t-ñ-€", stored.replace("$1000$", "$1001$"))).isFalse();
        assertThat(hasher.verify("s3cr3t-ñ-€", stored.replace("aB3dE6", "aB3dE7"))).isFalse();
    }

    @Test
    void verifiesBcryptSha256HashesMadeByDjango() {
        assertThat(hasher.verify(DJANGO_PASSWORD, DJANGO_BCRYPT_SHA256)).isTrue();
        assertThat(hasher.verify(DJANGO_PASSWORD + "!", DJANGO_BCRYPT_SHA256)).isFalse();
        assertThat(hasher.needsUpgrade(DJANGO_BCRYPT_SHA256)).isTrue();
    }

    @Test
    void bcryptSha256IsNotTruncatedAt72Bytes() {
        assertThat(hasher.verify(DJANGO_LONG_PASSWORD, DJANGO_BCRYPT_SHA256_LONG)).isTrue();
        // same first 72 bytes, which plain bcrypt would accept
        String samePrefix = DJANGO_LONG_PASSWORD.substring(0, 80) + "n".repeat(10);
        assertThat(hasher.verify(samePrefix, DJANGO_BCRYPT_SHA256_LONG)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$2b", "$2a", "$2y"})
    void verifiesBcryptSha256HashesGeneratedHere(String version) {
        String stored = "bcrypt_sha256$" + BCrypt.hashpw(hexSha256("p@ssw0rd-ñ"), BCrypt.gensalt(version, 4));

        assertThat(stored).startsWith("bcrypt_sha256$" + version + "$04$");
        assertThat(hasher.verify("p@ssw0rd-ñ", stored)).isTrue();
        assertThat(hasher.verify("p@ssw0rd-n", stored)).isFalse();
    }

    @Test
    void plainBcryptOfTheRawPasswordIsNotAcceptedAsBcryptSha256() {
        String stored = "bcrypt_sha256$" + BCrypt.hashpw("p@ssw0rd", BCrypt.gensalt(4));

        assertThat(hasher.verify("p@ssw0rd", stored)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "!",
            "!0PSKKJoFSqNd0unI7BUe3n9bumuMXDwJhiLpM9AO",
            "!pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
            "garbage",
            "lètmein",
            "md5$seasalt$f5531bef9f3687d0ccf0f617f0e25573",
            "pbkdf2_sha256$",
            "pbkdf2_sha256$$$",
            "pbkdf2_sha256$abc$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
            "pbkdf2_sha256$0$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
            "pbkdf2_sha256$-5$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
            "pbkdf2_sha256$99999999999$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
            "pbkdf2_sha256$2000000000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
            "pbkdf2_sha256$260000$$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
            "pbkdf2_sha256$260000$seasalt$not*base64",
            "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuo",
            "pbkdf2_sha256$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=$extra",
            "pbkdf2_sha1$260000$seasalt$YlZ2Vggtqdc61YjArZuoApoBh9JNGYoDRBUGu6tcJQo=",
            "bcrypt_sha256$",
            "bcrypt_sha256$$",
            "bcrypt_sha256$$2b$",
            "bcrypt_sha256$$2b$10$short",
            "bcrypt_sha256$$2b$99$wGgMPc0U1u9Yonu8z7riVe4DjnChe6zIjeZpVef6A.SlXC3hSnWC2",
            "bcrypt_sha256$$3x$10$wGgMPc0U1u9Yonu8z7riVe4DjnChe6zIjeZpVef6A.SlXC3hSnWC2",
            "bcrypt$$2b$10$wGgMPc0U1u9Yonu8z7riVe4DjnChe6zIjeZpVef6A.SlXC3hSnWC2",
            "$argon2id$",
            "$argon2id$v=19$m=abc,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
            "$argon2id$v=19$m=19456,t=2,p=1$!!!$???",
            "$argon2id$v=19$m=19456,t=2,p=1",
            "$argon2id$v=19$m=999999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "$argon2id$v=19$m=19456,t=2000000,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            " $argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "$argon2x$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
            "$2b$10$wGgMPc0U1u9Yonu8z7riVe4DjnChe6zIjeZpVef6A.SlXC3hSnWC2"
    })
    void unusableOrGarbageHashesNeverVerify(String stored) {
        assertThatNoException().isThrownBy(() -> {
            assertThat(hasher.verify("lètmein", stored)).isFalse();
            assertThat(hasher.verify("", stored)).isFalse();
            assertThat(hasher.verify(null, stored)).isFalse();
            assertThat(hasher.needsUpgrade(stored)).isTrue();
        });
    }

    @Test
    void nullPasswordNeverVerifies() {
        assertThat(hasher.verify(null, hasher.hash("x"))).isFalse();
        assertThat(hasher.verify(null, DJANGO_PBKDF2_DOC_VECTOR)).isFalse();
        assertThat(hasher.verify(null, DJANGO_BCRYPT_SHA256)).isFalse();
    }

    @Test
    void argon2HashesWithOtherParametersStillVerifyButNeedUpgrade() {
        PasswordHasher weaker = new PasswordHasher(4096, 1, 1);
        String old = weaker.hash("hunter2hunter2");
        assertThat(old).startsWith("$argon2id$v=19$m=4096,t=1,p=1$");
        assertThat(hasher.verify("hunter2hunter2", old)).isTrue();
        assertThat(hasher.needsUpgrade(old)).isTrue();
        assertThat(weaker.needsUpgrade(old)).isFalse();

        // stronger than current counts as "not current" too
        String stronger = new PasswordHasher(32_768, 3, 1).hash("hunter2hunter2");
        assertThat(hasher.verify("hunter2hunter2", stronger)).isTrue();
        assertThat(hasher.needsUpgrade(stronger)).isTrue();
    }

    @Test
    void otherArgon2VariantsNeedUpgrade() {
        String current = hasher.hash("hunter2hunter2");
        assertThat(hasher.needsUpgrade(current.replace("$argon2id$", "$argon2i$"))).isTrue();
        assertThat(hasher.needsUpgrade(current.replace("$argon2id$", "$argon2d$"))).isTrue();
        assertThat(hasher.needsUpgrade(current.replace("$v=19$", "$v=16$"))).isTrue();
    }

    @Test
    void unexpectedSaltOrHashLengthNeedsUpgrade() {
        String[] parts = hasher.hash("hunter2hunter2").split("\\$");
        String shortSalt = String.join("$", parts[0], parts[1], parts[2], parts[3],
                Base64.getEncoder().withoutPadding().encodeToString(new byte[8]), parts[5]);
        String longHash = String.join("$", parts[0], parts[1], parts[2], parts[3], parts[4],
                Base64.getEncoder().withoutPadding().encodeToString(new byte[64]));

        assertThat(hasher.needsUpgrade(shortSalt)).isTrue();
        assertThat(hasher.needsUpgrade(longHash)).isTrue();
    }

    @Test
    void wellFormedHashOfAnotherPasswordDoesNotVerify() {
        String foreign = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

        assertThat(hasher.verify("lètmein", foreign)).isFalse();
        assertThat(hasher.needsUpgrade(foreign)).isFalse();
    }

    /** Counts the work a verification does, so that its sameness is asserted without timing anything. */
    private static final class CountingHasher extends PasswordHasher {
        int argon2Runs;
        long pbkdf2Iterations;

        @Override
        protected boolean argon2Matches(String raw, String encoded) {
            argon2Runs++;
            return super.argon2Matches(raw, encoded);
        }

        @Override
        protected byte[] pbkdf2(String raw, byte[] salt, int iterations, int bits) throws GeneralSecurityException {
            pbkdf2Iterations += iterations;
            return super.pbkdf2(raw, salt, iterations, bits);
        }
    }

    @Test
    void loginVerificationDoesTheSameWorkWhateverTheAccount() {
        CountingHasher counting = new CountingHasher();
        String password = "Clave-Correcta-2024";
        Map<String, String> accounts = new LinkedHashMap<>();
        accounts.put("unknown account", null);
        accounts.put("Argon2id", counting.hash(password));
        accounts.put("legacy PBKDF2", djangoPbkdf2(password, "aB3dE6gH9jK2mN5p", 1_000));
        accounts.put("cheaper legacy PBKDF2", djangoPbkdf2(password, "aB3dE6gH9jK2mN5p", 10));
        accounts.put("unusable", "!uAVkJcTLSQOHBlmohLiLGhUrDmYdxDvNUwoOaaFc");
        accounts.put("corrupt PBKDF2", "pbkdf2_sha256$1000$salt$invalid");
        accounts.put("corrupt Argon2", "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdA$aGFzaA");
        Map<String, Integer> ownIterations = Map.of("legacy PBKDF2", 1_000, "cheaper legacy PBKDF2", 10);
        int legacyCost = 3_000;
        for (int budget : new int[] {legacyCost, 0}) {
            for (var account : accounts.entrySet()) {
                for (String attempt : new String[] {password, "Otra-Clave-2024", "", null}) {
                    counting.argon2Runs = 0;
                    counting.pbkdf2Iterations = 0;
                    boolean verified = counting.verifyUniformly(attempt, account.getValue(), budget);
                    String what = account.getKey() + ", attempt " + attempt + ", legacy cost " + budget;
                    assertThat(counting.argon2Runs).as(what).isEqualTo(1);
                    // padded up to the costliest legacy hash stored; with none left (0) a legacy hash costs its own
                    assertThat(counting.pbkdf2Iterations).as(what)
                            .isEqualTo(Math.max(budget, ownIterations.getOrDefault(account.getKey(), 0)));
                    boolean usable = account.getKey().equals("Argon2id") || account.getKey().contains("legacy");
                    assertThat(verified).as(what).isEqualTo(usable && password.equals(attempt));
                }
            }
        }
    }

    @Test
    void uniformVerificationAcceptsAnything() {
        assertThatNoException().isThrownBy(() -> {
            assertThat(hasher.verifyUniformly(null, null, 10)).isFalse();
            assertThat(hasher.verifyUniformly("", "", -5)).isFalse();
            assertThat(hasher.verifyUniformly("x".repeat(10_000), "pbkdf2_sha256$x$y$z", 5_000)).isFalse();
        });
    }

    private static String djangoPbkdf2(String password, String salt, int iterations) {
        PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(password.getBytes(StandardCharsets.UTF_8), salt.getBytes(StandardCharsets.UTF_8), iterations);
        byte[] key = ((KeyParameter) generator.generateDerivedMacParameters(256)).getKey();
        return "pbkdf2_sha256$" + iterations + "$" + salt + "$" + Base64.getEncoder().encodeToString(key);
    }

    private static String hexSha256(String password) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
