package co.plaza.app.architecture;

import co.plaza.common.api.StoredAs;
import co.plaza.marketplace.api.AdEvents.AdCreatedEvent;
import co.plaza.platform.axon.AxonStoreConfiguration;
import co.plaza.platform.axon.StoredTypeNames;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.spring.stereotype.Saga;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.spring.stereotype.Aggregate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every stored type is named once, on itself, in its domain's namespace; earlier names keep loading. */
class StoredNamesTest {

    private static final Pattern NAME = Pattern.compile("([a-z]+)\\.[A-Z][A-Za-z0-9]+");
    static JavaClasses classes;
    static Serializer serializer;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("co.plaza");
        serializer = new AxonStoreConfiguration().eventSerializer();
    }

    private static List<JavaClass> stored() {
        return classes.stream().filter(c -> c.isAnnotatedWith(Revision.class) || c.isAnnotatedWith(Saga.class)
                || (c.isAnnotatedWith(Aggregate.class)
                && !c.getAnnotationOfType(Aggregate.class).snapshotTriggerDefinition().isEmpty())).toList();
    }

    @Test
    void everyEventSnapshotAndSagaHasAStableNameInItsDomain() {
        assertThat(stored()).hasSizeGreaterThan(30);
        Set<String> names = new HashSet<>();
        for (JavaClass type : stored()) {
            assertThat(type.isAnnotatedWith(StoredAs.class)).as(type.getName() + " has @StoredAs").isTrue();
            String name = type.getAnnotationOfType(StoredAs.class).value();
            var m = NAME.matcher(name);
            assertThat(m.matches()).as(name).isTrue();
            assertThat(type.getPackageName()).as(name + " names its domain").startsWith("co.plaza." + m.group(1) + ".");
            assertThat(names.add(name)).as(name + " is declared once").isTrue();
        }
    }

    @Test
    void newEventsAreWrittenUnderTheStableName() {
        SerializedObject<byte[]> written = serializer.serialize(
                new AdCreatedEvent(null, null, null, null, null, null, null), byte[].class);
        assertThat(written.getType().getName()).isEqualTo("marketplace.AdCreated");
        assertThat(written.getType().getRevision()).isEqualTo("1");
    }

    @Test
    void everyFormerNameReadsAsItsType() {
        StoredTypeNames names = StoredTypeNames.scan();
        int formers = 0;
        for (JavaClass type : stored()) {
            StoredAs stored = type.getAnnotationOfType(StoredAs.class);
            for (String former : stored.formerly()) {
                formers++;
                assertThat(names.typeOf(former)).as(former).contains(type.reflect());
                assertThat(serializer.classForType(new SimpleSerializedType(former, "1"))).isEqualTo(type.reflect());
            }
        }
        assertThat(formers).isGreaterThan(30);
    }

    @Test
    void anEventSerialisedUnderItsOldClassNameDeserialisesWithItsValues() {
        String json = """
                {"addId":"7d0c8a8e-3f61-4c6b-9d55-0d3c0c7b0a11","userId":"0f5e8b4c-1a2b-4c3d-8e9f-a0b1c2d3e4f5",
                 "legacyId":42,"details":{"title":"Bicicleta","price":850000.00,"currency":"COP","condition":"USED"},
                 "status":"ACTIVE","createdAt":"2024-03-01T10:15:30Z","updatedAt":"2024-03-01T10:15:30Z"}""";
        SimpleSerializedObject<byte[]> old = new SimpleSerializedObject<>(json.getBytes(StandardCharsets.UTF_8),
                byte[].class, "co.plaza.coreapi.marketplace.AddEvents$AddCreatedEvent", "1");
        AdCreatedEvent event = serializer.deserialize(old);
        assertThat(event.legacyId()).isEqualTo(42L);
        assertThat(event.details().title()).isEqualTo("Bicicleta");
        assertThat(event.createdAt()).hasToString("2024-03-01T10:15:30Z");
    }
}
