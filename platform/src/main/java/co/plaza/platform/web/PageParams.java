package co.plaza.platform.web;

import co.plaza.platform.errors.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DRF page-number pagination: {@code ?page=} from 1, {@code ?page_size=} default 20 clamped to 100. */
public record PageParams(int page, int pageSize) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static PageParams from(HttpServletRequest request) {
        int page = parse(QueryParams.last(request, "page"), 1, true);
        int size = parse(QueryParams.last(request, "page_size"), DEFAULT_SIZE, false);
        size = Math.max(1, Math.min(MAX_SIZE, size));
        return new PageParams(page, size);
    }

    private static int parse(String raw, int fallback, boolean strict) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value < 1) {
                if (strict) {
                    throw invalidPage();
                }
                return fallback;
            }
            return value;
        } catch (NumberFormatException e) {
            if (strict) {
                throw invalidPage();
            }
            return fallback;
        }
    }

    private static DomainException invalidPage() {
        return DomainException.of(DomainException.Kind.NOT_FOUND, "error.invalid_page");
    }

    /** A long: page and size are each an int, their product need not be. */
    public long offset() {
        return (page - 1L) * pageSize;
    }

    /** The DRF envelope with absolute next/previous links; a page past the end is a 404. */
    public Map<String, Object> envelope(long count, List<?> results, HttpServletRequest request) {
        long lastPage = Math.max(1, (count + pageSize - 1) / pageSize);
        if (page > lastPage) {
            throw invalidPage();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", count);
        body.put("next", page < lastPage ? link(request, page + 1) : null);
        body.put("previous", page > 1 ? link(request, page - 1) : null);
        body.put("results", results);
        return body;
    }

    /**
     * The canonical path (ending with '/', which the trailing-slash filter strips before controllers see it) with
     * the request's other query parameters and the target page.
     */
    private static String link(HttpServletRequest request, int target) {
        ServletUriComponentsBuilder builder = ServletUriComponentsBuilder.fromRequest(request);
        String path = request.getRequestURI();
        if (!path.endsWith("/")) {
            builder.replacePath(path + "/");
        }
        if (target == 1) {
            builder.replaceQueryParam("page");
        } else {
            builder.replaceQueryParam("page", target);
        }
        return builder.build().toUriString();
    }
}
