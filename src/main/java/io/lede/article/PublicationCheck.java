package io.lede.article;

import java.util.UUID;

/**
 * What must hold before an existing article goes public (published or scheduled), beyond its own
 * fields, which the article feature checks itself. Features that hang content off an article (live
 * entries) implement it, so that the article feature never imports them; each throws a
 * ProblemException when the article may not go out yet.
 */
public interface PublicationCheck {

    void beforeGoingPublic(UUID articleId);
}
