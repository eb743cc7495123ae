import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load generator for the live blog stream: opens many Server-Sent Event streams of one live blog
 * (as browsers' EventSource would: Accept: text/event-stream, anonymous), posts entries, and
 * measures how long each entry takes from the POST being sent to its event arriving on every
 * stream, and what the open streams cost the service in memory.
 *
 *   java bench/LiveStreams.java <base-url> <admin-token> <streams> <rounds> <service-pid>
 *
 * The JDK's HTTP client reads every stream asynchronously (one selector thread, no thread per
 * stream), so thousands of streams fit in this process too. Memory figures come from the
 * service's /proc status (resident set) and from its heap after a full GC (jcmd).
 */
public class LiveStreams {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private final String base;
    private final String token;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    /** Arrival time (nanoTime) of each round's marker, per stream. */
    private final Map<String, long[]> arrivals = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> rounds = new ConcurrentHashMap<>();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger heartbeats = new AtomicInteger();

    LiveStreams(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int streams = Integer.parseInt(args[2]);
        int roundCount = Integer.parseInt(args[3]);
        long pid = Long.parseLong(args[4]);
        LiveStreams bench = new LiveStreams(base, args[1]);
        String blog = bench.liveBlog();

        // Warm-up: the paths a stream and an entry take, compiled before anything is measured.
        List<Stream> warm = bench.open(blog, 50, 0);
        for (int i = 0; i < 20; i++) {
            bench.round(blog, "warm-" + i, warm.size());
        }
        warm.forEach(Stream::close);
        Thread.sleep(2000);

        Memory before = Memory.of(pid);
        long started = System.nanoTime();
        List<Stream> open = bench.open(blog, streams, 100);
        double openSeconds = (System.nanoTime() - started) / 1e9;
        Thread.sleep(5000);
        Memory after = Memory.of(pid);

        List<Double> latencies = new ArrayList<>();
        int complete = 0;
        for (int r = 0; r < roundCount; r++) {
            List<Double> round = bench.round(blog, "round-" + r, open.size());
            if (round.size() == open.size()) {
                complete++;
            }
            latencies.addAll(round);
            Thread.sleep(1000);
        }
        int alive = (int) open.stream().filter(stream -> !stream.closed).count();
        Collections.sort(latencies);
        long perConnectionRss = (after.rss - before.rss) / Math.max(1, open.size());
        long perConnectionHeap = (after.heap - before.heap) / Math.max(1, open.size());
        System.out.printf("streams open: %d of %d in %.1f s (%d refused or failed), still open after the rounds: %d%n",
                open.size(), streams, openSeconds, bench.failed.get(), alive);
        System.out.printf("rounds: %d, delivered to every stream in %d; deliveries measured: %d%n", roundCount, complete, latencies.size());
        System.out.printf("delivery latency (POST sent -> event read): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(latencies, 50), percentile(latencies, 90), percentile(latencies, 99), percentile(latencies, 100));
        System.out.printf("service memory: resident %d MB -> %d MB with the streams open (%d KB per stream); "
                + "heap after full GC %d MB -> %d MB (%.1f KB per stream)%n", before.rss >> 20, after.rss >> 20,
                perConnectionRss >> 10, before.heap >> 20, after.heap >> 20, perConnectionHeap / 1024.0);
        System.out.printf("heartbeat comments received meanwhile: %d%n", bench.heartbeats.get());
        open.forEach(Stream::close);
        System.exit(0);
    }

    private String liveBlog() throws Exception {
        String body = "{\"headline\":\"Bench: storm over the coast, live\",\"section\":\"bench\",\"language\":\"en\","
                + "\"status\":\"published\",\"live\":{\"status\":\"live\"},"
                + "\"body\":[{\"type\":\"paragraph\",\"text\":\"Updates below.\"}]}";
        HttpResponse<String> created = post("/v1/articles", body);
        Matcher id = ID.matcher(created.body());
        if (created.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("could not create the live blog: " + created.statusCode() + " " + created.body());
        }
        return id.group(1);
    }

    /** Posts an entry carrying {@code marker}; the latencies of its arrival on each stream, in ms. */
    private List<Double> round(String blog, String marker, int expected) throws Exception {
        CountDownLatch arrived = new CountDownLatch(expected);
        rounds.put(marker, arrived);
        long sent = System.nanoTime();
        HttpResponse<String> created = post("/v1/articles/" + blog + "/entries",
                "{\"body\":[{\"type\":\"paragraph\",\"text\":\"Update " + marker + ": the wind is dropping.\"}]}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("entry not created: " + created.statusCode() + " " + created.body());
        }
        arrived.await(30, TimeUnit.SECONDS);
        rounds.remove(marker);
        List<Double> latencies = new ArrayList<>();
        // Arrivals are keyed by marker, then stream.
        arrivals.forEach((key, at) -> {
            if (key.startsWith(marker + "/")) {
                latencies.add((at[0] - sent) / 1e6);
            }
        });
        arrivals.keySet().removeIf(key -> key.startsWith(marker + "/"));
        return latencies;
    }

    /** Opens {@code count} streams, {@code batch} at a time (0: all at once); returns those that opened. */
    private List<Stream> open(String blog, int count, int batch) throws Exception {
        List<Stream> streams = new ArrayList<>();
        int step = batch <= 0 ? count : batch;
        for (int from = 0; from < count; from += step) {
            CountDownLatch opened = new CountDownLatch(Math.min(step, count - from));
            List<Stream> wave = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + step); i++) {
                Stream stream = new Stream(i, opened);
                wave.add(stream);
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/articles/" + blog + "/live"))
                        .header("Accept", "text/event-stream").GET().build();
                client.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(stream)).whenComplete((response, error) -> {
                    if (error != null || response.statusCode() != 200) {
                        stream.fail();
                    }
                });
            }
            if (!opened.await(60, TimeUnit.SECONDS)) {
                System.err.println("some streams did not open within 60 s");
            }
            wave.stream().filter(stream -> stream.open && !stream.closed).forEach(streams::add);
        }
        return streams;
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double percentile(List<Double> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** One stream, read line by line as the bytes come. */
    final class Stream implements Flow.Subscriber<String> {
        final int number;
        final CountDownLatch opened;
        volatile boolean open;
        volatile boolean closed;
        private Flow.Subscription subscription;

        Stream(int number, CountDownLatch opened) {
            this.number = number;
            this.opened = opened;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            long now = System.nanoTime();
            if (line.startsWith(":lede ")) {
                open = true;
                opened.countDown();
            } else if (line.startsWith(":heartbeat")) {
                heartbeats.incrementAndGet();
            } else if (line.startsWith("data:")) {
                for (Map.Entry<String, CountDownLatch> round : rounds.entrySet()) {
                    if (line.contains("Update " + round.getKey() + ":")) {
                        if (arrivals.putIfAbsent(round.getKey() + "/" + number, new long[] { now }) == null) {
                            round.getValue().countDown();
                        }
                    }
                }
            }
        }

        @Override
        public void onError(Throwable throwable) {
            fail();
        }

        @Override
        public void onComplete() {
            closed = true;
        }

        void fail() {
            if (!open && !closed) {
                failed.incrementAndGet();
                opened.countDown();
            }
            closed = true;
        }

        void close() {
            closed = true;
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }

    /** The service's resident memory (/proc) and its heap after a full collection (jcmd). */
    record Memory(long rss, long heap) {

        static Memory of(long pid) throws Exception {
            run("jcmd", Long.toString(pid), "GC.run");
            Thread.sleep(1000);
            String heapInfo = run("jcmd", Long.toString(pid), "GC.heap_info");
            Matcher used = Pattern.compile("used (\\d+)K").matcher(heapInfo);
            long heap = used.find() ? Long.parseLong(used.group(1)) * 1024 : -1;
            long rss = -1;
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return new Memory(rss, heap);
        }

        private static String run(String... command) throws Exception {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            return output;
        }
    }
}
