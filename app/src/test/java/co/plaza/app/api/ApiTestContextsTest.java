package co.plaza.app.api;

import co.plaza.platform.test.PlazaTestEnvironment;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.test.context.ContextConfiguration;

import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTP test whose context differs from the shared one (its own properties or beans) starts a second application
 * in this JVM; on the shared database its processors would run on the shared context's tokens under the same owner,
 * and both would project the same events (a projection seen stalling for 20 s in CI). Such a test takes a database
 * of its own: {@link PlazaTestEnvironment.Isolated}.
 */
class ApiTestContextsTest {

    @Test
    void everyTestWithAContextOfItsOwnHasADatabaseOfItsOwn() {
        List<String> shared = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages(ApiTest.class.getPackageName()).stream()
                .filter(c -> c.isAssignableTo(ApiTest.class) && !c.isEquivalentTo(ApiTest.class))
                .map(JavaClass::reflect)
                .filter(c -> !Modifier.isAbstract(c.getModifiers()))
                .filter(ApiTestContextsTest::hasAContextOfItsOwn)
                .filter(c -> !isolated(c))
                .map(Class::getSimpleName).toList();
        assertThat(shared).as("tests with a context of their own but the shared database").isEmpty();
    }

    private static boolean hasAContextOfItsOwn(Class<?> test) {
        List<Class<? extends Annotation>> changing = List.of(org.springframework.test.context.TestPropertySource.class,
                org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability.class,
                org.springframework.context.annotation.Import.class);
        // declared, not inherited: ApiTest's own @TestPropertySource is the shared context's
        boolean annotated = changing.stream().anyMatch(a -> test.getDeclaredAnnotation(a) != null);
        boolean beans = Arrays.stream(test.getDeclaredClasses()).anyMatch(n -> n.isAnnotationPresent(TestConfiguration.class));
        return annotated || beans;
    }

    private static boolean isolated(Class<?> test) {
        ContextConfiguration config = test.getDeclaredAnnotation(ContextConfiguration.class);
        return config != null && Arrays.asList(config.initializers()).contains(PlazaTestEnvironment.Isolated.class);
    }
}
