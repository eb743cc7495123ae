package io.lede.article;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.lede.text.Texts;

/** Between the stored {@link Article} and the records of the API. */
@ApplicationScoped
public class ArticleMapper {

    private final ArticleConfig config;

    public ArticleMapper(ArticleConfig config) {
        this.config = config;
    }

    /** @param group the articles of the same translation group visible to the caller (may include this one) */
    public ArticleView toView(Article article, List<ArticleRepository.Sibling> group, List<CorrectionView> corrections) {
        List<ArticleView.Translation> translations = group.stream()
                .filter(other -> !other.id().equals(article.id))
                .sorted(Comparator.comparing(ArticleRepository.Sibling::language))
                .map(other -> new ArticleView.Translation(other.language(), other.id().toString(), other.slug()))
                .toList();
        return new ArticleView(
                article.id.toString(),
                article.slug,
                urlOf(article),
                article.headline,
                article.standfirst,
                List.copyOf(article.body),
                article.bodyText,
                article.byline,
                article.section,
                List.copyOf(article.tags),
                article.language,
                translations,
                article.status,
                article.publishedAt,
                article.updatedAt,
                article.createdAt,
                article.version,
                Objects.toString(article.leadImageId, null),
                article.location,
                article.source,
                List.copyOf(article.entityLinks),
                List.copyOf(article.contributors),
                corrections,
                article.materiallyUpdatedAt,
                article.live(),
                Objects.toString(article.translationGroup, null),
                null);
    }

    /** What a PATCH is merged into: the current article in request form. */
    public ArticleRequest toRequest(Article article) {
        return new ArticleRequest(article.slug, article.headline, article.standfirst, List.copyOf(article.body),
                article.byline, article.section, List.copyOf(article.tags), article.language, null, article.status,
                article.publishedAt, article.leadImageId, article.location, article.source,
                List.copyOf(article.entityLinks), List.copyOf(article.contributors), article.live());
    }

    /** Copies the editable fields; slug, status and translation group are the service's to decide. */
    public void copyContent(ArticleRequest request, Article article) {
        article.headline = request.headline().strip();
        article.standfirst = Texts.blankToNull(request.standfirst());
        article.body = request.body().stream().map(BodyBlock::stored).toList();
        article.quoteIds.clear();
        article.quoteIds.addAll(BodyBlock.quoteIds(request.body()));
        article.imageIds.clear();
        if (request.leadImage() != null) {
            article.imageIds.add(request.leadImage());
        }
        article.imageIds.addAll(BodyBlock.imageIds(request.body()));
        article.bodyText = bodyText(request.body());
        article.byline = Texts.blankToNull(request.byline());
        article.section = request.section();
        article.tags.clear();
        if (request.tags() != null) {
            request.tags().stream().map(String::strip).distinct().forEach(article.tags::add);
        }
        article.leadImageId = request.leadImage();
        article.location = Texts.blankToNull(request.location());
        article.source = Texts.blankToNull(request.source());
        // New lists, not changed ones: Hibernate sees a json column change by comparing values.
        article.entityLinks = request.entities() == null ? new ArrayList<>()
                : new ArrayList<>(request.entities().stream().map(link -> new EntityLink(link.id(), link.rel(), null)).toList());
        article.contributors = request.contributors() == null ? new ArrayList<>()
                : new ArrayList<>(request.contributors().stream()
                        .map(contributor -> new Contributor(contributor.name().strip(), contributor.role(), contributor.entityId())).toList());
        article.entityIds.clear();
        article.entityIds.addAll(Stream.concat(article.entityLinks.stream().map(EntityLink::id),
                article.contributors.stream().map(Contributor::entityId).filter(Objects::nonNull)).distinct().toList());
    }

    public String urlOf(Article article) {
        return urlOf(article.section, article.slug);
    }

    public String urlOf(String section, String slug) {
        String base = config.siteUrl().endsWith("/") ? config.siteUrl() : config.siteUrl() + "/";
        return base + section + "/" + slug;
    }

    static String bodyText(List<BodyBlock> body) {
        return String.join("\n\n", body.stream().map(BodyBlock::plainText).filter(Objects::nonNull).toList());
    }

}
