package io.lede.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The committed Kubernetes manifests (docker/kubernetes/kubernetes.yml) are the ones the build
 * generates (target/kubernetes/kubernetes.yml, written by package): the same documents with the
 * same values, whatever the order of keys and of {@code env} entries (the generator does not keep
 * one) and leaving out annotations that name the commit the build ran on.
 */
class ManifestsMatchIT {

    private static final Path COMMITTED = Path.of("docker/kubernetes/kubernetes.yml");
    private static final Path GENERATED = Path.of("target/kubernetes/kubernetes.yml");

    @Test
    void shouldCommitTheManifestsTheBuildGenerates() throws Exception {
        assertEquals(normalise(load(GENERATED)), normalise(load(COMMITTED)),
                COMMITTED + " is not what the build generates: cp " + GENERATED + " docker/kubernetes/");
    }

    private static List<Object> load(Path file) throws Exception {
        List<Object> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(file))) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    @SuppressWarnings("unchecked")
    static Object normalise(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, value) -> {
                String name = String.valueOf(key);
                if (!name.startsWith("app.quarkus.io/commit-id") && !name.startsWith("app.quarkus.io/vcs-uri")
                        && !name.startsWith("app.quarkus.io/build-timestamp")) {
                    sorted.put(name, normalise(value));
                }
            });
            return sorted;
        }
        if (node instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.stream().map(ManifestsMatchIT::normalise).toList());
            if (items.stream().allMatch(item -> item instanceof Map<?, ?> entry && entry.containsKey("name")
                    && (entry.containsKey("value") || entry.containsKey("valueFrom")))) {
                items.sort(Comparator.comparing(item -> String.valueOf(((Map<String, Object>) item).get("name"))));
            }
            return items;
        }
        return node;
    }
}
