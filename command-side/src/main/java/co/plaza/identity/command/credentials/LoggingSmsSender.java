package co.plaza.identity.command.credentials;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stand-in used when no Twilio account is configured: messages (codes included) only go to the log. */
public class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    public LoggingSmsSender() {
        log.warn("*** No Twilio account configured: SMS are NOT sent, only logged. FOR DEVELOPMENT ONLY. ***");
    }

    @Override
    public void send(String toE164, String body) {
        log.warn("*** DEVELOPMENT ONLY, SMS NOT SENT (no Twilio account configured) *** to={} body={}", toE164, body);
    }
}
