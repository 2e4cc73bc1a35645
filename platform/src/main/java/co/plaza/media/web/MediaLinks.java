package co.plaza.media.web;

import co.plaza.media.api.MediaQueries.MediaView;
import co.plaza.media.api.MediaRef;
import co.plaza.platform.security.JwtKeys;
import co.plaza.platform.web.PublicUrls;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

/**
 * URLs of media bytes, for the web edges of both sides (so it lives in the platform module, in media's package). Public media have a plain, stable URL; chat attachments only a signed one that expires
 * (API.md, Media), so a link copied out of a conversation stops working after minutes.
 */
@Component
public class MediaLinks {

    private final byte[] signingKey;
    private final Duration signedLifetime;
    private final Clock clock;

    @Autowired
    public MediaLinks(JwtKeys keys, @Value("${plaza.media.signed-url-lifetime:PT10M}") Duration signedLifetime) {
        this(derive(keys.key().getEncoded()), signedLifetime, Clock.systemUTC());
        // media embedded in other objects ({id, url, order}) get absolute URLs too; coreapi knows no hosts
        MediaRef.useAbsolutizer(PublicUrls::absolute);
    }

    MediaLinks(byte[] signingKey, Duration signedLifetime, Clock clock) {
        this.signingKey = signingKey;
        this.signedLifetime = signedLifetime;
        this.clock = clock;
    }

    /** The URL a caller gets in a media object: absolute, and signed when the media is not public. */
    public String urlOf(MediaView media) {
        String path = MediaRef.pathOf(media.id());
        if (media.use().isPublic()) {
            return PublicUrls.absolute(path);
        }
        long expires = clock.instant().plus(signedLifetime).getEpochSecond();
        return PublicUrls.absolute(path) + "?expires=" + expires + "&signature=" + sign(media.id(), expires);
    }

    /** Whether a signed URL's parameters are genuine and not expired. */
    public boolean verify(UUID mediaId, String expires, String signature) {
        if (expires == null || signature == null) {
            return false;
        }
        long at;
        try {
            at = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return false;
        }
        if (at < clock.instant().getEpochSecond()) {
            return false;
        }
        return MessageDigest.isEqual(sign(mediaId, at).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(UUID mediaId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            byte[] tag = mac.doFinal((mediaId + ":" + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(tag);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key of its own, derived from the token key: a media signature can never pass as a token signature. */
    private static byte[] derive(byte[] tokenKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(tokenKey, "HmacSHA256"));
            return mac.doFinal("plaza media url signing".getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
