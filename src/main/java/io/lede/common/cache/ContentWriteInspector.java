package io.lede.common.cache;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.resource.jdbc.spi.StatementInspector;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Sees every SQL statement Hibernate sends and marks the transaction as a content write when one
 * inserts, updates or deletes anything but bookkeeping tables. Watching the SQL rather than the
 * services means no write path (entity flush, bulk delete, scheduled publication) can forget to
 * invalidate.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ContentWriteInspector implements StatementInspector {

    /** Tables whose rows no public response shows. */
    static final Set<String> NOT_CONTENT = Set.of("api_token", "lede_setting", "article_tombstone");

    private final ContentVersion version;

    public ContentWriteInspector(ContentVersion version) {
        this.version = version;
    }

    @Override
    public String inspect(String sql) {
        String table = writtenTable(sql);
        if (table != null && !NOT_CONTENT.contains(table)) {
            version.writingInCurrentTransaction();
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
        return (paren >= 0 ? table.substring(0, paren) : table).replace("\"", "").toLowerCase(Locale.ROOT);
    }
}
