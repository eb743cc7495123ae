package io.lede.image;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Image originals in an S3-compatible store (s3proxy on loopback, {@link S3ProxyResource}), and
 * one rendition at a time with no waiting for a slot: the image tests that need another
 * configuration than the default share this one, and so one Quarkus start.
 */
public class S3OneSlotProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("lede.images.max-concurrent-renditions", "1", "lede.images.rendition-wait", "0s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyResource.class));
    }
}
