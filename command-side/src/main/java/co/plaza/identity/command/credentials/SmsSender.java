package co.plaza.identity.command.credentials;

public interface SmsSender {

    /**
     * @param toE164 recipient in E.164, see {@link PhoneNumbers}
     * @throws SmsDeliveryException when the provider refuses or can't be reached
     */
    void send(String toE164, String body);
}
