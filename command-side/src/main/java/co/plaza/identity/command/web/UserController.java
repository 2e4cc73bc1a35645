package co.plaza.identity.command.web;

import co.plaza.identity.command.Identifiers;

import co.plaza.identity.api.Role;
import co.plaza.identity.api.UserCommands.DeleteUserCommand;
import co.plaza.identity.api.UserCommands.UpdateUserDetailsCommand;
import co.plaza.identity.api.UserIds;
import co.plaza.identity.api.UserQueries.FindUserQuery;
import co.plaza.identity.api.UserQueries.UserView;
import co.plaza.identity.api.UserRepresentation;
import co.plaza.identity.command.credentials.NormalizedPhone;
import co.plaza.identity.command.credentials.PhoneNumbers;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.http.MediaType;
import co.plaza.media.api.MediaUse;
import co.plaza.media.api.RelatedType;
import co.plaza.media.command.web.MediaUploads;

import java.util.Map;
import java.util.UUID;

/** Changes to a user (API.md, Auth: {@code users/{id}/}); reads are served by the query side. */
@RestController
public class UserController {

    private final CommandGateway commands;
    private final PhoneNumbers phones;
    private final WriteAnswers answers;
    private final MediaUploads uploads;

    public UserController(CommandGateway commands, PhoneNumbers phones, WriteAnswers answers, MediaUploads uploads) {
        this.commands = commands;
        this.phones = phones;
        this.answers = answers;
        this.uploads = uploads;
    }

    /** The caller's new picture replaces (and deletes) the previous one; 200 with the user. */
    @PostMapping(value = "/api/auth/upload-profile-picture", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<Map<String, Object>> uploadPicture(
            @RequestParam(value = "file", required = false) MultipartFile file, Caller caller,
            HttpServletResponse response) {
        UUID actor = caller.requireActor();
        if (file == null) {
            throw DomainException.field("file", "error.required");
        }
        uploads.upload(file, MediaUse.PROFILE_PICTURE, RelatedType.USER, actor, null, caller);
        return answer(caller, actor, response);
    }

    @PutMapping("/api/auth/users/{id}")
    public ResponseEntity<Map<String, Object>> put(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                                   @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                   Caller caller, HttpServletResponse response) {
        return update(id, JsonInput.of(body, false), ifMatch, caller, response);
    }

    @PatchMapping("/api/auth/users/{id}")
    public ResponseEntity<Map<String, Object>> patch(@PathVariable String id, @RequestBody(required = false) JsonNode body,
                                                     @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                                     Caller caller, HttpServletResponse response) {
        return update(id, JsonInput.of(body, true), ifMatch, caller, response);
    }

    private ResponseEntity<Map<String, Object>> update(String rawId, JsonInput in, String ifMatch, Caller caller,
                                                       HttpServletResponse response) {
        caller.requireActor();
        // who may change the user, and whether it exists (404 before 403), is the command handler's to say
        UUID userId = PathIds.resolve(rawId, UserIds.LEGACY_TABLE);
        String username = in.string("username", true, 1000).map(Identifiers::nfc).orElse(null);
        if (username != null && !Identifiers.isValidUsername(username)) {
            in.error("username", "error.invalid_username");
        }
        String email = in.string("email", true, 254).map(String::trim).orElse(null);
        if (email != null && !Identifiers.isValidEmail(email)) {
            in.error("email", "error.invalid_email");
        }
        boolean clearPhone = in.isNull("phone_number")
                || (in.has("phone_number") && phones.parse(in.string("phone_number", false, 64).orElse("")).status() == NormalizedPhone.Status.BLANK);
        String phone = clearPhone ? null : in.string("phone_number", false, 64).map(raw -> {
            NormalizedPhone parsed = phones.parse(raw);
            if (!parsed.isValid()) {
                in.error("phone_number", "error.invalid_phone");
            }
            return parsed.e164();
        }).orElse(null);
        String firstName = in.string("first_name", false, 150).orElse(in.isNull("first_name") ? "" : null);
        String lastName = in.string("last_name", false, 150).orElse(in.isNull("last_name") ? "" : null);
        Role role = in.choice("role", false, Role::fromWire).orElse(null);
        Boolean active = in.bool("is_active", false).orElse(null);
        in.validate();
        commands.sendAndWait(new UpdateUserDetailsCommand(userId, Versions.expected(ifMatch), username, email, phone,
                clearPhone, firstName, lastName, role, active), caller.metaData());
        return answer(caller, userId, response);
    }

    @DeleteMapping("/api/auth/users/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id,
                                       @RequestHeader(value = "If-Match", required = false) String ifMatch,
                                       Caller caller) {
        caller.requireActor();
        UUID userId = PathIds.resolve(id, UserIds.LEGACY_TABLE);
        commands.sendAndWait(new DeleteUserCommand(userId, Versions.expected(ifMatch)), caller.metaData());
        return ResponseEntity.noContent().build();
    }

    /** 200 with the user as the caller may see it. */
    private ResponseEntity<Map<String, Object>> answer(Caller caller, UUID userId, HttpServletResponse response) {
        return answers.answer(HttpStatus.OK, caller, new FindUserQuery(userId), UserView.class, UserView::version,
                v -> UserRepresentation.of(v, caller.actorId(), caller.staff()), response);
    }
}
