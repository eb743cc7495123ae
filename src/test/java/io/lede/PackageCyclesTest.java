package io.lede;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * References point one way: no package of the application depends, however indirectly, on one that
 * depends on it. Features (article, image, quote, delivery, security, cache...) form no cycle, and
 * neither do any two packages at any depth. Read from the compiled classes, as jdeps would.
 */
class PackageCyclesTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.lede");

    @Test
    void shouldHaveNoCycleBetweenTopLevelPackages() {
        slices().matching("io.lede.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void shouldHaveNoCycleBetweenAnyTwoPackages() {
        slices().matching("io.lede.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
