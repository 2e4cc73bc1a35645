package co.plaza.identity.command.credentials;

import co.plaza.platform.security.JwtKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PLAZA_SMS=log} is the development mode: only the all-in-one app ({@code plaza.development}) starts in it;
 * the split deployables refuse to start without Twilio rather than log every reset code.
 */
class SmsModeTest {

    @TempDir
    Path dir;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner().withUserConfiguration(CredentialsConfiguration.class, JwtKeys.class)
                .withPropertyValues("plaza.jwt.secret=sms-mode-test-secret-0123456789abcdefghij",
                        "plaza.data-dir=" + dir);
    }

    private static final String[] TWILIO = {"TWILIO_ACCOUNT_SID=AC00000000000000000000000000000001",
            "TWILIO_AUTH_TOKEN=test-token", "TWILIO_FROM_NUMBER=+15005550006"};

    @Test
    void aSplitDeployableWithoutTwilioRefusesToStart() {
        runner().run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                .hasMessageContaining("PLAZA_SMS=log").hasMessageContaining("TWILIO_ACCOUNT_SID"));
    }

    @Test
    void aSplitDeployableRefusesTheLogModeEvenWithTwilioConfigured() {
        runner().withPropertyValues(TWILIO).withPropertyValues("PLAZA_SMS=log")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("development"));
    }

    @Test
    void twilioNeedsEveryCredentialAndUnknownModesAreRefused() {
        runner().withPropertyValues("PLAZA_SMS=twilio", "TWILIO_ACCOUNT_SID=AC00000000000000000000000000000001")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("TWILIO_AUTH_TOKEN"));
        runner().withPropertyValues(TWILIO).withPropertyValues("PLAZA_SMS=carrier-pigeon")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("twilio or log"));
    }

    @Test
    void withTwilioCredentialsEveryDeployableSends() {
        runner().withPropertyValues(TWILIO)
                .run(context -> assertThat(context).hasNotFailed().getBean(SmsSender.class)
                        .isInstanceOf(TwilioSmsSender.class));
    }

    @Test
    void theDevelopmentAppMayLogCodes() {
        runner().withPropertyValues("plaza.development=true")
                .run(context -> assertThat(context).hasNotFailed().getBean(SmsSender.class)
                        .isInstanceOf(LoggingSmsSender.class));
        runner().withPropertyValues(TWILIO).withPropertyValues("plaza.development=true", "PLAZA_SMS=LOG")
                .run(context -> assertThat(context).hasNotFailed().getBean(SmsSender.class)
                        .isInstanceOf(LoggingSmsSender.class));
    }
}
