package io.lede.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The rendition cache on a real disk folder with a tiny budget. */
class RenditionCacheTest {

    @TempDir
    Path folder;

    @Test
    void shouldEvictTheLeastRecentlyServedWhenOverBudget() throws IOException {
        RenditionCache cache = new RenditionCache(config(folder, 250), new SimpleMeterRegistry());
        cache.get("img/a.png", () -> bytes(100, 'a'));
        cache.get("img/b.png", () -> bytes(100, 'b'));
        // Serve a again, so b is now the least recently used.
        cache.get("img/a.png", () -> bytes(100, 'x'));
        cache.get("img/c.png", () -> bytes(100, 'c'));

        assertTrue(Files.exists(folder.resolve("img/a.png")));
        assertFalse(Files.exists(folder.resolve("img/b.png")), "the least recently served rendition stayed");
        assertTrue(Files.exists(folder.resolve("img/c.png")));
        assertEquals(200, cache.bytesCached());
    }

    @Test
    void shouldGenerateOnceAndServeFromDiskAfterwards() throws IOException {
        RenditionCache cache = new RenditionCache(config(folder, 10_000), new SimpleMeterRegistry());
        AtomicInteger generations = new AtomicInteger();
        byte[] first = cache.get("img/a.png", () -> {
            generations.incrementAndGet();
            return bytes(10, 'a');
        });
        byte[] again = cache.get("img/a.png", () -> {
            generations.incrementAndGet();
            return bytes(10, 'z');
        });
        assertEquals(1, generations.get());
        assertArrayEquals(first, again);

        // A new cache over the same folder (a restart) knows what is there.
        RenditionCache restarted = new RenditionCache(config(folder, 10_000), new SimpleMeterRegistry());
        assertEquals(10, restarted.bytesCached());
        assertArrayEquals(first, restarted.get("img/a.png", () -> bytes(10, 'z')));
    }

    @Test
    void shouldForgetAllRenditionsOfAnImage() throws IOException {
        RenditionCache cache = new RenditionCache(config(folder, 10_000), new SimpleMeterRegistry());
        cache.get("one/a.png", () -> bytes(10, 'a'));
        cache.get("one/b.png", () -> bytes(10, 'b'));
        cache.get("two/a.png", () -> bytes(10, 'c'));
        cache.evictImage("one");
        assertFalse(Files.exists(folder.resolve("one")));
        assertTrue(Files.exists(folder.resolve("two/a.png")));
        assertEquals(10, cache.bytesCached());
    }

    private static byte[] bytes(int size, char fill) {
        byte[] bytes = new byte[size];
        java.util.Arrays.fill(bytes, (byte) fill);
        return bytes;
    }

    /** Only the two settings the cache reads; any other call is a test bug. */
    private static ImageConfig config(Path folder, long budget) {
        return (ImageConfig) Proxy.newProxyInstance(ImageConfig.class.getClassLoader(),
                new Class<?>[] { ImageConfig.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "cacheDir" -> folder.toString();
                    case "cacheBytes" -> budget;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
