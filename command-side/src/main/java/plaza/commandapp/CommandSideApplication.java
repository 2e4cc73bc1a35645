package plaza.commandapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The command-side deployable: aggregates, sagas and the write API. It lives outside {@code co.plaza} so the
 * all-in-one application, which scans {@code co.plaza}, does not pick it up.
 */
@SpringBootApplication(scanBasePackages = "co.plaza")
@EnableScheduling
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
