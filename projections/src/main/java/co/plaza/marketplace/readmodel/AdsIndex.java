package co.plaza.marketplace.readmodel;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import co.plaza.marketplace.api.AdDetails;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.marketplace.api.AdQueries.AdView;
import co.plaza.marketplace.api.AdStatus;
import co.plaza.media.api.MediaRef;
import co.plaza.platform.elasticsearch.TextFolding;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ads index: the one owner of its mapping and documents, written by the search projection and read by the
 * query handler. A document carries everything a list row shows (the {@code view} object, stored but not
 * indexed, and the owner's active state), so a list page is one search and no PostgreSQL read; only the views
 * counter, which is no event, is read beside it. Folded copies of title, description and city are what text
 * search matches (ADR 0006); {@code seq}, the global position of the ad's creation, is the numeric tie-breaker
 * of every sort (a keyword tie-breaker costs most of a query on a large result). The index is sorted newest
 * first, so a newest-first page stops comparing once it has its rows and only counts the rest.
 */
public final class AdsIndex {

    public static final String INDEX = "adds";
    /**
     * 2: the list row in the document ({@code view}, {@code owner_active}) and the numeric {@code seq};
     * 3: the owner's fields in {@code view.details} whole, as {@link AdDetails} is, so a new field needs no change here;
     * 4: a description longer than one keyword term is indexed whole, as overlapping pieces ({@link TextFolding#pieces}).
     */
    public static final int VERSION = 4;
    public static final String MAPPING = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "100ms",
               "sort.field": ["created_at", "seq"], "sort.order": ["desc", "desc"]},
             "mappings": {"dynamic": "strict", "properties": {
               "id": {"type": "keyword"},
               "seq": {"type": "long"},
               "user_id": {"type": "keyword"},
               "owner_active": {"type": "boolean"},
               "title_f": {"type": "keyword"},
               "description_f": {"type": "keyword"},
               "city_f": {"type": "keyword"},
               "price": {"type": "double"},
               "currency": {"type": "keyword"},
               "condition": {"type": "keyword"},
               "status": {"type": "keyword"},
               "category_id": {"type": "keyword"},
               "location": {"type": "geo_point"},
               "created_at": {"type": "date"},
               "updated_at": {"type": "date"},
               "view": {"type": "object", "enabled": false}}}}""";

    public static final String USER_ID = "user_id";
    public static final String OWNER_ACTIVE = "owner_active";
    public static final String STATUS = "status";
    public static final String PRICE = "price";
    public static final String CONDITION = "condition";
    public static final String CATEGORY_ID = "category_id";
    public static final String CITY_FOLDED = "city_f";
    public static final String LOCATION = "location";
    public static final String CREATED_AT = "created_at";
    public static final String SEQ = "seq";
    /** The folded fields a search word may match in. */
    public static final List<String> SEARCHABLE = List.of("title_f", "description_f", CITY_FOLDED);

    /**
     * How {@link AdDetails} is kept in the (unindexed) {@code view}: every field of the record, prices as plain
     * strings so they come back exact (the indexed {@code price} double only filters and sorts).
     */
    private static final ObjectMapper VIEW = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(BigDecimal.class, new JsonSerializer<>() {
                @Override
                public void serialize(BigDecimal value, JsonGenerator out, SerializerProvider serializers)
                        throws java.io.IOException {
                    out.writeString(value.toPlainString());
                }
            }))
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private AdsIndex() {
    }

    /** The document of a new ad; {@code seq} is the creation's global position. */
    public static Map<String, Object> document(AdCreatedEvent e, long seq, long version, boolean ownerActive) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", e.addId().toString());
        doc.put(SEQ, seq);
        doc.put(USER_ID, e.userId().toString());
        doc.put(OWNER_ACTIVE, ownerActive);
        doc.put(STATUS, e.status().wire());
        doc.put(CREATED_AT, e.createdAt().toString());
        doc.put("updated_at", e.updatedAt().toString());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("legacy_id", e.legacyId());
        view.put("version", version);
        view.put("images", new ArrayList<Map<String, Object>>());
        doc.put("view", view);
        details(doc, e.details());
        return doc;
    }

    public static void details(Map<String, Object> doc, AdDetails d) {
        doc.put("title_f", TextFolding.fold(d.title()));
        // the whole text (up to AdInput's 20,000 characters, migrated ads any length), in pieces a term can hold
        doc.put("description_f", TextFolding.pieces(TextFolding.fold(d.description())));
        doc.put(CITY_FOLDED, TextFolding.fold(d.city()));
        doc.put(PRICE, d.price());
        doc.put("currency", d.currency());
        doc.put(CONDITION, d.condition().wire());
        doc.put(CATEGORY_ID, d.categoryId() == null ? null : d.categoryId().toString());
        doc.put(LOCATION, d.latitude() == null ? null : Map.of("lat", d.latitude(), "lon", d.longitude()));
        view(doc).put("details", VIEW.convertValue(d, MAP));
    }

    public static void status(Map<String, Object> doc, AdStatus status) {
        doc.put(STATUS, status.wire());
    }

    public static void changed(Map<String, Object> doc, Instant at, long version) {
        doc.put("updated_at", at.toString());
        view(doc).put("version", version);
    }

    public static void ownerActive(Map<String, Object> doc, boolean active) {
        doc.put(OWNER_ACTIVE, active);
    }

    /** Adds or moves an image to {@code order}; images stay sorted by order, then id (as PostgreSQL sorts them). */
    public static void putImage(Map<String, Object> doc, UUID mediaId, int order) {
        List<Map<String, Object>> images = images(doc);
        images.removeIf(i -> mediaId.toString().equals(i.get("id")));
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("id", mediaId.toString());
        image.put("path", MediaRef.pathOf(mediaId));
        image.put("order", order);
        images.add(image);
        images.sort(Comparator.comparing((Map<String, Object> i) -> ((Number) i.get("order")).intValue())
                .thenComparing(i -> UUID.fromString((String) i.get("id"))));
        view(doc).put("images", images);
    }

    /** Changes the order of an image the ad has; an unknown one is left alone. */
    public static void reorderImage(Map<String, Object> doc, UUID mediaId, int order) {
        if (images(doc).stream().anyMatch(i -> mediaId.toString().equals(i.get("id")))) {
            putImage(doc, mediaId, order);
        }
    }

    public static void removeImage(Map<String, Object> doc, UUID mediaId) {
        List<Map<String, Object>> images = images(doc);
        images.removeIf(i -> mediaId.toString().equals(i.get("id")));
        view(doc).put("images", images);
    }

    /** The list row of a document, as the query side returns it; {@code views} comes from the views counter. */
    @SuppressWarnings("unchecked")
    public static AdView row(Map<String, Object> doc, long views, Double distanceKm) {
        Map<String, Object> view = view(doc);
        AdDetails details = VIEW.convertValue(view.get("details"), AdDetails.class);
        List<MediaRef> images = images(doc).stream().map(i -> new MediaRef(UUID.fromString((String) i.get("id")),
                (String) i.get("path"), ((Number) i.get("order")).intValue())).toList();
        Number legacyId = (Number) view.get("legacy_id");
        return new AdView(UUID.fromString((String) doc.get("id")), legacyId == null ? null : legacyId.longValue(),
                UUID.fromString((String) doc.get(USER_ID)), details, AdStatus.fromWire((String) doc.get(STATUS)), images,
                views, Instant.parse((String) doc.get(CREATED_AT)), Instant.parse((String) doc.get("updated_at")),
                ((Number) view.get("version")).longValue(), !Boolean.FALSE.equals(doc.get(OWNER_ACTIVE)), distanceKm);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> view(Map<String, Object> doc) {
        Object view = doc.get("view");
        Map<String, Object> copy = view == null ? new LinkedHashMap<>() : new LinkedHashMap<>((Map<String, Object>) view);
        doc.put("view", copy);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> images(Map<String, Object> doc) {
        Object images = view(doc).get("images");
        List<Map<String, Object>> copy = new ArrayList<>();
        if (images != null) {
            for (Object i : (List<Object>) images) {
                copy.add(new LinkedHashMap<>((Map<String, Object>) i));
            }
        }
        return copy;
    }

    private static UUID uuid(Object value) {
        return value == null ? null : UUID.fromString(value.toString());
    }
}
