package co.plaza.media.command;

import co.plaza.media.command.web.MediaUploads;

import co.plaza.platform.blobs.BlobStore;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Compares the store with the media: blobs no live media names (a crash between storing and recording, a delete
 * whose blob removal failed) are removed; media whose blob is gone are reported. Anything younger than an hour is
 * spared, since an upload in progress stores its blob before its media exists.
 */
@Configuration(proxyBeanMethods = false)
public class MediaSweep {

    private static final Logger log = LoggerFactory.getLogger(MediaSweep.class);
    static final Duration GRACE = Duration.ofHours(1);

    private final BlobStore blobs;
    private final MediaRegistry registry;
    private final Clock clock;

    public MediaSweep(BlobStore blobs, MediaRegistry registry) {
        this.blobs = blobs;
        this.registry = registry;
        this.clock = Clock.systemUTC();
    }

    public record Report(int checkedBlobs, int checkedMedia, List<String> removedBlobs, List<UUID> missingBlobs) {
    }

    public Report sweep() {
        Instant cutoff = clock.instant().minus(GRACE);
        Map<String, MediaRegistry.Entry> media = registry.byStorageKey();
        Set<String> present = new HashSet<>();
        List<String> removed = new ArrayList<>();
        try {
            blobs.list(MediaUploads.KEY_PREFIX, blob -> {
                present.add(blob.key());
                MediaRegistry.Entry owner = media.get(blob.key());
                boolean orphan = owner == null || owner.deleted();
                if (orphan && blob.lastModified().isBefore(cutoff)) {
                    try {
                        blobs.delete(blob.key());
                        removed.add(blob.key());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<UUID> missing = media.values().stream()
                .filter(m -> !m.deleted() && m.createdAt().isBefore(cutoff) && !present.contains(m.storageKey()))
                .map(MediaRegistry.Entry::mediaId).sorted().toList();
        log.info("Media sweep: {} blobs, {} media, {} orphan blobs removed, {} media without a blob",
                present.size(), media.size(), removed.size(), missing.size());
        return new Report(present.size(), media.size(), removed, missing);
    }

    /** Daily, at most one instance at a time across the cluster (db-scheduler). */
    @Bean
    RecurringTask<Void> dailyMediaSweep() {
        return Tasks.recurring("media-sweep", Schedules.daily(LocalTime.of(3, 30)))
                .execute((instance, context) -> sweep());
    }
}
