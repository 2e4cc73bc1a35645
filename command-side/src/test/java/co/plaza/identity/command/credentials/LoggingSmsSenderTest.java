package co.plaza.identity.command.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LoggingSmsSenderTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(LoggingSmsSender.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void logsLoudlyInsteadOfSending() {
        SmsSender sender = new LoggingSmsSender();
        sender.send("+573001234567", "Tu código es 012345");

        assertThat(appender.list).hasSize(2).allSatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("DEVELOPMENT ONLY").contains("NOT");
        });
        assertThat(appender.list.get(1).getFormattedMessage())
                .contains("+573001234567")
                .contains("Tu código es 012345");
    }
}
