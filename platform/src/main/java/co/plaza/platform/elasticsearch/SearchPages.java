package co.plaza.platform.elasticsearch;

import co.elastic.clients.elasticsearch._types.FieldSort;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Pages of a search, however deep (API.md: every page up to the last is served). A page inside Elasticsearch's
 * result window ({@code index.max_result_window}) is one search with {@code from}. A deeper one is counted, then
 * reached from the nearer end: in the second half of the results the sort is reversed (so the last pages are as
 * cheap as the first), and a start still past the window is reached by walking {@code search_after} in chunks of
 * the window that fetch only sort values, then asking for the page after the last of them (ADR 0016). The sort must
 * end with a unique key (the lists' {@code seq}) so that the walk and the reversal are exact.
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
     * The {@code size} hits from {@code offset} of the search {@code request} describes (index, query, source) in
     * the order of {@code sort} (field and geo-distance sorts); past the last result the hits are empty and the total
     * still exact, so the caller's 404 can say so.
     */
    public <T> Page<T> page(Consumer<SearchRequest.Builder> request, List<SortOptions> sort, long offset, int size,
                            Class<T> type) {
        try {
            if (offset + size <= window) {
                SearchResponse<T> response = client.search(s -> {
                    request.accept(s);
                    return s.sort(sort).from((int) offset).size(size).trackTotalHits(t -> t.enabled(true));
                }, type);
                return new Page<>(total(response), response.hits().hits());
            }
            SearchResponse<Void> counted = client.search(s -> {
                request.accept(s);
                return s.size(0).trackTotalHits(t -> t.enabled(true));
            }, Void.class);
            long total = total(counted);
            if (offset >= total) {
                return new Page<>(total, List.of());
            }
            // the same rows counted from the end: the page's last row is the reverse's first
            int rows = (int) Math.min(size, total - offset);
            long fromEnd = total - offset - rows;
            if (fromEnd < offset) {
                List<Hit<T>> hits = new ArrayList<>(fetch(request, reversed(sort), fromEnd, rows, type));
                Collections.reverse(hits);
                return new Page<>(total, hits);
            }
            return new Page<>(total, fetch(request, sort, offset, rows, type));
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    /** {@code size} hits from {@code offset}, with {@code from} inside the window, else by walking to it. */
    private <T> List<Hit<T>> fetch(Consumer<SearchRequest.Builder> request, List<SortOptions> sort, long offset, int size,
                                   Class<T> type) throws IOException {
        if (offset + size <= window) {
            return client.search(s -> {
                request.accept(s);
                return s.sort(sort).from((int) offset).size(size).trackTotalHits(t -> t.enabled(false));
            }, type).hits().hits();
        }
        List<FieldValue> after = null;
        long walked = 0;
        while (walked < offset) {
            int chunk = (int) Math.min(window, offset - walked);
            List<FieldValue> from = after;
            // sort values only: no source, no stored fields, no count
            List<Hit<Void>> hits = client.search(s -> {
                request.accept(s);
                s.sort(sort).size(chunk).source(src -> src.fetch(false)).storedFields("_none_")
                        .trackTotalHits(t -> t.enabled(false));
                return from == null ? s : s.searchAfter(from);
            }, Void.class).hits().hits();
            if (hits.isEmpty()) {
                return List.of(); // the results shrank since they were counted
            }
            after = hits.get(hits.size() - 1).sort();
            walked += hits.size();
        }
        List<FieldValue> from = after;
        return client.search(s -> {
            request.accept(s);
            return s.sort(sort).size(size).searchAfter(from).trackTotalHits(t -> t.enabled(false));
        }, type).hits().hits();
    }

    /**
     * The exact reverse order: each key's direction flipped, and a field's missing values moved to the other end
     * (absent prices last in both directions become first).
     */
    static List<SortOptions> reversed(List<SortOptions> sort) {
        return sort.stream().map(SearchPages::reversed).toList();
    }

    private static SortOptions reversed(SortOptions option) {
        if (option.isField()) {
            FieldSort f = option.field();
            SortOrder order = flip(f.order() == null ? SortOrder.Asc : f.order());
            String given = f.missing() == null ? "_last" : f.missing().isString() ? f.missing().stringValue() : "";
            if (!given.equals("_last") && !given.equals("_first")) {
                throw new IllegalArgumentException("a custom missing value cannot be reversed: " + f.field());
            }
            String missing = given.equals("_last") ? "_first" : "_last";
            return SortOptions.of(s -> s.field(r -> r.field(f.field()).order(order).missing(missing)
                    .mode(f.mode()).unmappedType(f.unmappedType()).numericType(f.numericType()).format(f.format())));
        }
        if (option.isGeoDistance()) {
            var g = option.geoDistance();
            SortOrder order = flip(g.order() == null ? SortOrder.Asc : g.order());
            return SortOptions.of(s -> s.geoDistance(r -> r.field(g.field()).location(g.location()).unit(g.unit())
                    .distanceType(g.distanceType()).mode(g.mode()).ignoreUnmapped(g.ignoreUnmapped()).order(order)));
        }
        throw new IllegalArgumentException("only field and geo-distance sorts can be reversed: " + option._kind());
    }

    private static SortOrder flip(SortOrder order) {
        return order == SortOrder.Asc ? SortOrder.Desc : SortOrder.Asc;
    }

    private static long total(SearchResponse<?> response) {
        return response.hits().total() == null ? 0 : response.hits().total().value();
    }
}
