package co.plaza.media.web;

import co.plaza.media.api.MediaQueries.MediaView;
import co.plaza.media.api.MediaType;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MediaLinksTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");

    private static MediaView media(MediaUse use) {
        return new MediaView(UUID.randomUUID(), null, "media/k.png", MediaType.IMAGE, "image/png", 10, "aa", use,
                RelatedType.CHAT_MESSAGE, UUID.randomUUID(), UUID.randomUUID(), 0, NOW, false, false);
    }

    private static String param(String url, String name) {
        for (String pair : URI.create(url).getQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Test
    void publicMediaHaveAPlainUrl() {
        MediaLinks links = new MediaLinks(KEY, Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));
        MediaView picture = media(MediaUse.ADD_IMAGE);
        assertThat(links.urlOf(picture)).isEqualTo("/media/" + picture.id() + "/");
    }

    @Test
    void chatAttachmentsHaveSignedUrlsThatExpire() {
        MediaLinks signer = new MediaLinks(KEY, Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));
        MediaView attachment = media(MediaUse.CHAT_ATTACHMENT);
        String url = "http://x" + signer.urlOf(attachment);
        String expires = param(url, "expires");
        String signature = param(url, "signature");
        assertThat(Long.parseLong(expires)).isEqualTo(NOW.plus(Duration.ofMinutes(10)).getEpochSecond());

        assertThat(signer.verify(attachment.id(), expires, signature)).isTrue();
        assertThat(signer.verify(UUID.randomUUID(), expires, signature)).as("another media").isFalse();
        assertThat(signer.verify(attachment.id(), String.valueOf(Long.parseLong(expires) + 600), signature))
                .as("a stretched expiry").isFalse();
        assertThat(signer.verify(attachment.id(), expires, null)).isFalse();
        assertThat(signer.verify(attachment.id(), "soon", signature)).isFalse();

        MediaLinks later = new MediaLinks(KEY, Duration.ofMinutes(10),
                Clock.fixed(NOW.plus(Duration.ofMinutes(11)), ZoneOffset.UTC));
        assertThat(later.verify(attachment.id(), expires, signature)).as("expired").isFalse();
        MediaLinks otherKey = new MediaLinks("another-key-another-key-another-k".getBytes(StandardCharsets.US_ASCII),
                Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(otherKey.verify(attachment.id(), expires, signature)).isFalse();
    }
}
