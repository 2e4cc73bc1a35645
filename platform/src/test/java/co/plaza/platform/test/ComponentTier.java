package co.plaza.platform.test;

import co.plaza.platform.elasticsearch.SearchIndexes;
import co.plaza.platform.elasticsearch.SearchPages;
import co.plaza.platform.elasticsearch.SearchWriter;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchClientAutoConfiguration;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The component tier, between fixture tests and HTTP tests: a projection and the query handler reading its read
 * model, against the real PostgreSQL (every module's Flyway migrations) and Elasticsearch, fed events directly by
 * {@link EventFeed}, with no command side, no event store, no processors and no web layer. Use it as
 * {@code @SpringBootTest(classes = {ComponentTier.class, TheProjection.class, TheQueryHandler.class})} with
 * {@code @ContextConfiguration(initializers = PlazaTestEnvironment.class)}.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({DataSourceAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
        TransactionAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class,
        JacksonAutoConfiguration.class, ElasticsearchRestClientAutoConfiguration.class,
        ElasticsearchClientAutoConfiguration.class})
@Import({SearchIndexes.class, SearchWriter.class, SearchPages.class, EventFeed.class})
public class ComponentTier {
}
