package io.lede.article;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/** Makes scheduled articles go live by themselves, without a restart or a request. */
@ApplicationScoped
public class ScheduledPublisher {

    private final ArticleService articles;

    public ScheduledPublisher(ArticleService articles) {
        this.articles = articles;
    }

    @Scheduled(every = "${lede.publish-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDue() {
        articles.publishDue();
    }
}
