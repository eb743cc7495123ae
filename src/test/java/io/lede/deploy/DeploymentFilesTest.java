package io.lede.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose file and the Kubernetes manifests are parsed as YAML and checked for what running
 * Lede needs: no engine runs them here, so their shape is what a build can hold them to.
 */
class DeploymentFilesTest {

    @Test
    @SuppressWarnings("unchecked")
    void composeShouldRunTwoReplicasOnSharedEnginesBehindAProxy() throws IOException {
        Map<String, Object> compose = load(Path.of("docker/docker-compose.yml")).get(0);
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertEquals(Set.of("db", "redis", "s3", "opensearch", "lede-1", "lede-2", "proxy"), services.keySet());
        // The search engine is optional: started only with --profile opensearch.
        assertEquals(List.of("opensearch"), services.get("opensearch").get("profiles"));

        for (String replica : List.of("lede-1", "lede-2")) {
            Map<String, Object> service = services.get(replica);
            assertEquals("docker/Dockerfile.jvm", ((Map<String, Object>) service.get("build")).get("dockerfile"));
            Map<String, Object> env = (Map<String, Object>) service.get("environment");
            assertEquals("jdbc:postgresql://db:5432/lede", env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals("redis", env.get("LEDE_RATE_LIMIT_STORE"));
            assertEquals("redis://redis:6379", env.get("QUARKUS_REDIS_HOSTS"));
            assertEquals("s3", env.get("LEDE_IMAGES_STORE"));
            assertTrue(env.get("LEDE_IMAGES_S3_ENDPOINT").toString().startsWith("http://s3:"));
            assertEquals("true", env.get("LEDE_TRUST_PROXY"));
            assertTrue(((Map<String, Object>) service.get("depends_on")).keySet().containsAll(List.of("db", "redis", "s3")));
            assertTrue(((Map<String, Object>) service.get("healthcheck")).get("test").toString().contains("/q/health/ready"));
        }
        Map<String, Object> proxy = services.get("proxy");
        assertEquals(List.of("8080:80"), proxy.get("ports"));
        String nginx = Files.readString(Path.of("docker/nginx.conf"));
        assertTrue(nginx.contains("server lede-1:8080") && nginx.contains("server lede-2:8080"), "the proxy balances both replicas");
        assertTrue(nginx.contains("X-Forwarded-For"), "the proxy passes the client's address");
        for (String file : List.of("docker/Dockerfile.jvm", "docker/Dockerfile.native")) {
            assertTrue(Files.readString(Path.of(file)).contains("EXPOSE 8080"), file);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void kubernetesManifestsShouldProbeHealthAndTakeTheDatasourceFromASecret() throws IOException {
        List<Map<String, Object>> documents = load(Path.of("docker/kubernetes/kubernetes.yml"));
        Map<String, Map<String, Object>> byKind = documents.stream()
                .collect(Collectors.toMap(document -> (String) document.get("kind"), document -> document));
        assertTrue(byKind.keySet().containsAll(Set.of("Deployment", "Service", "ConfigMap", "Secret")), byKind.keySet().toString());

        Map<String, Object> deployment = byKind.get("Deployment");
        Map<String, Object> spec = (Map<String, Object>) deployment.get("spec");
        assertEquals(2, spec.get("replicas"));
        Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
        assertEquals("/q/health/ready", probePath(container, "readinessProbe"));
        assertEquals("/q/health/live", probePath(container, "livenessProbe"));
        Map<String, Object> resources = (Map<String, Object>) container.get("resources");
        assertTrue(((Map<String, Object>) resources.get("requests")).containsKey("memory"));
        assertTrue(((Map<String, Object>) resources.get("limits")).containsKey("memory"));
        List<String> sources = new ArrayList<>();
        for (Map<String, Object> from : (List<Map<String, Object>>) container.get("envFrom")) {
            from.values().forEach(reference -> sources.add(((Map<String, Object>) reference).get("name").toString()));
        }
        assertTrue(sources.containsAll(List.of("lede-config", "lede-datasource")), sources.toString());

        Map<String, Object> secret = byKind.get("Secret");
        assertEquals("lede-datasource", ((Map<String, Object>) secret.get("metadata")).get("name"));
        assertTrue(((Map<String, Object>) secret.get("stringData")).containsKey("QUARKUS_DATASOURCE_JDBC_URL"));
        Map<String, Object> service = (Map<String, Object>) byKind.get("Service").get("spec");
        assertFalse(((List<?>) service.get("ports")).isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static String probePath(Map<String, Object> container, String probe) {
        return ((Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet")).get("path").toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> load(Path file) throws IOException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(options).loadAll(Files.readString(file))) {
            if (document != null) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }
}
