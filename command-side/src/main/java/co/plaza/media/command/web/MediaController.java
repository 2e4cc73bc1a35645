package co.plaza.media.command.web;

import co.plaza.media.api.MediaCommands.DeleteMediaCommand;
import co.plaza.media.api.MediaCommands.UpdateMediaCommand;
import co.plaza.media.api.MediaQueries.FindMediaQuery;
import co.plaza.media.api.MediaQueries.MediaView;
import co.plaza.media.api.MediaRepresentation;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.platform.context.Caller;
import co.plaza.media.web.MediaLinks;
import co.plaza.media.web.RelatedIds;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.JsonInput;
import co.plaza.platform.web.PathIds;
import co.plaza.platform.web.WriteAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Changes to media (API.md, Media); reads and the bytes are served by the query side. */
@RestController
public class MediaController {

    private final MediaUploads uploads;
    private final CommandGateway commands;
    private final WriteAnswers answers;
    private final MediaLinks links;

    public MediaController(MediaUploads uploads, CommandGateway commands, WriteAnswers answers, MediaLinks links) {
        this.uploads = uploads;
        this.commands = commands;
        this.answers = answers;
        this.links = links;
    }

    @PostMapping(value = "/api/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> upload(@RequestParam(value = "file", required = false) MultipartFile file,
                                                      @RequestParam(value = "related_type", required = false) String type,
                                                      @RequestParam(value = "related_id", required = false) String id,
                                                      @RequestParam(value = "order", required = false) String order,
                                                      Caller caller, HttpServletResponse response) {
        caller.requireActor();
        if (file == null) {
            throw DomainException.field("file", "error.required");
        }
        RelatedType relatedType = blank(type) ? null : RelatedType.fromWire(type.strip())
                .orElseThrow(() -> DomainException.field("related_type", "error.invalid_choice"));
        UUID relatedId = blank(id) ? null : RelatedIds.parse(id, relatedType);
        if (relatedType != null && relatedId == null) {
            throw DomainException.field("related_id", "error.required");
        }
        if (relatedType == null && relatedId != null) {
            throw DomainException.field("related_type", "error.required");
        }
        Integer position = blank(order) ? null : order(order.strip());
        UUID mediaId = uploads.upload(file, MediaUse.forGenericUpload(relatedType), relatedType, relatedId, position,
                caller);
        return respond(HttpStatus.CREATED, caller, mediaId, response);
    }

    @PutMapping("/api/media/{id}")
    public ResponseEntity<Map<String, Object>> put(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                                   Caller caller, HttpServletResponse response) {
        return update(id, JsonInput.of(body, true), caller, response);
    }

    @PatchMapping("/api/media/{id}")
    public ResponseEntity<Map<String, Object>> patch(@PathVariable String id,
                                                     @RequestBody(required = false) JsonNode body,
                                                     Caller caller, HttpServletResponse response) {
        return update(id, JsonInput.of(body, true), caller, response);
    }

    /** {@code order}, {@code related_type} and {@code related_id}; both relation fields null detaches. */
    private ResponseEntity<Map<String, Object>> update(String rawId, JsonInput in, Caller caller,
                                                       HttpServletResponse response) {
        caller.requireActor();
        MediaView current = visible(rawId, caller, response);
        Optional<Integer> order = in.integer("order", false, 0, Integer.MAX_VALUE);
        Optional<RelatedType> type = in.choice("related_type", false,
                s -> RelatedType.fromWire(s).orElseThrow(IllegalArgumentException::new));
        Optional<String> rawRelated = in.idText("related_id", false); // a UUID or a legacy integer
        in.validate();
        boolean detach = in.isNull("related_type") && in.isNull("related_id");
        RelatedType effectiveType = type.orElse(current.relatedType());
        UUID relatedId = rawRelated.map(r -> {
            if (effectiveType == null) {
                throw DomainException.field("related_type", "error.required");
            }
            return RelatedIds.parse(r, effectiveType);
        }).orElse(null);
        if (type.isPresent() && relatedId == null && type.get() != current.relatedType()) {
            throw DomainException.field("related_id", "error.required");
        }
        commands.sendAndWait(new UpdateMediaCommand(current.id(), type.orElse(null), relatedId, detach,
                order.orElse(null)), caller.metaData());
        return respond(HttpStatus.OK, caller, current.id(), response);
    }

    @DeleteMapping("/api/media/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id, Caller caller, HttpServletResponse response) {
        caller.requireActor();
        MediaView current = visible(id, caller, response);
        commands.sendAndWait(new DeleteMediaCommand(current.id()), caller.metaData());
        return ResponseEntity.noContent().build();
    }

    /** A media the caller may not see is a 404, like one that does not exist (chat attachments of other rooms). */
    private MediaView visible(String rawId, Caller caller, HttpServletResponse response) {
        UUID mediaId = PathIds.resolve(rawId, RelatedType.MEDIA_LEGACY_TABLE);
        MediaView view = answers.read(caller, new FindMediaQuery(mediaId), MediaView.class, response);
        if (!view.visibleTo(caller.viewer())) {
            throw DomainException.notFound();
        }
        return view;
    }

    private ResponseEntity<Map<String, Object>> respond(HttpStatus status, Caller caller, UUID mediaId,
                                                        HttpServletResponse response) {
        return answers.answer(status, caller, new FindMediaQuery(mediaId), MediaView.class,
                view -> MediaRepresentation.of(view, links.urlOf(view)), response);
    }


    private static Integer order(String raw) {
        try {
            int value = Integer.parseInt(raw);
            if (value < 0) {
                throw DomainException.field("order", "error.out_of_range");
            }
            return value;
        } catch (NumberFormatException e) {
            throw DomainException.field("order", "error.invalid_type");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
