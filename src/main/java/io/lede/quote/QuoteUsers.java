package io.lede.quote;

import java.util.List;
import java.util.UUID;

/**
 * Who uses quotes: the articles whose bodies quote them, and the live blogs whose entries do.
 * Articles and entries refer to quotes, never the other way round, so each of those features
 * implements this for the quote feature, which never imports them; the quote feature asks all of
 * them.
 */
public interface QuoteUsers {

    /** Slugs of the published or scheduled articles that show this quote (in a body or an entry), in order. */
    List<String> liveUsersOf(UUID quoteId);

    /** A SQL condition true when a published article shows the quote with this id (a column) this way. */
    String showsPubliclySql(String quoteId);
}
