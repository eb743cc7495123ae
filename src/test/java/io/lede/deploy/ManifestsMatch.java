package io.lede.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.yaml.snakeyaml.Yaml;

/**
 * Whether two Kubernetes manifest files say the same thing: the same documents with the same
 * values, whatever the order of keys and of {@code env} entries (the generator does not keep
 * one) and leaving out annotations that name the commit the build ran on.
 *
 * <pre>java -cp target/test-classes:target/quarkus-app/lib/main/* io.lede.deploy.ManifestsMatch committed generated</pre>
 */
public final class ManifestsMatch {

    private ManifestsMatch() {
    }

    public static void main(String[] args) throws Exception {
        Object committed = normalise(load(Path.of(args[0])));
        Object generated = normalise(load(Path.of(args[1])));
        if (!Objects.equals(committed, generated)) {
            System.err.println(args[0] + " does not say what " + args[1] + " says:");
            System.err.println("  committed: " + committed);
            System.err.println("  generated: " + generated);
            System.exit(1);
        }
        System.out.println(args[0] + " matches " + args[1]);
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
            List<Object> items = new ArrayList<>(list.stream().map(ManifestsMatch::normalise).toList());
            if (items.stream().allMatch(item -> item instanceof Map<?, ?> entry && entry.containsKey("name")
                    && (entry.containsKey("value") || entry.containsKey("valueFrom")))) {
                items.sort(Comparator.comparing(item -> String.valueOf(((Map<String, Object>) item).get("name"))));
            }
            return items;
        }
        return node;
    }
}
