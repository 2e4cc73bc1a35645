package co.plaza.marketplace.projection;

import co.plaza.platform.axon.Projection;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdEvents.AdDeletedEvent;
import co.plaza.marketplace.api.AdEvents.AdStatusChangedEvent;
import co.plaza.marketplace.api.AdEvents.AdUpdatedEvent;
import co.plaza.media.api.MediaEvents.MediaDeletedEvent;
import co.plaza.media.api.MediaEvents.MediaReattachedEvent;
import co.plaza.media.api.MediaEvents.MediaUploadedEvent;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.elasticsearch.SearchWriter;
import co.plaza.platform.elasticsearch.TextFolding;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ads index behind list, search and nearby: folded copies of the searchable fields (title, description,
 * city; ADR 0006), keyword filters and a geo_point, versioned by the event's global position. Media events of an
 * ad's images advance the document too. Deleted ads are removed (a tombstone version keeps them removed). A replay
 * rewrites the index in place, so it needs no reset: re-sent writes carry the same positions and change nothing.
 */
@Component
@Projection(name = "adds-search-projection", searchIndexes = AdsSearchProjection.INDEX)
@AllowReplay
public class AdsSearchProjection {

    public static final String INDEX = "adds";
    public static final int INDEX_VERSION = 1;
    public static final String MAPPING = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "100ms"},
             "mappings": {"dynamic": "strict", "properties": {
               "id": {"type": "keyword"},
               "user_id": {"type": "keyword"},
               "title_f": {"type": "keyword"},
               "description_f": {"type": "keyword", "ignore_above": 8191},
               "city_f": {"type": "keyword"},
               "price": {"type": "double"},
               "currency": {"type": "keyword"},
               "condition": {"type": "keyword"},
               "status": {"type": "keyword"},
               "category_id": {"type": "keyword"},
               "location": {"type": "geo_point"},
               "image_ids": {"type": "keyword"},
               "created_at": {"type": "date"},
               "updated_at": {"type": "date"}}}}""";

    private final SearchWriter writer;
    private final String alias;

    public AdsSearchProjection(SearchIndexes indexes, SearchWriter writer) {
        this.writer = writer;
        this.alias = indexes.ensure(INDEX, INDEX_VERSION, MAPPING);
    }

    public String alias() {
        return alias;
    }

    @EventHandler
    void on(AdCreatedEvent e, TrackingToken token) {
        writer.index(alias, e.addId().toString(), document(e), position(token));
    }

    /** The document of a new ad; public so the benchmark's raw bulk load writes exactly the same documents. */
    public static Map<String, Object> document(AdCreatedEvent e) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", e.addId().toString());
        doc.put("user_id", e.userId().toString());
        details(doc, e.details());
        doc.put("status", e.status().wire());
        doc.put("image_ids", new ArrayList<String>());
        doc.put("created_at", e.createdAt().toString());
        doc.put("updated_at", e.updatedAt().toString());
        return doc;
    }

    @EventHandler
    void on(AdUpdatedEvent e, TrackingToken token, @Timestamp Instant at) {
        writer.update(alias, e.addId().toString(), position(token), doc -> {
            details(doc, e.details());
            doc.put("updated_at", at.toString());
        });
    }

    @EventHandler
    void on(AdStatusChangedEvent e, TrackingToken token, @Timestamp Instant at) {
        writer.update(alias, e.addId().toString(), position(token), doc -> {
            doc.put("status", e.status().wire());
            doc.put("updated_at", at.toString());
        });
    }

    @EventHandler
    void on(AdDeletedEvent e, TrackingToken token) {
        writer.delete(alias, e.addId().toString(), position(token));
    }

    @EventHandler
    void on(MediaUploadedEvent e, TrackingToken token) {
        if (isAddImage(e.use(), e.relatedType())) {
            images(e.relatedId(), token, ids -> ids.add(e.mediaId().toString()));
        }
    }

    @EventHandler
    void on(MediaReattachedEvent e, TrackingToken token) {
        if (isAddImage(e.previousUse(), e.previousType()) && e.previousId() != null) {
            images(e.previousId(), token, ids -> ids.remove(e.mediaId().toString()));
        }
        if (isAddImage(e.use(), e.relatedType())) {
            images(e.relatedId(), token, ids -> ids.add(e.mediaId().toString()));
        }
    }

    @EventHandler
    void on(MediaDeletedEvent e, TrackingToken token) {
        if (isAddImage(e.use(), e.relatedType())) {
            images(e.relatedId(), token, ids -> ids.remove(e.mediaId().toString()));
        }
    }

    @SuppressWarnings("unchecked")
    private void images(UUID addId, TrackingToken token, java.util.function.Consumer<List<String>> change) {
        writer.update(alias, addId.toString(), position(token), doc -> {
            List<String> ids = new ArrayList<>((List<String>) doc.getOrDefault("image_ids", List.of()));
            change.accept(ids);
            doc.put("image_ids", ids.stream().distinct().toList());
        });
    }

    private static boolean isAddImage(MediaUse use, RelatedType type) {
        return use == MediaUse.ADD_IMAGE && type == RelatedType.ADD;
    }

    private static void details(Map<String, Object> doc, AdDetails d) {
        doc.put("title_f", TextFolding.fold(d.title()));
        doc.put("description_f", TextFolding.fold(d.description()));
        doc.put("city_f", TextFolding.fold(d.city()));
        doc.put("price", d.price());
        doc.put("currency", d.currency());
        doc.put("condition", d.condition().wire());
        doc.put("category_id", d.categoryId() == null ? null : d.categoryId().toString());
        doc.put("location", d.latitude() == null ? null : Map.of("lat", d.latitude(), "lon", d.longitude()));
    }

    static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("event without a global position"));
    }
}
