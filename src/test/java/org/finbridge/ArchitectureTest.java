package org.finbridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Rules the compiler cannot check. */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.finbridge");

    /** Packages that hold or move money. Scoring and statistics modules may use floating point; these may not. */
    static final String[] MONEY_PACKAGES = {"org.finbridge.money..", "org.finbridge.ledger..", "org.finbridge.fx..",
            "org.finbridge.banking..", "org.finbridge.financing..", "org.finbridge.supervision.."};

    @Test
    void noFloatingPointNearMoney() {
        fields().that().areDeclaredInClassesThat().resideInAnyPackage(MONEY_PACKAGES)
                .should().notHaveRawType(double.class).andShould().notHaveRawType(float.class)
                .andShould().notHaveRawType(Double.class).andShould().notHaveRawType(Float.class)
                .check(MAIN);
        methods().that().areDeclaredInClassesThat().resideInAnyPackage(MONEY_PACKAGES)
                .should().notHaveRawReturnType(double.class).andShould().notHaveRawReturnType(float.class)
                .check(MAIN);
        noClasses().that().resideInAnyPackage(MONEY_PACKAGES)
                .should().callMethod(java.math.BigDecimal.class, "doubleValue")
                .orShould().callConstructor(java.math.BigDecimal.class, double.class)
                .orShould().callMethod(java.math.BigDecimal.class, "valueOf", double.class)
                .check(MAIN);
    }

    @Test
    void theMoneyKernelHasNoFrameworkInIt() {
        noClasses().that().resideInAPackage("org.finbridge.money..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..")
                .check(MAIN);
    }

    @Test
    void domainCodeTakesTimeFromAnInjectedClock() {
        noClasses().that().resideInAPackage("org.finbridge..")
                .and().resideOutsideOfPackage("org.finbridge.platform..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemUTC")
                .check(MAIN);
    }

    /**
     * Spring names a scanned bean after its simple class name, so two modules' {@code internal.ReportService}
     * would collide only when the application starts: every component's simple name is unique.
     */
    @Test
    void componentNamesAreUniqueAcrossModules() {
        java.util.Map<String, java.util.List<String>> byName = new java.util.TreeMap<>();
        for (com.tngtech.archunit.core.domain.JavaClass c : MAIN) {
            boolean component = c.isMetaAnnotatedWith(org.springframework.stereotype.Component.class)
                    && !c.isAnnotatedWith(org.springframework.context.annotation.Bean.class);
            if (component && c.isTopLevelClass()) {
                byName.computeIfAbsent(c.getSimpleName(), k -> new java.util.ArrayList<>()).add(c.getName());
            }
        }
        byName.values().removeIf(list -> list.size() < 2);
        org.assertj.core.api.Assertions.assertThat(byName).as("components sharing a bean name").isEmpty();
    }
}
