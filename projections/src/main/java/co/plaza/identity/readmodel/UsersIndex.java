package co.plaza.identity.readmodel;

import co.plaza.identity.api.UserEvents.UserRegisteredEvent;
import co.plaza.platform.elasticsearch.TextFolding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The users index behind {@code GET /api/auth/users/?search=}: its mapping and documents, for the search projection
 * and the query handler. Folded copies of the searchable fields (API.md: username, first_name, last_name);
 * {@code seq}, the registration's global position, is the numeric tie-breaker of the sort.
 */
public final class UsersIndex {

    public static final String INDEX = "users";
    /** 2: {@code seq}, and the index sorted as the search sorts (newest first). */
    public static final int VERSION = 2;
    public static final String MAPPING = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "100ms",
               "sort.field": ["date_joined", "seq"], "sort.order": ["desc", "desc"]},
             "mappings": {"dynamic": "strict", "properties": {
               "id": {"type": "keyword"},
               "seq": {"type": "long"},
               "username": {"type": "keyword"},
               "role": {"type": "keyword"},
               "is_active": {"type": "boolean"},
               "date_joined": {"type": "date"},
               "username_f": {"type": "keyword"},
               "first_name_f": {"type": "keyword"},
               "last_name_f": {"type": "keyword"}}}}""";

    public static final String ROLE = "role";
    public static final String ACTIVE = "is_active";
    public static final String DATE_JOINED = "date_joined";
    public static final String SEQ = "seq";
    public static final List<String> SEARCHABLE = List.of("username_f", "first_name_f", "last_name_f");

    private UsersIndex() {
    }

    public static Map<String, Object> document(UserRegisteredEvent e, long seq) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", e.userId().toString());
        doc.put(SEQ, seq);
        doc.put("username", e.username());
        doc.put(ROLE, e.role().wire());
        doc.put(ACTIVE, e.active());
        doc.put(DATE_JOINED, e.dateJoined().toString());
        names(doc, e.username(), e.firstName(), e.lastName());
        return doc;
    }

    public static void names(Map<String, Object> doc, String username, String firstName, String lastName) {
        doc.put("username", username);
        doc.put("username_f", TextFolding.fold(username));
        doc.put("first_name_f", TextFolding.fold(firstName));
        doc.put("last_name_f", TextFolding.fold(lastName));
    }
}
