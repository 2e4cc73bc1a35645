package co.plaza.platform.config;

import org.axonframework.updates.configuration.CommandLineUsagePropertyProvider;
import org.axonframework.updates.configuration.UsagePropertyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Every deployable runs PlazaEnvironment, and with it Axon's update checker reads "disabled". */
class AxonUpdateCheckerTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(PlazaEnvironment.UPDATE_CHECKER_DISABLED);
        System.clearProperty(PlazaEnvironment.UPDATE_CHECKER_DISABLED);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(PlazaEnvironment.UPDATE_CHECKER_DISABLED);
        } else {
            System.setProperty(PlazaEnvironment.UPDATE_CHECKER_DISABLED, before);
        }
    }

    @Test
    void theEnvironmentTurnsTheCheckerOffAsAxonReadsIt() {
        // Axon's highest-priority switch is unset until Plaza's environment runs (the full hierarchy is not asked here:
        // with nothing set it would write ~/.axoniq/update-checker.properties)
        assertThat(new CommandLineUsagePropertyProvider().getDisabled()).isNull();
        PlazaEnvironment.disableAxonUpdateChecker(name -> null);
        // the same hierarchy Axon's UpdateChecker asks, in Spring (UpdateCheckerAutoConfiguration) or not
        assertThat(UsagePropertyProvider.create().getDisabled()).isTrue();
    }

    @Test
    void anOperatorWhoTurnsItOnExplicitlyIsHeard() {
        System.setProperty(PlazaEnvironment.UPDATE_CHECKER_DISABLED, "false");
        PlazaEnvironment.disableAxonUpdateChecker(name -> null);
        assertThat(UsagePropertyProvider.create().getDisabled()).isFalse();
        System.clearProperty(PlazaEnvironment.UPDATE_CHECKER_DISABLED);
        PlazaEnvironment.disableAxonUpdateChecker(name -> "false");
        assertThat(System.getProperty(PlazaEnvironment.UPDATE_CHECKER_DISABLED)).as("the variable decides").isNull();
    }

    /** What every Spring Boot deployable runs first (META-INF/spring.factories). */
    @Test
    void everyDeployableGetsItFromItsEnvironmentPostProcessor() throws java.io.IOException {
        new PlazaEnvironment().postProcessEnvironment(new StandardEnvironment(), new SpringApplication());
        String expected = System.getenv(PlazaEnvironment.UPDATE_CHECKER_DISABLED_ENV) == null ? "true" : null;
        assertThat(System.getProperty(PlazaEnvironment.UPDATE_CHECKER_DISABLED)).isEqualTo(expected);
        assertThat(new org.springframework.core.io.ClassPathResource("META-INF/spring.factories").getContentAsString(
                java.nio.charset.StandardCharsets.UTF_8)).contains(PlazaEnvironment.class.getName());
    }
}
