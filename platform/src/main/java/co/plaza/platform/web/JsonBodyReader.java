package co.plaza.platform.web;

import co.plaza.platform.errors.DomainException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * How every JSON request body becomes the tree {@link JsonInput} reads: at most {@code maxBytes} bytes (413 past
 * them), text that decodes strictly (invalid or overlong UTF-8 is a 400, not a replacement character), exactly one
 * JSON value (trailing content is malformed), and a number too long to be any field's value is a 400 naming its
 * field. Only reads: responses are written by Spring's usual Jackson converter.
 */
public class JsonBodyReader extends AbstractHttpMessageConverter<JsonNode> {

    private final ObjectMapper mapper;
    private final long maxBytes;

    public JsonBodyReader(ObjectMapper mapper, long maxBytes) {
        super(StandardCharsets.UTF_8, MediaType.APPLICATION_JSON, new MediaType("application", "*+json"));
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    @Override
    protected boolean supports(Class<?> clazz) {
        return JsonNode.class.isAssignableFrom(clazz);
    }

    @Override
    protected boolean canWrite(MediaType mediaType) {
        return false;
    }

    @Override
    protected JsonNode readInternal(Class<? extends JsonNode> clazz, HttpInputMessage input) throws IOException {
        if (input.getHeaders().getContentLength() > maxBytes) {
            throw tooLarge();
        }
        byte[] bytes;
        try (InputStream in = input.getBody()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                // a streamed body (no Content-Length) past the cap: read a bounded rest and drop it, so a client
                // still sending gets to read the 413 instead of a connection reset; past the bound, Jetty closes
                discard(in, DRAIN_LIMIT);
                throw tooLarge();
            }
        }
        MediaType type = input.getHeaders().getContentType();
        Charset charset = type != null && type.getCharset() != null ? type.getCharset() : StandardCharsets.UTF_8;
        String text;
        try {
            text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw DomainException.invalid("error.invalid_encoding");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (JsonParser parser = mapper.createParser(text)) {
            try {
                JsonNode node = mapper.readTree(parser);
                if (parser.nextToken() != null) {
                    throw DomainException.invalid("error.trailing_content");
                }
                return node == null ? MissingNode.getInstance() : node;
            } catch (StreamConstraintsException e) {
                // a 2,000-digit number (or a string or nesting past Jackson's limits): name the field it was for
                String field = parser.getParsingContext() == null ? null : parser.getParsingContext().getCurrentName();
                throw field == null ? DomainException.invalid("error.malformed_json")
                        : DomainException.field(field, "error.out_of_range");
            } catch (JsonProcessingException e) {
                throw DomainException.invalid("error.malformed_json");
            }
        }
    }

    /** How much of a streamed body past the cap is read and dropped before the answer. */
    private static final long DRAIN_LIMIT = 8L * 1024 * 1024;

    private static void discard(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = limit;
        for (int n; left > 0 && (n = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0; ) {
            left -= n;
        }
    }

    private DomainException tooLarge() {
        return DomainException.tooLarge("error.body_too_large", maxBytes / 1024);
    }

    @Override
    protected void writeInternal(JsonNode node, HttpOutputMessage output) {
        throw new UnsupportedOperationException("JsonBodyReader only reads");
    }
}
