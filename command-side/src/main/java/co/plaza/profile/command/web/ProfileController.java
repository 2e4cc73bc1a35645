package co.plaza.profile.command.web;

import co.plaza.profile.api.ProfileCommands.CreateProfileCommand;
import co.plaza.profile.api.ProfileCommands.DeleteProfileCommand;
import co.plaza.profile.api.ProfileCommands.UpdateProfileCommand;
import co.plaza.profile.api.ProfileDetails;
import co.plaza.profile.api.ProfileKind;
import co.plaza.profile.api.ProfileQueries.FindProfileQuery;
import co.plaza.profile.api.ProfileQueries.ProfileView;
import co.plaza.profile.api.ProfileRepresentation;
import co.plaza.platform.consistency.ConsistentQueries;
import co.plaza.platform.consistency.ConsistentReads;
import co.plaza.platform.security.CurrentUser;
import co.plaza.platform.errors.DomainException;
import co.plaza.platform.web.JsonInput;
import co.plaza.platform.web.PathIds;
import co.plaza.platform.web.RequestMetadata;
import co.plaza.platform.web.Versions;
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
    private final ConsistentQueries queries;
    private final ConsistentReads reads;
    private final MediaUploads uploads;

    public ProfileController(CommandGateway commands, ConsistentQueries queries, ConsistentReads reads,
                             MediaUploads uploads) {
        this.commands = commands;
        this.queries = queries;
        this.reads = reads;
        this.uploads = uploads;
    }

    /** One or more {@code files}; all are checked and stored, then recorded in one transaction: all or none. */
    @PostMapping(value = "/api/profiles/specialists/{id}/upload_work_images",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> uploadWorkImages(
            @PathVariable String id, @RequestParam(value = "files", required = false) List<MultipartFile> files,
            @RequestParam(value = "file", required = false) List<MultipartFile> file, HttpServletResponse response) {
        CurrentUser caller = CurrentUser.required();
        ProfileView profile = current(ProfileKind.SPECIALIST, id, response);
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
        uploads.uploadAll(all, MediaUse.WORK_IMAGE, RelatedType.SPECIALIST_PROFILE, profile.id(), null, caller.id(),
                RequestMetadata.current());
        return respond(HttpStatus.CREATED, ProfileKind.SPECIALIST, profile.id(), response);
    }

    private static ProfileKind kindOf(String segment) {
        return ProfileKind.fromPathSegment(segment).orElseThrow(DomainException::notFound);
    }

    @PostMapping("/api/profiles/{kinds:" + ProfileKind.PATH_SEGMENTS + "}")
    public ResponseEntity<Map<String, Object>> create(@PathVariable String kinds,
                                                      @RequestBody(required = false) JsonNode body,
                                                      HttpServletResponse response) {
        CurrentUser caller = CurrentUser.required();
        ProfileKind kind = kindOf(kinds);
        JsonInput in = JsonInput.of(body, false);
        UUID userId = in.uuid("user_id", false).orElse(caller.id());
        ProfileDetails details = ProfileInput.read(in, kind, ProfileDetails.empty(kind));
        caller.requireOwnerOrStaff(userId);
        UUID profileId = UUID.randomUUID();
        commands.sendAndWait(new CreateProfileCommand(profileId, userId, null, details, null), RequestMetadata.current());
        return respond(HttpStatus.CREATED, kind, profileId, response);
    }

    @PutMapping("/api/profiles/{kinds:" + ProfileKind.PATH_SEGMENTS + "}/{id}")
    public ResponseEntity<Map<String, Object>> put(@PathVariable String kinds, @PathVariable String id,
                                                   @RequestBody(required = false) JsonNode body,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                   HttpServletResponse response) {
        return update(kinds, id, JsonInput.of(body, false), ifMatch, response);
    }

    @PatchMapping("/api/profiles/{kinds:" + ProfileKind.PATH_SEGMENTS + "}/{id}")
    public ResponseEntity<Map<String, Object>> patch(@PathVariable String kinds, @PathVariable String id,
                                                     @RequestBody(required = false) JsonNode body,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                     HttpServletResponse response) {
        return update(kinds, id, JsonInput.of(body, true), ifMatch, response);
    }

    /** Fields not given keep their value (for PUT too: no profile field is required). */
    private ResponseEntity<Map<String, Object>> update(String kinds, String rawId, JsonInput in, String ifMatch,
                                                       HttpServletResponse response) {
        CurrentUser caller = CurrentUser.required();
        ProfileKind kind = kindOf(kinds);
        ProfileView current = current(kind, rawId, response);
        caller.requireOwnerOrStaff(current.userId());
        ProfileDetails details = ProfileInput.read(in, kind, current.details());
        commands.sendAndWait(new UpdateProfileCommand(current.id(), Versions.expected(ifMatch), details),
                RequestMetadata.current());
        return respond(HttpStatus.OK, kind, current.id(), response);
    }

    @DeleteMapping("/api/profiles/{kinds:" + ProfileKind.PATH_SEGMENTS + "}/{id}")
    public ResponseEntity<Void> delete(@PathVariable String kinds, @PathVariable String id,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       HttpServletResponse response) {
        CurrentUser caller = CurrentUser.required();
        ProfileKind kind = kindOf(kinds);
        ProfileView current = current(kind, id, response);
        caller.requireOwnerOrStaff(current.userId());
        commands.sendAndWait(new DeleteProfileCommand(current.id(), Versions.expected(ifMatch)), RequestMetadata.current());
        return ResponseEntity.noContent().build();
    }

    private ProfileView current(ProfileKind kind, String rawId, HttpServletResponse response) {
        UUID profileId = PathIds.resolve(rawId, kind.legacyTable());
        reads.awaitOwnWrite(response);
        return find(kind, profileId);
    }

    private ResponseEntity<Map<String, Object>> respond(HttpStatus status, ProfileKind kind, UUID profileId,
                                                        HttpServletResponse response) {
        reads.awaitOwnWrite(response);
        ProfileView view = find(kind, profileId);
        return ResponseEntity.status(status).eTag(Versions.etag(view.version())).body(ProfileRepresentation.of(view));
    }

    private ProfileView find(ProfileKind kind, UUID profileId) {
        UUID reader = CurrentUser.required().id();
        return queries.createdBy(reader, new FindProfileQuery(kind, profileId), ProfileView.class)
                .orElseThrow(DomainException::notFound);
    }
}
