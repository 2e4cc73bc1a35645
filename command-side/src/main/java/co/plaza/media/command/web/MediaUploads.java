package co.plaza.media.command.web;

import co.plaza.media.command.MediaCommandHandler;
import co.plaza.media.command.MediaRegistry;
import co.plaza.media.command.UploadInspector;

import co.plaza.media.api.MediaCommands.UploadMediaCommand;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.media.command.UploadContent;
import co.plaza.media.command.UploadInspector.Inspected;
import co.plaza.platform.blobs.BlobStore;
import co.plaza.platform.context.Caller;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * An upload end to end: inspect every file, store the blobs under keys of our own, then record the media. The
 * blobs are stored first so that an event never names bytes that are not there; if recording fails, the blobs are
 * removed again, so nothing is left behind either way. Several files are recorded in one transaction: all or none.
 */
@Component
public class MediaUploads {

    /** Every media blob lives under this prefix; the sweep looks at nothing else. */
    public static final String KEY_PREFIX = "media/";

    private final UploadInspector inspector;
    private final BlobStore blobs;
    private final CommandGateway commands;
    private final MediaRegistry registry;
    private final TransactionTemplate transaction;

    public MediaUploads(UploadInspector inspector, BlobStore blobs, CommandGateway commands, MediaRegistry registry,
                        PlatformTransactionManager transactions) {
        this.inspector = inspector;
        this.blobs = blobs;
        this.commands = commands;
        this.registry = registry;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The caller uploads: they are the uploader, and the commands carry them. */
    public UUID upload(MultipartFile file, MediaUse use, RelatedType relatedType, UUID relatedId, Integer order,
                       Caller caller) {
        return uploadAll(List.of(file), use, relatedType, relatedId, order, caller).get(0);
    }

    public List<UUID> uploadAll(List<MultipartFile> files, MediaUse use, RelatedType relatedType, UUID relatedId,
                                Integer firstOrder, Caller caller) {
        UUID uploader = caller.requireActor();
        var metaData = caller.metaData();
        // what the parts' sizes and number tell is refused before any part is read. A batch comes only from an
        // endpoint that has checked the host is the caller's (a single upload may name any host, and must learn
        // that it is not theirs before whether it is full); the command checks the cap again, under the host's
        // lock, for batches racing each other
        files.forEach(f -> inspector.checkSize(f.getSize(), use));
        if (files.size() > 1 && !use.replaces() && use.cap() > 0 && relatedId != null
                && registry.count(use, relatedType, relatedId) + files.size() > use.cap()) {
            throw MediaCommandHandler.capReached(use, relatedType);
        }
        // one file at a time, inspected then stored, so that only one image's bytes are held at once; a refused
        // file removes the blobs stored before it (all or none)
        List<UploadMediaCommand> uploads = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                Inspected file = inspector.inspect(content(files.get(i)), use);
                UUID mediaId = UUID.randomUUID();
                String key = keyFor(mediaId, file.extension());
                String hash = store(key, file);
                uploads.add(new UploadMediaCommand(mediaId, key, file.type(), file.mimeType(), file.size(), hash, use,
                        relatedType, relatedId, firstOrder == null ? null : firstOrder + i, uploader, null, false,
                        null));
            }
            if (uploads.size() == 1) {
                commands.sendAndWait(uploads.get(0), metaData);
            } else {
                transaction.executeWithoutResult(status -> uploads.forEach(c -> commands.sendAndWait(c, metaData)));
            }
        } catch (RuntimeException e) {
            uploads.forEach(c -> registry.deleteBlob(c.storageKey()));
            throw e;
        }
        return uploads.stream().map(UploadMediaCommand::mediaId).toList();
    }

    /** Only the bytes of a part go on: its name and Content-Type are the client's claims, not evidence. */
    private static UploadContent content(MultipartFile part) {
        return new UploadContent() {
            @Override
            public long size() {
                return part.getSize();
            }

            @Override
            public InputStream open() throws IOException {
                return part.getInputStream();
            }
        };
    }

    /** Server-made keys only: a client's file name never reaches the store. */
    static String keyFor(UUID mediaId, String extension) {
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        return KEY_PREFIX + month.getYear() + "/" + String.format("%02d", month.getMonthValue()) + "/" + mediaId
                + "." + extension;
    }

    /** Stores the bytes and returns their SHA-256 (the media's ETag), computed on the way through. */
    private String store(String key, Inspected file) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(file.open(), sha256)) {
            blobs.put(key, in, file.size(), file.mimeType());
        } catch (IOException e) {
            registry.deleteBlob(key);
            throw new UncheckedIOException("storing " + key, e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
