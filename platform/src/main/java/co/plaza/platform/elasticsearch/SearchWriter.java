package co.plaza.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
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
 * commits; a failed item fails the batch (and so the events are retried or dead-lettered).
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

    private java.util.Optional<Map<String, Map<String, Object>>> pendingDocuments() {
        if (!CurrentUnitOfWork.isStarted()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(CurrentUnitOfWork.get().root()
                .getOrComputeResource(PENDING + ".documents", k -> new java.util.HashMap<String, Map<String, Object>>()));
    }

    /** A tombstone version is kept by Elasticsearch for a while, so a late older write cannot resurrect it. */
    public void delete(String alias, String id, long version) {
        String index = target(alias);
        pendingDocuments().ifPresent(docs -> docs.remove(index + "/" + id));
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
                        throw new IllegalStateException("Elasticsearch refused " + item.id() + ": " + item.error().reason());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Elasticsearch bulk write failed", e);
        }
    }
}
