package co.plaza.app.api;

import co.plaza.platform.test.HttpApi.Response;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;

import static co.plaza.platform.test.HttpApi.body;
import static org.assertj.core.api.Assertions.assertThat;

class PasswordResetApiTest extends ApiTest {

    @Autowired
    @Qualifier("smsExecutor")
    Executor smsExecutor;

    @Test
    void aCodeBySmsResetsThePasswordOnceAndRevokesSessions() {
        String name = unique("forgot");
        JsonNode user = register(name, "consumer");
        String e164 = user.path("phone_number").asText();
        Response session = api.post("/api/auth/login/", body("username", name, "password", PASSWORD), null);
        String refresh = session.text("refresh");

        Response asked = api.post("/api/auth/password-reset/request/", body("phone_number", e164.substring(3, 6) + " " + e164.substring(6, 9) + " " + e164.substring(9)), null);
        assertThat(asked.status()).isEqualTo(200);
        await(() -> !TWILIO.messagesTo(e164).isEmpty(), "the SMS reached Twilio");
        String code = TWILIO.lastCodeTo(e164);

        Response weak = api.post("/api/auth/password-reset/verify/", body("phone_number", e164, "code", code,
                "new_password", "password"), null);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().has("new_password")).isTrue();

        Response ok = api.post("/api/auth/password-reset/verify/", body("phone_number", e164, "code", code,
                "new_password", "Nueva-Clave-2026"), null);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(login(name, "Nueva-Clave-2026")).isNotBlank();
        assertThat(api.post("/api/auth/token/refresh/", body("refresh", refresh), null).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/users/", session.text("token")).status()).as("the old access token").isEqualTo(401);
        assertThat(api.post("/api/auth/password-reset/verify/", body("phone_number", e164, "code", code,
                "new_password", "Otra-Clave-2027"), null).status()).as("single use").isEqualTo(400);
    }

