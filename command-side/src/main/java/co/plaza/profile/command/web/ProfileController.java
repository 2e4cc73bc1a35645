package co.plaza.profile.command.web;

import co.plaza.profile.api.ProfileCommands.CreateProfileCommand;
import co.plaza.profile.api.ProfileCommands.DeleteProfileCommand;
import co.plaza.profile.api.ProfileCommands.UpdateProfileCommand;
import co.plaza.profile.api.ProfileDetails;
import co.plaza.profile.api.ProfileKind;
import co.plaza.profile.api.ProfileQueries.FindProfileQuery;
import co.plaza.profile.api.ProfileQueries.ProfileView;
import co.plaza.profile.api.ProfileRepresentation;
import co.plaza.platform.context.Caller;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.JsonInput;
import co.plaza.platform.web.PathIds;
import co.plaza.platform.web.Versions;
import co.plaza.platform.web.WriteAnswers;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.http.MediaType;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.media.command.web.MediaUploads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Changes to profiles (API.md, Profiles); reads are served by the query side. */
@RestController
public class ProfileController {

    private final CommandGateway commands;
    private final WriteAnswers answers;
    private final MediaUploads uploads;

    public ProfileController(CommandGateway commands, WriteAnswers answers, MediaUploads uploads) {
        this.commands = commands;
        this.answers = answers;
        this.uploads = uploads;
    }

    /** One or more {@code files}; all are checked and stored, then recorded in one transaction: all or none. */
    @PostMapping(value = "/api/profiles/specialists/{id}/upload_work_images",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> uploadWorkImages(
            @PathVariable String id, @RequestParam(value = "files", required = false) List<MultipartFile> files,
            @RequestParam(value = "file", required = false) List<MultipartFile> file, Caller caller,
            HttpServletResponse response) {
        caller.requireActor();
        ProfileView profile = current(ProfileKind.SPECIALIST, id, caller, response);
        caller.requireOwnerOrStaff(profile.userId());
        List<MultipartFile> all = new ArrayList<>();
        if (files != null) {
            all.addAll(files);
        }
        if (file != null) {
            all.addAll(file);
        }
        if (all.isEmpty()) {
            throw DomainException.field("files", "error.required");
        }
        uploads.uploadAll(all, MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, profile.id(), null, caller);
        return respond(HttpStatus.CREATED, caller, ProfileKind.SPECIALIST, profile.id(), response);
    }

    private static ProfileKind kindOf(String segment) {
        return ProfileKind.fromPathSegment(segment).orElseThrow(DomainException::notFound);
    }

    @PostMapping("/api/profiles/{kinds:" + ProfileKind.PATH_SEGMENTS + "}")
    public ResponseEntity<Map<String, Object>> create(@PathVariable String kinds,
                                                      @RequestBody(required = false) JsonNode body,
                                                      Caller caller, HttpServletResponse response) {
        UUID actor = caller.requireActor();
        ProfileKind kind = kindOf(kinds);
        JsonInput in = JsonInput.of(body, false);
        UUID userId = in.uuid("user_id", false).orElse(actor);
        ProfileDetails details = ProfileInput.read(in, kind, ProfileDetails.empty(kind));
        caller.requireOwnerOrStaff(userId);
        UUID profileId = UUID.randomUUID();
        commands.sendAndWait(new CreateProfileCommand(profileId, userId, null, details, null), caller.metaData());
        return respond(HttpStatus.CREATED, caller, kind, profileId, response);
    }

    @PutMapping("/api/profiles/{kinds:" + ProfileKind.PATH_SEGMENTS + "}/{id}")
    public ResponseEntity<Map<String, Object>> put(@PathVariable String kinds, @PathVariable String id,
                                                   @RequestBody(required = false) JsonNode body,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                   Caller caller, HttpServletResponse response) {
        return update(kinds, id, JsonInput.of(body, false), ifMatch, caller, response);
    }

    @PatchMapping("/api/profiles/{kinds:" + ProfileKind.PATH_SEGMENTS + "}/{id}")
    public ResponseEntity<Map<String, Object>> patch(@PathVariable String kinds, @PathVariable String id,
                                                     @RequestBody(required = false) JsonNode body,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                     Caller caller, HttpServletResponse response) {
        return update(kinds, id, JsonInput.of(body, true), ifMatch, caller, response);
    }

    /** Fields not given keep their value (for PUT too: no profile field is required). */
    private ResponseEntity<Map<String, Object>> update(String kinds, String rawId, JsonInput in, String ifMatch,
                                                       Caller caller, HttpServletResponse response) {
        caller.requireActor();
        ProfileKind kind = kindOf(kinds);
        ProfileView current = current(kind, rawId, caller, response);
        caller.requireOwnerOrStaff(current.userId());
        ProfileDetails details = ProfileInput.read(in, kind, current.details());
        commands.sendAndWait(new UpdateProfileCommand(current.id(), Versions.expected(ifMatch), details),
                caller.metaData());
        return respond(HttpStatus.OK, caller, kind, current.id(), response);
    }

    @DeleteMapping("/api/profiles/{kinds:" + ProfileKind.PATH_SEGMENTS + "}/{id}")
    public ResponseEntity<Void> delete(@PathVariable String kinds, @PathVariable String id,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       Caller caller, HttpServletResponse response) {
        caller.requireActor();
        ProfileKind kind = kindOf(kinds);
        ProfileView current = current(kind, id, caller, response);
        caller.requireOwnerOrStaff(current.userId());
        commands.sendAndWait(new DeleteProfileCommand(current.id(), Versions.expected(ifMatch)), caller.metaData());
        return ResponseEntity.noContent().build();
    }

    private ProfileView current(ProfileKind kind, String rawId, Caller caller, HttpServletResponse response) {
        UUID profileId = PathIds.resolve(rawId, kind.legacyTable());
        return answers.read(caller, new FindProfileQuery(kind, profileId, caller.viewer()), ProfileView.class,
                response);
    }

    private ResponseEntity<Map<String, Object>> respond(HttpStatus status, Caller caller, ProfileKind kind,
                                                        UUID profileId, HttpServletResponse response) {
        return answers.answer(status, caller, new FindProfileQuery(kind, profileId, caller.viewer()),
                ProfileView.class, ProfileView::version, ProfileRepresentation::of, response);
    }
}
