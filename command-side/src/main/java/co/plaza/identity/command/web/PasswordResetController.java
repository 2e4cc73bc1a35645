package co.plaza.identity.command.web;

import co.plaza.identity.command.auth.PasswordResetService;

import co.plaza.identity.command.credentials.PhoneNumbers;
import co.plaza.platform.context.Caller;
import co.plaza.platform.web.JsonInput;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

@RestController
@RequestMapping("/api/auth/password-reset")
public class PasswordResetController {

    private final PasswordResetService resets;
    private final PhoneNumbers phones;
    private final MessageSource messages;

    public PasswordResetController(PasswordResetService resets, PhoneNumbers phones, MessageSource messages) {
        this.resets = resets;
        this.phones = phones;
        this.messages = messages;
    }

    /** The same 200 whether or not the number belongs to anyone. */
    @PostMapping("/request")
    public Map<String, Object> request(@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        JsonInput in = JsonInput.of(body, false);
        String raw = in.string("phone_number", true, 64).orElse(null);
        in.validate();
        resets.request(phones.normalize(raw).orElse(null), request.getRemoteAddr());
        return Map.of("detail", message("auth.reset_requested"));
    }

    @PostMapping("/verify")
    public Map<String, Object> verify(@RequestBody(required = false) JsonNode body, Caller caller) {
        JsonInput in = JsonInput.of(body, false);
        String raw = in.string("phone_number", true, 64).orElse(null);
        String code = in.string("code", true, 16).orElse(null);
        String password = in.string("new_password", true, 10_000).orElse(null);
        in.validate();
        resets.verify(phones.normalize(raw).orElse(null), code.trim(), password, caller);
        return Map.of("detail", message("auth.password_reset"));
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
