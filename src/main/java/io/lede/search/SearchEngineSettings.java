package io.lede.search;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * Lede's two search settings, written as Hibernate Search's: {@code lede.search.engine=opensearch}
 * sets {@code quarkus.hibernate-search-orm.active=true} and {@code lede.search.opensearch-hosts}
 * becomes {@code quarkus.hibernate-search-orm.elasticsearch.hosts}; any other engine leaves Hibernate
 * Search inactive. A property expression cannot do this (activity follows from a value being equal to
 * "opensearch", not from a value), hence this factory, registered in
 * META-INF/services/io.smallrye.config.ConfigSourceFactory. Its ordinal is below application.properties
 * and the environment, so a QUARKUS_HIBERNATE_SEARCH_ORM_* setting still wins.
 */
public class SearchEngineSettings implements ConfigSourceFactory {

    static final String ENGINE = "lede.search.engine";
    static final String HOSTS = "lede.search.opensearch-hosts";
    static final String ACTIVE = "quarkus.hibernate-search-orm.active";
    static final String ES_HOSTS = "quarkus.hibernate-search-orm.elasticsearch.hosts";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> settings = new TreeMap<>();
        boolean opensearch = "opensearch".equals(value(context, ENGINE).toLowerCase(Locale.ROOT).trim());
        settings.put(ACTIVE, Boolean.toString(opensearch));
        String hosts = value(context, HOSTS);
        if (opensearch && !hosts.isBlank()) {
            settings.put(ES_HOSTS, hosts);
        }
        return List.of(new PropertiesConfigSource(settings, "lede search engine settings", 200));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(200);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null ? "" : value.getValue();
    }
}
