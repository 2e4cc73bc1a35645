package co.plaza.identity.command.credentials;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code PLAZA_SMS=log}, the development mode: messages (codes included) only go to the log, never to a phone. */
public class LoggingSmsSender implements SmsSender {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsSender.class);

    public LoggingSmsSender() {
        log.warn("*** PLAZA_SMS=log: SMS are NOT sent, reset codes are only written to this log. "
                + "FOR DEVELOPMENT ONLY. ***");
    }

    @Override
    public void send(String toE164, String body) {
        log.warn("*** DEVELOPMENT ONLY, SMS NOT SENT (PLAZA_SMS=log) *** to={} body={}", toE164, body);
    }
}
