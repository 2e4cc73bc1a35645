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
import java.util.concurrent.Executor;

@Configuration
public class CredentialsConfiguration {

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

    /** Twilio when an account SID is configured; otherwise codes go to the log, for development only. */
    @Bean(destroyMethod = "")
    public SmsSender smsSender(@Value("${TWILIO_ACCOUNT_SID:}") String sid,
                               @Value("${TWILIO_AUTH_TOKEN:}") String token,
                               @Value("${TWILIO_FROM_NUMBER:}") String from,
                               @Value("${TWILIO_API_BASE_URL:}") String baseUrl) {
        if (sid.isBlank()) {
            return new LoggingSmsSender();
        }
        return new TwilioSmsSender(sid, token, from, baseUrl);
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
