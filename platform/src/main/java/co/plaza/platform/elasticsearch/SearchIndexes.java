package co.plaza.platform.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.ExistsAliasRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Index-per-version behind an alias: a read model's documents live in {@code <prefix><name>_v<version>},
 * readers and writers use the alias {@code <prefix><name>}. A mapping change is a version bump: the new index is
 * created next to the live one and left to {@link SearchIndexRebuilds} to fill from the event store while the
 * alias keeps serving the old one, then the alias moves to it in one atomic step and the old index is dropped.
 */
@Component
public class SearchIndexes {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexes.class);

    /** A version bump in progress: the alias still points at {@code from}, {@code to} is being filled. */
    public record Rebuild(String name, String alias, String from, String to, int version) {
    }

    private final ElasticsearchClient client;
    private final String prefix;
    private final ConcurrentMap<String, String> ensured = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Rebuild> rebuilds = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Long> retired = new ConcurrentHashMap<>();

    public SearchIndexes(ElasticsearchClient client, @Value("${plaza.elasticsearch.index-prefix:plaza_}") String prefix) {
        this.client = client;
        this.prefix = prefix;
    }

    public String alias(String name) {
        return prefix + name;
    }

    public String index(String name, int version) {
        return alias(name) + "_v" + version;
    }

    /**
     * Prepares a read model's index and returns the alias to read and write: creates the versioned index with
     * its mapping and the alias when there is none; when the alias points at an older version, creates this
     * version's index and registers its rebuild (the alias keeps the old index until the rebuild has caught up).
     */
    public String ensure(String name, int version, String mappingJson) {
        return ensured.computeIfAbsent(name + "_v" + version, key -> {
            String alias = alias(name);
            String index = index(name, version);
            Optional<String> live = liveIndex(name);
            if (live.isEmpty()) {
                create(index, mappingJson, alias);
                return alias;
            }
            int liveVersion = versionOf(name, live.get());
            if (liveVersion < version) {
                create(index, mappingJson, null);
                rebuilds.putIfAbsent(name, new Rebuild(name, alias, live.get(), index, version));
                log.info("Search index {} is at {}: rebuilding {} from the event store", alias, live.get(), index);
            } else if (liveVersion > version) {
                log.warn("Search index {} is at {}, newer than this code's version {}: left as it is", alias, live.get(), version);
            }
            return alias;
        });
    }

    /** The physical index the alias points at now, if the alias exists. */
    public Optional<String> liveIndex(String name) {
        String alias = alias(name);
        try {
            if (!client.indices().existsAlias(ExistsAliasRequest.of(r -> r.name(alias))).value()) {
                return Optional.empty();
            }
            List<String> indices = client.indices().getAlias(r -> r.name(alias)).result().keySet().stream().sorted().toList();
            return indices.isEmpty() ? Optional.empty() : Optional.of(indices.get(indices.size() - 1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read alias " + alias, e);
        }
    }

    /** The version bumps this JVM found and has not finished, by index name. */
    public List<Rebuild> pendingRebuilds() {
        return List.copyOf(rebuilds.values());
    }

    /**
     * Moves the alias from the old index to the rebuilt one in one atomic alias update: a reader sees either
     * index whole, never neither. The old index is dropped later ({@link #dropRetired}), since a search that
     * resolved the alias just before the move may still be running on it.
     */
    public void complete(Rebuild rebuild) {
        try {
            client.indices().updateAliases(u -> u
                    .actions(a -> a.add(add -> add.index(rebuild.to()).alias(rebuild.alias()).isWriteIndex(true)))
                    .actions(a -> a.remove(r -> r.index(rebuild.from()).alias(rebuild.alias()))));
            retired.put(rebuild.from(), System.nanoTime());
            rebuilds.remove(rebuild.name(), rebuild);
            log.info("Search index {} now points at {}", rebuild.alias(), rebuild.to());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move alias " + rebuild.alias(), e);
        }
    }

    /** Drops the indexes an alias left at least {@code grace} ago. */
    public void dropRetired(java.time.Duration grace) {
        for (var entry : retired.entrySet()) {
            if (System.nanoTime() - entry.getValue() < grace.toNanos()) {
                continue;
            }
            try {
                client.indices().delete(d -> d.index(entry.getKey()).ignoreUnavailable(true));
                retired.remove(entry.getKey());
                log.info("Search index {} dropped", entry.getKey());
            } catch (IOException | ElasticsearchException e) {
                log.warn("Cannot drop retired index {} yet", entry.getKey(), e);
            }
        }
    }

    private void create(String index, String mappingJson, String alias) {
        try {
            if (client.indices().exists(r -> r.index(index)).value()) {
                if (alias != null) {
                    client.indices().putAlias(a -> a.index(index).name(alias).isWriteIndex(true));
                }
                return;
            }
            client.indices().create(c -> {
                c.index(index).withJson(new StringReader(mappingJson));
                return alias == null ? c : c.aliases(alias, a -> a.isWriteIndex(true));
            });
        } catch (ElasticsearchException e) {
            // another node created it between our check and our create
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare index " + index, e);
        }
    }

    private int versionOf(String name, String index) {
        String base = alias(name) + "_v";
        try {
            return index.startsWith(base) ? Integer.parseInt(index.substring(base.length())) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
