package io.lede.live;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.article.BodyBlock;
import io.lede.article.BodyReferences;
import io.lede.article.PublicationCheck;
import io.lede.error.ProblemException;
import io.lede.error.ProblemType;

/**
 * A draft live blog's entries may name images or quotes deleted since (they were not in use while
 * the blog was a draft): the blog goes public only once every entry's references exist again, as an
 * article's own body must. The ones found stay locked until the publishing write commits.
 */
@ApplicationScoped
public class EntryPublicationCheck implements PublicationCheck {

    private final BodyReferences references;

    public EntryPublicationCheck(BodyReferences references) {
        this.references = references;
    }

    @Override
    public void beforeGoingPublic(UUID articleId) {
        List<Entry> entries = Entry.list("articleId", articleId);
        List<BodyBlock> all = entries.stream().flatMap(entry -> entry.body.stream()).toList();
        if (all.isEmpty()) {
            return;
        }
        try {
            references.requireExisting(all);
        } catch (ProblemException combined) {
            List<String> broken = new ArrayList<>();
            for (Entry entry : entries) {
                try {
                    references.requireExisting(entry.body);
                } catch (ProblemException e) {
                    broken.add(entry.id.toString());
                }
            }
            throw ProblemException.of(ProblemType.CONFLICT, "Entries of this live blog show images or quotes that no longer exist: "
                    + String.join(", ", broken) + "; edit or delete those entries first");
        }
    }
}
