package co.plaza.identity.command.credentials;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends through Twilio's Messages API with the official SDK. Uses its own {@link TwilioRestClient} rather
 * than the SDK's static {@code Twilio.init}, so nothing global is touched.
 */
public class TwilioSmsSender implements SmsSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TwilioSmsSender.class);

    private final TwilioRestClient client;
    private final RebasingTwilioHttpClient httpClient;
    private final String from;

    /**
     * @param from       sender number in E.164, or a Messaging Service SID ({@code MG...})
     * @param apiBaseUrl {@code TWILIO_API_BASE_URL}, e.g. {@code http://127.0.0.1:8099}; null/blank talks to Twilio
     */
    public TwilioSmsSender(String accountSid, String authToken, String from, String apiBaseUrl) {
        requireText(accountSid, "accountSid");
        requireText(authToken, "authToken");
        requireText(from, "from");
        this.from = from;
        this.httpClient = new RebasingTwilioHttpClient(apiBaseUrl);
        this.client = new TwilioRestClient.Builder(accountSid, authToken).httpClient(httpClient).build();
        if (httpClient.rewrites()) {
            log.warn("Twilio API requests are redirected to {}", apiBaseUrl);
        }
    }

    @Override
    public void send(String toE164, String body) {
        Objects.requireNonNull(toE164, "toE164");
        Objects.requireNonNull(body, "body");
        MessageCreator creator = from.startsWith("MG")
                ? Message.creator(new PhoneNumber(toE164), from, body)
                : Message.creator(new PhoneNumber(toE164), new PhoneNumber(from), body);
        try {
            Message message = creator.create(client);
            log.debug("Twilio accepted message {} with status {}", message.getSid(), message.getStatus());
        } catch (ApiException e) {
            throw new SmsDeliveryException("Twilio refused the SMS (HTTP " + e.getStatusCode() + ", code "
                    + e.getCode() + "): " + e.getMessage(), e.getCode(), e);
        } catch (TwilioException e) {
            throw new SmsDeliveryException("Twilio SMS failed: " + e.getMessage(), null, e);
        }
    }

    @Override
    public void close() {
        httpClient.close();
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
