package io.lede.search;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Which engine answers {@code q} on article lists: the database's own full-text search (PostgreSQL;
 * H2 in development), or OpenSearch ({@code LEDE_SEARCH_ENGINE=opensearch},
 * {@code LEDE_SEARCH_OPENSEARCH_HOSTS=host:port[,host:port]}). {@link SearchEngineSettings} turns these
 * into Hibernate Search's own settings.
 */
@ConfigMapping(prefix = "lede.search")
public interface SearchConfig {

    enum Engine {
        /** The database's full-text search: nothing else to run, Hibernate Search inactive. */
        DATABASE,
        /** OpenSearch 2.x or 3.x through Hibernate Search, indexed from the outbox table. */
        OPENSEARCH
    }

    @WithDefault("database")
    Engine engine();

    /** host:port of the OpenSearch nodes; without it, localhost:9200. */
    Optional<List<String>> opensearchHosts();

    /** How often the index is checked for (created when missing) and events given up on are handed back. */
    @WithDefault("5s")
    Duration maintenanceInterval();

    default boolean opensearch() {
        return engine() == Engine.OPENSEARCH;
    }
}
