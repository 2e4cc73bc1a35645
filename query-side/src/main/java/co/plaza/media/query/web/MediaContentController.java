package co.plaza.media.query.web;

import co.plaza.platform.web.QueryParams;
import co.plaza.media.api.MediaQueries.FindMediaQuery;
import co.plaza.media.api.MediaQueries.MediaView;
import co.plaza.media.api.MediaType;
import co.plaza.media.api.RelatedType;
import co.plaza.platform.blobs.BlobStore;
import co.plaza.media.web.MediaLinks;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.PathIds;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bytes of a media: its detected type with {@code nosniff}, a strong ETag (the content's SHA-256), one byte
 * range per request (video seeking), HEAD. Public media need no token; the others (chat attachments, generic
 * files) are served to their uploader and admins, or with a valid signed URL, and are a 404 to anyone else.
 */
@RestController
public class MediaContentController {

    private static final Pattern RANGE = Pattern.compile("^bytes=(\\d*)-(\\d*)$");

    private final QueryGateway queries;
    private final BlobStore blobs;
    private final MediaLinks links;

    public MediaContentController(QueryGateway queries, BlobStore blobs, MediaLinks links) {
        this.queries = queries;
        this.blobs = blobs;
        this.links = links;
    }

    @RequestMapping(value = "/media/{id}", method = {RequestMethod.GET, RequestMethod.HEAD})
    public void serve(@PathVariable String id, HttpServletRequest request, HttpServletResponse response,
                      Caller caller) throws IOException {
        QueryParams params = QueryParams.of(request);
        String expires = params.string("expires", 20);
        String signature = params.string("signature", 100);
        params.validate();
        MediaView media = queries.query(new FindMediaQuery(PathIds.resolve(id, RelatedType.MEDIA_LEGACY_TABLE)),
                ResponseTypes.optionalInstanceOf(MediaView.class)).join().orElseThrow(DomainException::notFound);
        if (media.blobMissing()) {
            throw DomainException.notFound();
        }
        // not public: the uploader or an admin (Bearer token), or whoever holds a signed URL; to others it does not exist
        if (!media.visibleTo(caller.viewer()) && !links.verify(media.id(), expires, signature)) {
            throw DomainException.notFound();
        }
        String etag = "\"" + (media.contentHash() == null ? media.id().toString() : media.contentHash()) + "\"";
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CACHE_CONTROL, media.use().isPublic() ? "public, max-age=3600" : "private, no-store");
        // a document is downloaded, never rendered in our origin
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, media.mediaType() == MediaType.DOCUMENT
                ? "attachment; filename=\"" + media.id() + ".pdf\"" : "inline");
        if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        long size = media.sizeBytes();
        long start = 0;
        long length = size;
        String range = request.getHeader(HttpHeaders.RANGE);
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        if (range != null && (ifRange == null || ifRange.equals(etag))) {
            Matcher m = RANGE.matcher(range.strip());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) { // the last n bytes
                    long suffix = Math.min(position(m.group(2)), size);
                    start = size - suffix;
                } else {
                    start = position(m.group(1));
                }
                long end = m.group(1).isEmpty() || m.group(2).isEmpty() ? size - 1
                        : Math.min(position(m.group(2)), size - 1);
                if (start >= size || end < start) {
                    response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
                    response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                    return;
                }
                length = end - start + 1;
                response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + size);
            }
            // several ranges or a malformed header: the whole file, as RFC 9110 allows
        }
        response.setContentType(media.mimeType());
        response.setContentLengthLong(length);
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        try (InputStream in = blobs.open(media.storageKey(), start, length)) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
        } catch (NoSuchFileException e) {
            if (!response.isCommitted()) {
                response.reset();
                throw DomainException.notFound();
            }
        }
    }

    /** A byte position; one past any long is past any file's end (RFC 9110 §14.1.1: clamp, or 416 for a start). */
    private static long position(String digits) {
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
