package io.lede.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The H2 and PostgreSQL migration folders are twins: each version is written for both, under the
 * same file name, or one of the databases would be migrated to a schema the other never gets.
 */
class MigrationTwinsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern NAME = Pattern.compile("V[1-9][0-9]*__[a-z0-9_]+\\.sql");

    @Test
    void shouldHaveTheSameVersionsUnderTheSameNamesForH2AndPostgresql() throws IOException {
        Set<String> h2 = migrations("h2");
        Set<String> postgresql = migrations("postgresql");
        assertFalse(h2.isEmpty(), "no migrations under " + MIGRATIONS.resolve("h2"));

        Set<String> onlyH2 = new TreeSet<>(h2);
        onlyH2.removeAll(postgresql);
        Set<String> onlyPostgresql = new TreeSet<>(postgresql);
        onlyPostgresql.removeAll(h2);
        assertEquals(Set.of(), onlyH2, "migrations with no PostgreSQL twin");
        assertEquals(Set.of(), onlyPostgresql, "migrations with no H2 twin");
    }

    @Test
    void shouldNameEveryMigrationAsFlywayReadsItWithOneFilePerVersion() throws IOException {
        for (String folder : new String[] { "h2", "postgresql" }) {
            Set<String> names = migrations(folder);
            for (String name : names) {
                assertTrue(NAME.matcher(name).matches(), folder + "/" + name + " is not V<version>__<description>.sql");
            }
            Set<String> versions = names.stream().map(name -> name.substring(0, name.indexOf("__")))
                    .collect(Collectors.toSet());
            assertEquals(names.size(), versions.size(), folder + " has two files for one version: " + names);
        }
    }

    private static Set<String> migrations(String folder) throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS.resolve(folder))) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }
}
