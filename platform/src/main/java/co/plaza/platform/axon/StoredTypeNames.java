package co.plaza.platform.axon;

import co.plaza.common.api.StoredAs;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The stored names of every {@link StoredAs} type under {@code co.plaza}, and the names they were stored under
 * before: found once on the class path, so a type declares its name in one place, on itself.
 */
public final class StoredTypeNames {

    private static final String BASE_PACKAGE = "co.plaza";
    private static volatile StoredTypeNames scanned;

    private final Map<String, Class<?>> byName = new HashMap<>();

    StoredTypeNames(Iterable<Class<?>> types) {
        for (Class<?> type : types) {
            StoredAs stored = type.getAnnotation(StoredAs.class);
            if (stored == null) {
                continue;
            }
            register(stored.value(), type);
            for (String former : stored.formerly()) {
                register(former, type);
            }
        }
    }

    private void register(String name, Class<?> type) {
        Class<?> previous = byName.putIfAbsent(name, type);
        if (previous != null && previous != type) {
            throw new IllegalStateException("Stored name " + name + " is declared by " + previous.getName()
                    + " and " + type.getName());
        }
    }

    public static StoredTypeNames scan() {
        StoredTypeNames names = scanned;
        if (names == null) {
            synchronized (StoredTypeNames.class) {
                if (scanned == null) {
                    ClassPathScanningCandidateComponentProvider scanner =
                            new ClassPathScanningCandidateComponentProvider(false) {
                                @Override
                                protected boolean isCandidateComponent(
                                        org.springframework.beans.factory.annotation.AnnotatedBeanDefinition bean) {
                                    return bean.getMetadata().isIndependent();
                                }
                            };
                    scanner.addIncludeFilter(new AnnotationTypeFilter(StoredAs.class));
                    java.util.List<Class<?>> types = new java.util.ArrayList<>();
                    ClassLoader loader = StoredTypeNames.class.getClassLoader();
                    scanner.findCandidateComponents(BASE_PACKAGE).forEach(bean ->
                            types.add(ClassUtils.resolveClassName(bean.getBeanClassName(), loader)));
                    scanned = new StoredTypeNames(types);
                }
                names = scanned;
            }
        }
        return names;
    }

    /** The name to store {@code type} under: its {@link StoredAs} name, or its class name when it has none. */
    public String nameOf(Class<?> type) {
        StoredAs stored = type.getAnnotation(StoredAs.class);
        return stored != null ? stored.value() : type.getName();
    }

    /** The class a stored name (current or former) denotes, when it is one of ours. */
    public Optional<Class<?>> typeOf(String storedName) {
        return Optional.ofNullable(byName.get(storedName));
    }
}
