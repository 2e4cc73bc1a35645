package plaza.queryapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The query-side deployable: projections, query handlers and the read API. */
@SpringBootApplication(scanBasePackages = "co.plaza")
public class QuerySideApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuerySideApplication.class, args);
    }
}