    @Test
    void fiveWrongCodesVoidTheCode() {
        JsonNode user = register(unique("guesser"), "consumer");
        String e164 = user.path("phone_number").asText();
        api.post("/api/auth/password-reset/request/", body("phone_number", e164), null);
        await(() -> !TWILIO.messagesTo(e164).isEmpty(), "SMS sent");
        String code = TWILIO.lastCodeTo(e164);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/auth/password-reset/verify/", body("phone_number", e164, "code", wrong,
                    "new_password", "Nueva-Clave-2026"), null).status()).isEqualTo(400);
        }
        Response spent = api.post("/api/auth/password-reset/verify/", body("phone_number", e164, "code", code,
                "new_password", "Nueva-Clave-2026"), null);
        assertThat(spent.status()).isEqualTo(429);
        assertThat(spent.header("Retry-After")).isPresent();
    }

    @Test
    void unknownNumbersGetTheSameAnswerAndNoSms() {
        String unknown = "+57" + phone();
        Response a = api.post("/api/auth/password-reset/request/", body("phone_number", unknown), null);
        JsonNode user = register(unique("known"), "consumer");
        Response b = api.post("/api/auth/password-reset/request/", body("phone_number", user.path("phone_number").asText()), null);
        assertThat(a.status()).isEqualTo(b.status()).isEqualTo(200);
        assertThat(a.raw()).isEqualTo(b.raw());
        await(() -> !TWILIO.messagesTo(user.path("phone_number").asText()).isEmpty(), "SMS to the known number");
        assertThat(TWILIO.messagesTo(unknown)).isEmpty();
        assertThat(api.post("/api/auth/password-reset/verify/", body("phone_number", unknown, "code", "123456",
                "new_password", "Nueva-Clave-2026"), null).status()).isEqualTo(400);
    }

    /**
     * The new password is judged before anything about the number, so a weak one answers the same whether the
     * number has an account (with a code pending or not) or not.
     */
    @Test
    void aWeakNewPasswordIsRefusedAlikeForEveryNumber() {
        JsonNode withCode = register(unique("weakcode"), "consumer");
        String e164 = withCode.path("phone_number").asText();
        api.post("/api/auth/password-reset/request/", body("phone_number", e164), null);
        await(() -> !TWILIO.messagesTo(e164).isEmpty(), "SMS sent");
        JsonNode withoutCode = register(unique("weaknone"), "consumer");
        List<String> numbers = List.of(e164, withoutCode.path("phone_number").asText(), "+57" + phone(), "12");
        List<Response> answers = numbers.stream().map(n -> api.post("/api/auth/password-reset/verify/",
                body("phone_number", n, "code", "123456", "new_password", "password"), null)).toList();
        for (Response answer : answers) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
            assertThat(answer.json().has("new_password")).as(answer.toString()).isTrue();
            assertThat(answer.raw()).isEqualTo(answers.get(0).raw());
        }
    }

    /**
     * A number without an account gets a decoy code nobody is told: wrong codes spend its attempts as they would a
     * real one's, so the sixth answer (429) does not tell which numbers have accounts.
     */
    @Test
    void wrongCodesAreAnsweredAlikeWhetherTheNumberHasAnAccountOrNot() {
        JsonNode user = register(unique("realnum"), "consumer");
        String known = user.path("phone_number").asText();
        String unknown = "+57" + phone();
        for (String number : List.of(known, unknown)) {
            assertThat(api.post("/api/auth/password-reset/request/", body("phone_number", number), null).status())
                    .isEqualTo(200);
        }
        await(() -> !TWILIO.messagesTo(known).isEmpty(), "SMS to the known number");
        String wrong = TWILIO.lastCodeTo(known).equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 6; i++) {
            Response a = api.post("/api/auth/password-reset/verify/", body("phone_number", known, "code", wrong,
                    "new_password", "Nueva-Clave-2026"), null);
            Response b = api.post("/api/auth/password-reset/verify/", body("phone_number", unknown, "code", wrong,
                    "new_password", "Nueva-Clave-2026"), null);
            assertThat(b.status()).as("attempt " + (i + 1)).isEqualTo(a.status()).isEqualTo(i < 5 ? 400 : 429);
            assertThat(b.json()).isEqualTo(a.json());
        }
        assertThat(TWILIO.messagesTo(unknown)).isEmpty();
    }

    /** A deactivated account's code resets nothing and is answered as a wrong code, saying nothing of the account. */
    @Test
    void aDeactivatedAccountCannotResetItsPasswordIntoUse() {
        String name = unique("banned");
        JsonNode user = register(name, "consumer");
        String e164 = user.path("phone_number").asText();
        api.post("/api/auth/password-reset/request/", body("phone_number", e164), null);
        await(() -> !TWILIO.messagesTo(e164).isEmpty(), "SMS sent");
        String code = TWILIO.lastCodeTo(e164);
        String admin = adminToken();
        String userPath = "/api/auth/users/" + user.path("id").asText() + "/";
        assertThat(api.patch(userPath, body("is_active", false), admin).status()).isEqualTo(200);

        Response withCode = api.post("/api/auth/password-reset/verify/", body("phone_number", e164, "code", code,
                "new_password", "Nueva-Clave-2026"), null);
        Response wrongCode = api.post("/api/auth/password-reset/verify/", body("phone_number", "+57" + phone(),
                "code", code, "new_password", "Nueva-Clave-2026"), null);
        assertThat(withCode.status()).isEqualTo(400);
        assertThat(withCode.raw()).isEqualTo(wrongCode.raw());
        assertThat(api.get(userPath, admin).json().path("is_active").asBoolean()).isFalse();

        // reactivated later, the account still has its old password: the reset did nothing
        assertThat(api.patch(userPath, body("is_active", true), admin).status()).isEqualTo(200);
        assertThat(api.post("/api/auth/login/", body("username", name, "password", "Nueva-Clave-2026"), null).status())
                .isEqualTo(401);
        assertThat(login(name, PASSWORD)).isNotBlank();
    }

    @Test
    void atMostThreeSmsPerNumberPerHour() {
        JsonNode user = register(unique("pumped"), "consumer");
        String e164 = user.path("phone_number").asText();
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/auth/password-reset/request/", body("phone_number", e164), null).status()).isEqualTo(200);
        }
        // every request has answered, so every SMS it allowed is handed to the sender: once the sender has nothing
        // left to run, no fourth one can still show up
        ThreadPoolExecutor sender = ((ThreadPoolTaskExecutor) smsExecutor).getThreadPoolExecutor();
        await(() -> sender.getCompletedTaskCount() == sender.getTaskCount(), "the SMS sender has sent everything");
        assertThat(TWILIO.messagesTo(e164)).hasSize(3);
    }
}
