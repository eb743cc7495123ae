package io.lede;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.restassured.response.Response;

/**
 * Fires requests at the same moment, as clients racing each other would: every thread waits at a
 * gate until all are ready, then sends. Race tests repeat a round several times, because one
 * round may happen to run in order.
 */
public final class Races {

    private Races() {
    }

    /** The responses of {@code requests}, sent together, in the order given. */
    public static List<Response> together(List<Callable<Response>> requests) {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch ready = new CountDownLatch(requests.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> request : requests) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.call();
                }));
            }
            ready.await();
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } catch (Exception e) {
            throw new IllegalStateException("A racing request did not complete", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code count} copies of one request, sent together. */
    public static List<Response> times(int count, Callable<Response> request) {
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(request);
        }
        return together(requests);
    }

    /** The statuses of the responses, in order. */
    public static List<Integer> statuses(List<Response> responses) {
        return responses.stream().map(Response::statusCode).toList();
    }

    /** How many responses have this status. */
    public static long count(List<Response> responses, int status) {
        return responses.stream().filter(response -> response.statusCode() == status).count();
    }
}
