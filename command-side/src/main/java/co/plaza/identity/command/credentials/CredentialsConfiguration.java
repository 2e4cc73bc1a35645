package co.plaza.identity.command.credentials;

import co.plaza.platform.security.JwtKeys;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Locale;
import java.util.concurrent.Executor;

@Configuration
public class CredentialsConfiguration {

    static final String SMS_TWILIO = "twilio";
    static final String SMS_LOG = "log";

    @Bean
    public PasswordHasher passwordHasher() {
        return new PasswordHasher();
    }

    @Bean
    public PasswordPolicy passwordPolicy() {
        return new PasswordPolicy();
    }

    @Bean
    public PhoneNumbers phoneNumbers() {
        return new PhoneNumbers();
    }

    /** The code-hashing key is derived from the token key, so one secret configures both and they still differ. */
    @Bean
    public OneTimeCodes oneTimeCodes(JwtKeys keys) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(keys.key().getEncoded(), "HmacSHA256"));
        return new OneTimeCodes(mac.doFinal("plaza-one-time-codes".getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@code PLAZA_SMS}: {@code twilio} sends through Twilio; {@code log} only logs the messages, reset codes included,
     * and is the development mode, which only the all-in-one app ({@code plaza.development}) may run in. Unset, it is
     * {@code twilio} when an account SID is configured and {@code log} otherwise, so a split deployable without Twilio
     * credentials refuses to start rather than swallow every reset code.
     */
    @Bean(destroyMethod = "")
    public SmsSender smsSender(@Value("${PLAZA_SMS:}") String mode,
                               @Value("${plaza.development:false}") boolean development,
                               @Value("${TWILIO_ACCOUNT_SID:}") String sid,
                               @Value("${TWILIO_AUTH_TOKEN:}") String token,
                               @Value("${TWILIO_FROM_NUMBER:}") String from,
                               @Value("${TWILIO_API_BASE_URL:}") String baseUrl) {
        String chosen = mode.isBlank() ? (sid.isBlank() ? SMS_LOG : SMS_TWILIO) : mode.trim().toLowerCase(Locale.ROOT);
        switch (chosen) {
            case SMS_LOG -> {
                if (!development) {
                    throw new IllegalStateException("PLAZA_SMS=log (reset codes only logged, never sent) is for the "
                            + "all-in-one development app; set TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and "
                            + "TWILIO_FROM_NUMBER");
                }
                return new LoggingSmsSender();
            }
            case SMS_TWILIO -> {
                if (sid.isBlank() || token.isBlank() || from.isBlank()) {
                    throw new IllegalStateException("PLAZA_SMS=twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and "
                            + "TWILIO_FROM_NUMBER");
                }
                return new TwilioSmsSender(sid, token, from, baseUrl);
            }
            default -> throw new IllegalStateException("PLAZA_SMS must be twilio or log, not '" + mode + "'");
        }
    }

    /** SMS leave off the request thread, so a reset request takes as long whether an SMS goes out or not. */
    @Bean
    public Executor smsExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(2);
        executor.setMaxPoolSize(4);
        executor.setQueueCapacity(1000);
        executor.setThreadNamePrefix("sms-");
        executor.initialize();
        return executor;
    }
}
