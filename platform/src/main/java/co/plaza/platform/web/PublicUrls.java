package co.plaza.platform.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute URLs for paths the read side keeps relative (media): from {@code PLAZA_PUBLIC_URL} when it is set,
 * else the host the caller reached, so a URL in a response works for whoever got it.
 */
@Component
public class PublicUrls {

    private static volatile String configuredBase = "";

    public PublicUrls(@Value("${plaza.public-url:}") String publicUrl) {
        configuredBase = publicUrl == null ? "" : publicUrl.strip().replaceAll("/+$", "");
    }

    public static String absolute(String path) {
        if (path == null || path.startsWith("http://") || path.startsWith("https://")) {
            return path;
        }
        if (!configuredBase.isEmpty()) {
            return configuredBase + path;
        }
        if (RequestContextHolder.getRequestAttributes() == null) {
            return path;
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build().toUriString();
    }
}
