package co.plaza.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.ExistsAliasRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Index-per-version behind an alias: a read model's documents live in {@code <prefix><name>_v<version>},
 * readers and writers use the alias {@code <prefix><name>}, so a mapping change is a new index, filled by a
 * replay, then swapped in by moving the alias.
 */
@Component
public class SearchIndexes {

    private final ElasticsearchClient client;
    private final String prefix;
    private final ConcurrentMap<String, String> ensured = new ConcurrentHashMap<>();

    public SearchIndexes(ElasticsearchClient client, @Value("${plaza.elasticsearch.index-prefix:plaza_}") String prefix) {
        this.client = client;
        this.prefix = prefix;
    }

    public String alias(String name) {
        return prefix + name;
    }

    /** Creates the versioned index with its mapping and points the alias at it, unless the alias exists. */
    public String ensure(String name, int version, String mappingJson) {
        return ensured.computeIfAbsent(name, n -> {
            String alias = alias(n);
            String index = alias + "_v" + version;
            try {
                boolean aliasExists = client.indices().existsAlias(ExistsAliasRequest.of(r -> r.name(alias))).value();
                if (!aliasExists) {
                    boolean indexExists = client.indices().exists(r -> r.index(index)).value();
                    if (!indexExists) {
                        client.indices().create(c -> c.index(index)
                                .withJson(new StringReader(mappingJson))
                                .aliases(alias, a -> a.isWriteIndex(true)));
                    } else {
                        client.indices().putAlias(a -> a.index(index).name(alias));
                    }
                }
                return alias;
            } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
                // another node created it between our check and our create
                if ("resource_already_exists_exception".equals(e.error().type())) {
                    return alias;
                }
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prepare index " + index, e);
            }
        });
    }
}
