package co.plaza.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.plaza.platform.axon.EventFailures;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes documents with the event's global position as an external version, so a replay or a retry never
 * regresses a document. Operations of one processor batch are sent as one bulk request when the batch
 * commits; a refused item fails the batch, which is then retried event by event so the refused event alone is
 * dead-lettered (DeadLetterIsolation).
 */
@Component
public class SearchWriter {

    private static final String PENDING = SearchWriter.class.getName() + ".pending";
    private static final String REDIRECTS = SearchWriter.class.getName() + ".redirects";

    private final ElasticsearchClient client;

    public SearchWriter(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Makes the writes of a unit of work's handlers to an alias go into another index: how a rebuild processor
     * runs the live projection's handlers into a new index version ({@link SearchIndexRebuilds}).
     */
    public static void redirect(UnitOfWork<?> unitOfWork, String alias, String index) {
        unitOfWork.root().<Map<String, String>>getOrComputeResource(REDIRECTS, k -> new java.util.HashMap<>()).put(alias, index);
    }

    private static String target(String alias) {
        if (!CurrentUnitOfWork.isStarted()) {
            return alias;
        }
        Map<String, String> redirects = CurrentUnitOfWork.get().root().getResource(REDIRECTS);
        return redirects == null ? alias : redirects.getOrDefault(alias, alias);
    }

    public void index(String alias, String id, Map<String, Object> document, long version) {
        String index = target(alias);
        pendingDocuments().ifPresent(docs -> docs.put(index + "/" + id, document));
        pendingDeletes().ifPresent(deleted -> deleted.remove(index + "/" + id));
        add(BulkOperation.of(b -> b.index(i -> i.index(index).id(id).document(document)
                .version(version).versionType(VersionType.External))));
    }

    /**
     * Changes part of a document: reads it (this batch's pending write first, else a realtime GET), applies
     * the change and writes it whole with the new version. Events of one aggregate are handled in order by
     * one thread, so the read cannot race another writer of the same document.
     */
    @SuppressWarnings("unchecked")
    public void update(String alias, String id, long version, java.util.function.Consumer<Map<String, Object>> change) {
        String index = target(alias);
        if (deletedInThisBatch(index, id)) {
            // its delete is not sent yet: a write with a newer version would bring it back
            return;
        }
        Map<String, Object> current = pendingDocuments().map(docs -> docs.get(index + "/" + id)).orElse(null);
        if (current == null) {
            try {
                var found = client.get(g -> g.index(index).id(id).realtime(true), Map.class);
                if (!found.found()) {
                    return;
                }
                current = new java.util.LinkedHashMap<String, Object>(found.source());
            } catch (IOException e) {
                throw new UncheckedIOException("Elasticsearch read failed", e);
            }
        } else {
            current = new java.util.LinkedHashMap<>(current);
        }
        change.accept(current);
        index(alias, id, current, version);
    }

    /**
     * Changes every document whose {@code field} is {@code value} (e.g. all ads of one owner), this batch's
     * pending writes included, each written with {@code version}. Pages through the matches by {@code seqField},
     * a unique numeric field, so any number of documents is reached.
     */
    @SuppressWarnings("unchecked")
    public void updateMatching(String alias, String field, String value, String seqField, long version,
                               java.util.function.Consumer<Map<String, Object>> change) {
        // a rebuild writes into its new index: read and match there too
        String target = target(alias);
        Map<String, Map<String, Object>> pending = pendingDocuments().orElseGet(java.util.HashMap::new);
        java.util.Set<String> done = new java.util.HashSet<>();
        for (Map.Entry<String, Map<String, Object>> e : List.copyOf(pending.entrySet())) {
            if (e.getKey().startsWith(target + "/") && value.equals(String.valueOf(e.getValue().get(field)))) {
                String id = e.getKey().substring(target.length() + 1);
                Map<String, Object> doc = new java.util.LinkedHashMap<>(e.getValue());
                change.accept(doc);
                index(alias, id, doc, version);
                done.add(id);
            }
        }
        List<co.elastic.clients.elasticsearch._types.FieldValue> after = null;
        while (true) {
            List<co.elastic.clients.elasticsearch._types.FieldValue> from = after;
            co.elastic.clients.elasticsearch.core.SearchResponse<Map> page;
            try {
                page = client.search(s -> {
                    s.index(target).size(500).query(q -> q.term(t -> t.field(field).value(value)))
                            .sort(o -> o.field(f -> f.field(seqField).order(co.elastic.clients.elasticsearch._types.SortOrder.Asc)));
                    return from == null ? s : s.searchAfter(from);
                }, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException("Elasticsearch search failed", e);
            }
            var hits = page.hits().hits();
            for (var hit : hits) {
                if (done.add(hit.id()) && hit.source() != null && !deletedInThisBatch(target, hit.id())) {
                    Map<String, Object> doc = new java.util.LinkedHashMap<String, Object>(hit.source());
                    change.accept(doc);
                    index(alias, hit.id(), doc, version);
                }
            }
            if (hits.size() < 500) {
                return;
            }
            after = hits.get(hits.size() - 1).sort();
        }
    }

    private java.util.Optional<Map<String, Map<String, Object>>> pendingDocuments() {
        if (!CurrentUnitOfWork.isStarted()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(CurrentUnitOfWork.get().root()
                .getOrComputeResource(PENDING + ".documents", k -> new java.util.HashMap<String, Map<String, Object>>()));
    }

    private java.util.Optional<java.util.Set<String>> pendingDeletes() {
        if (!CurrentUnitOfWork.isStarted()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(CurrentUnitOfWork.get().root()
                .getOrComputeResource(PENDING + ".deletes", k -> new java.util.HashSet<String>()));
    }

    private boolean deletedInThisBatch(String alias, String id) {
        return pendingDeletes().map(d -> d.contains(alias + "/" + id)).orElse(false);
    }

    /** A tombstone version is kept by Elasticsearch for a while, so a late older write cannot resurrect it. */
    public void delete(String alias, String id, long version) {
        String index = target(alias);
        pendingDocuments().ifPresent(docs -> docs.remove(index + "/" + id));
        pendingDeletes().ifPresent(deleted -> deleted.add(index + "/" + id));
        add(BulkOperation.of(b -> b.delete(d -> d.index(index).id(id).version(version).versionType(VersionType.External))));
    }

    private void add(BulkOperation operation) {
        if (!CurrentUnitOfWork.isStarted()) {
            send(List.of(operation));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        List<BulkOperation> pending = root.getOrComputeResource(PENDING, k -> {
            List<BulkOperation> list = new ArrayList<>();
            root.onPrepareCommit(u -> send(list));
            return list;
        });
        pending.add(operation);
    }

    /**
     * Elasticsearch refused a document: a document its mapping cannot take is the event's own failure (the event is
     * dead-lettered), while 429 or 5xx (overloaded, shard unavailable) is waited out (see EventFailures).
     */
    public static final class Refused extends RuntimeException implements EventFailures.TransientFailure {
        private final int status;

        Refused(BulkResponseItem item) {
            super("Elasticsearch refused " + item.index() + "/" + item.id() + " (" + item.status() + " "
                    + item.error().type() + "): " + item.error().reason());
            this.status = item.status();
        }

        public int status() {
            return status;
        }

        @Override
        public boolean isTransient() {
            return status == 429 || status >= 500;
        }
    }

    private void send(List<BulkOperation> operations) {
        if (operations.isEmpty()) {
            return;
        }
        try {
            // wait_for: when the batch's token moves on, the documents are searchable, so read-your-writes holds for search too
            BulkResponse response = client.bulk(BulkRequest.of(b -> b.operations(operations).refresh(Refresh.WaitFor)));
            if (response.errors()) {
                for (BulkResponseItem item : response.items()) {
                    // an equal or newer version is already there: this write is a replayed or retried one
                    if (item.error() != null && !"version_conflict_engine_exception".equals(item.error().type())) {
                        throw new Refused(item);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch bulk write failed", e);
        }
    }
}
