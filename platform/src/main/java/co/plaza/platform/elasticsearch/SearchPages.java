package co.plaza.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pages of a search, however deep (API.md: every page up to the last is served). A page inside Elasticsearch's
 * result window ({@code index.max_result_window}) is one search with {@code from}; a deeper one first counts, then
 * walks {@code search_after} in chunks of the window fetching only sort values, and asks for the page after the
 * last of them (ADR 0014). Every sort must end with a unique key (the lists' {@code seq}) so the walk is exact.
 */
@Component
public class SearchPages {

    /** Elasticsearch's default {@code index.max_result_window}, which the indexes keep. */
    public static final int DEFAULT_WINDOW = 10_000;

    /** A page of hits and the exact number of results of the search. */
    public record Page<T>(long total, List<Hit<T>> hits) {
    }

    private final ElasticsearchClient client;
    private final int window;

    @Autowired
    public SearchPages(ElasticsearchClient client) {
        this(client, DEFAULT_WINDOW);
    }

    /** {@code window} must not exceed the indexes' {@code index.max_result_window} (tests use a small one). */
    public SearchPages(ElasticsearchClient client, int window) {
        this.client = client;
        this.window = window;
    }

    /**
     * The {@code size} hits from {@code offset} of the search {@code request} describes (index, query, sort,
     * source); past the last result the hits are empty and the total still exact, so the caller's 404 can say so.
     */
    public <T> Page<T> page(Consumer<SearchRequest.Builder> request, long offset, int size, Class<T> type) {
        try {
            if (offset + size <= window) {
                SearchResponse<T> response = client.search(s -> {
                    request.accept(s);
                    return s.from((int) offset).size(size).trackTotalHits(t -> t.enabled(true));
                }, type);
                return new Page<>(total(response), response.hits().hits());
            }
            SearchResponse<Void> counted = client.search(s -> {
                request.accept(s);
                return s.size(0).trackTotalHits(t -> t.enabled(true));
            }, Void.class);
            long total = total(counted);
            List<FieldValue> after = null;
            long walked = 0;
            while (walked < offset && walked < total) {
                int chunk = (int) Math.min(window, offset - walked);
                List<FieldValue> from = after;
                SearchResponse<Void> response = client.search(s -> {
                    request.accept(s);
                    s.size(chunk).source(src -> src.fetch(false)).trackTotalHits(t -> t.enabled(false));
                    return from == null ? s : s.searchAfter(from);
                }, Void.class);
                List<Hit<Void>> hits = response.hits().hits();
                if (hits.isEmpty()) {
                    break;
                }
                after = hits.get(hits.size() - 1).sort();
                walked += hits.size();
            }
            if (walked < offset) {
                // past the end (or the results shrank during the walk)
                return new Page<>(total, List.of());
            }
            List<FieldValue> from = after;
            SearchResponse<T> response = client.search(s -> {
                request.accept(s);
                return s.size(size).searchAfter(from).trackTotalHits(t -> t.enabled(false));
            }, type);
            return new Page<>(total, response.hits().hits());
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    private static long total(SearchResponse<?> response) {
        return response.hits().total() == null ? 0 : response.hits().total().value();
    }
}
