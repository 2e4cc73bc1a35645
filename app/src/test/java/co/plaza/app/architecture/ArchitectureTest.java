package co.plaza.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layout rules of docs/adding-a-domain.md, checked on the production classes of every module: domains are
 * {@code co.plaza.<domain>}, each with {@code api}, {@code command} ({@code .web} for its HTTP edge),
 * {@code readmodel}, {@code projection} and {@code query} ({@code .web}); {@code platform} and {@code common} are
 * shared by all of them.
 */
class ArchitectureTest {

    static final String[] DOMAINS = {"identity", "profile", "media", "marketplace", "reservation", "audit"};
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        // the other modules are jars (or class folders) on this module's class path; their tests are not imported
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("co.plaza");
    }

    private static String[] domainPackages() {
        String[] packages = new String[DOMAINS.length];
        for (int i = 0; i < DOMAINS.length; i++) {
            packages[i] = "co.plaza." + DOMAINS[i] + "..";
        }
        return packages;
    }

    @Test
    void theImportSeesEveryModule() {
        org.assertj.core.api.Assertions.assertThat(classes.stream().map(c -> c.getPackageName().split("\\.")[2]).distinct())
                .contains("platform", "common", "identity", "profile", "media", "marketplace", "reservation", "audit");
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("co.plaza.marketplace.projection")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.containPackage("co.plaza.marketplace.query")).isTrue();
    }

    @Test
    void domainCodeOutsideTheWebEdgeSpeaksNoHttp() {
        ArchRule rule = noClasses().that().resideInAnyPackage(domainPackages())
                .and().resideOutsideOfPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
                        "co.plaza.platform.web..")
                .because("the WebSocket edge and the ETL send the same commands and get the same errors");
        rule.check(classes);
    }

    @Test
    void queriesReadTheReadModelNeverTheProjection() {
        noClasses().that().resideInAPackage("..query..")
                .should().dependOnClassesThat().resideInAPackage("..projection..")
                .because("a read model's schema has one owner, its readmodel package, shared by projection and queries")
                .check(classes);
    }

    @Test
    void projectionsAndQueriesDoNotReachIntoTheCommandSide() {
        noClasses().that().resideInAnyPackage("..projection..", "..query..", "..readmodel..")
                .should().dependOnClassesThat().resideInAPackage("..command..")
                .check(classes);
    }

    @Test
    void platformImportsNoDomain() {
        noClasses().that().resideInAnyPackage("co.plaza.platform..", "co.plaza.common..")
                .should().dependOnClassesThat().resideInAnyPackage(domainPackages())
                .check(classes);
    }

    @Test
    void domainsHaveNoCycles() {
        // platform and common are below every domain (platformImportsNoDomain keeps them there)
        slices().matching("co.plaza.(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                                "co.plaza.platform..", "co.plaza.common.."))
                .check(classes);
    }

    /**
     * What is stored but must never be shown (a password hash) carries {@code @Secret}, which the audit API leaves
     * out of payloads and state: every field of a stored type or an aggregate whose name says it is one.
     */
    @Test
    void storedSecretsAreMarked() {
        java.util.List<com.tngtech.archunit.core.domain.JavaField> fields = classes.stream()
                .filter(c -> c.isAnnotatedWith(co.plaza.common.api.StoredAs.class)
                        || c.isAnnotatedWith(org.axonframework.spring.stereotype.Aggregate.class))
                .flatMap(c -> c.getFields().stream())
                .filter(f -> f.getName().toLowerCase(java.util.Locale.ROOT).matches(".*(password|secret|token|otp).*"))
                .toList();
        org.assertj.core.api.Assertions.assertThat(fields).extracting(f -> f.getOwner().getSimpleName() + "." + f.getName())
                .contains("User.passwordHash", "UserRegisteredEvent.passwordHash", "UserPasswordChangedEvent.passwordHash");
        org.assertj.core.api.Assertions.assertThat(fields.stream()
                        .filter(f -> !f.isAnnotatedWith(co.plaza.common.api.Secret.class)).map(f -> f.getFullName()))
                .as("fields that look secret but are not @Secret").isEmpty();
    }
}
