package co.plaza.identity.command.credentials;

/** Keeps provider exception types (Twilio's) out of the callers of {@link SmsSender}. */
public class SmsDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Integer providerErrorCode;

    public SmsDeliveryException(String message, Integer providerErrorCode, Throwable cause) {
        super(message, cause);
        this.providerErrorCode = providerErrorCode;
    }

    /** e.g. Twilio's 21211 "invalid To number"; null when the provider gave none. */
    public Integer providerErrorCode() {
        return providerErrorCode;
    }
}
