package io.lede.image;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Renditions on disk under {@code lede.images.cache-dir}, generated once and kept within
 * {@code lede.images.cache-bytes}: when a new one would exceed the budget, the least recently
 * served go first. Concurrent first requests for one rendition share a single generation.
 */
@ApplicationScoped
public class RenditionCache {

    /** Makes a rendition's bytes; called at most once per key while the rendition is cached. */
    @FunctionalInterface
    public interface Generator {
        byte[] generate() throws IOException;
    }

    private record Entry(long size, long lastUsed) {
    }

    private final Path root;
    private final long budget;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong clock = new AtomicLong();
    private final Counter generated;

    public RenditionCache(ImageConfig config, MeterRegistry registry) throws IOException {
        this.root = Path.of(config.cacheDir()).toAbsolutePath().normalize();
        this.budget = config.cacheBytes();
        this.generated = Counter.builder("lede.renditions.generated")
                .description("Renditions generated (cache misses)").register(registry);
        Files.createDirectories(root);
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                long size = file.toFile().length();
                entries.put(root.relativize(file).toString(), new Entry(size, clock.incrementAndGet()));
                total.addAndGet(size);
            });
        }
    }

    /**
     * The cached bytes for the key, generating and storing them first if needed. Concurrent first
     * requests for one key share a single generation and its outcome, failure included (a 503 from
     * {@link RenditionSlots} reaches each of them at once, rather than one after another).
     */
    public byte[] get(String key, Generator generator) throws IOException {
        Path file = resolve(key);
        byte[] cached = read(key, file);
        if (cached != null) {
            return cached;
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            return outcome(running);
        }
        try {
            byte[] bytes = read(key, file);
            if (bytes == null) {
                bytes = generator.generate();
                generated.increment();
                store(key, file, bytes);
            }
            mine.complete(bytes);
            return bytes;
        } catch (IOException | RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private static byte[] outcome(CompletableFuture<byte[]> running) throws IOException {
        try {
            return running.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** Drops every rendition of one image (its keys start with the image id). */
    public void evictImage(String imageId) {
        entries.keySet().stream().filter(key -> key.startsWith(imageId + "/")).toList().forEach(this::remove);
        try {
            Files.deleteIfExists(resolve(imageId));
        } catch (IOException e) {
            Log.debugf("Rendition folder of %s not removed: %s", imageId, e.getMessage());
        }
    }

    public long bytesCached() {
        return total.get();
    }

    private byte[] read(String key, Path file) throws IOException {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            entries.computeIfPresent(key, (k, e) -> new Entry(e.size(), clock.incrementAndGet()));
            return bytes;
        } catch (java.nio.file.NoSuchFileException e) {
            remove(key);
            return null;
        }
    }

    private void store(String key, Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, bytes);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        entries.put(key, new Entry(bytes.length, clock.incrementAndGet()));
        total.addAndGet(bytes.length);
        evictOverBudget(key);
    }

    private synchronized void evictOverBudget(String keep) {
        if (total.get() <= budget) {
            return;
        }
        entries.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(keep))
                .sorted(Comparator.comparingLong(entry -> entry.getValue().lastUsed()))
                .map(Map.Entry::getKey)
                .toList()
                .stream()
                .takeWhile(key -> total.get() > budget)
                .forEach(this::remove);
    }

    private void remove(String key) {
        Entry entry = entries.remove(key);
        if (entry != null) {
            total.addAndGet(-entry.size());
        }
        try {
            Files.deleteIfExists(resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Key outside the rendition cache: " + key);
        }
        return path;
    }
}
