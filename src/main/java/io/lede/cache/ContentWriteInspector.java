package io.lede.cache;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Sees every SQL statement Hibernate sends. A write to a table whose rows something derived
 * shows (responses, token look-ups) is either part of an entity write that
 * {@link EntityChangeListener} describes by keys, or of unknown reach (bulk HQL, native SQL):
 * then the transaction changes everything. Watching the SQL as well as the entities means no
 * write path can slip past the caches.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ContentWriteInspector implements StatementInspector {

    /**
     * Tables whose rows nothing cached shows (sync tokens read tombstones, never cached; live streams
     * replay their events, never cached either).
     */
    static final Set<String> NOT_CONTENT = Set.of("lede_setting", "article_tombstone", "live_stream", "live_event");

    private final ContentChanges changes;

    public ContentWriteInspector(ContentChanges changes) {
        this.changes = changes;
    }

    @Override
    public String inspect(String sql) {
        String table = writtenTable(sql);
        if (table != null && !NOT_CONTENT.contains(table)) {
            changes.statementWrites(table);
        }
        return sql;
    }

    /** The table an insert, update, delete or merge writes, lower case; null for anything else. */
    static String writtenTable(String sql) {
        String trimmed = sql.stripLeading();
        // Most statements are selects: settle them by their first letter.
        char first = trimmed.isEmpty() ? ' ' : Character.toLowerCase(trimmed.charAt(0));
        if (first != 'u' && first != 'i' && first != 'd' && first != 'm') {
            return null;
        }
        String[] words = trimmed.split("\\s+", 4);
        if (words.length < 2) {
            return null;
        }
        String table = switch (words[0].toLowerCase(Locale.ROOT)) {
            case "update" -> words[1];
            case "insert", "delete", "merge" -> words.length > 2 ? words[2] : null;
            default -> null;
        };
        if (table == null) {
            return null;
        }
        int paren = table.indexOf('(');
        return normalize(paren >= 0 ? table.substring(0, paren) : table);
    }

    /** A table name as statements and Hibernate's metadata both spell it: unquoted, lower case. */
    static String normalize(String table) {
        return table.replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
