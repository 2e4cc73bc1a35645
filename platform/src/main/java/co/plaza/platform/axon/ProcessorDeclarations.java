package co.plaza.platform.axon;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every processing group of this deployable, read once from the {@link Projection} and {@link Policy}
 * declarations of its beans (sagas are prototype beans, so they are found too). Processor settings, dead
 * letters, read-your-writes, index rebuilds and lag metrics all come from here.
 */
public final class ProcessorDeclarations {

    public enum Role { PROJECTION, POLICY }

    /** One processing group: its name, what it is, and the bean types (and names) assigned to it. */
    public record Declaration(String name, Role role, boolean subscribing, Set<Class<?>> types,
                              List<String> beanNames, Set<String> searchIndexes) {

        public boolean isProjection() {
            return role == Role.PROJECTION;
        }
    }

    private final Map<String, Declaration> byName;

    private ProcessorDeclarations(Map<String, Declaration> byName) {
        this.byName = byName;
    }

    public static ProcessorDeclarations scan(ConfigurableListableBeanFactory beans) {
        Map<String, Declaration> byName = new LinkedHashMap<>();
        for (String beanName : beans.getBeanDefinitionNames()) {
            Class<?> type = beans.getType(beanName, false);
            if (type == null) {
                continue;
            }
            type = ClassUtils.getUserClass(type);
            Projection projection = AnnotatedElementUtils.findMergedAnnotation(type, Projection.class);
            Policy policy = AnnotatedElementUtils.findMergedAnnotation(type, Policy.class);
            if (projection != null && policy != null) {
                throw new IllegalStateException(type.getName() + " is declared both a @Projection and a @Policy");
            }
            Declaration found = projection != null
                    ? new Declaration(projection.name(), Role.PROJECTION, false, Set.of(type), List.of(beanName),
                    Set.of(projection.searchIndexes()))
                    : policy != null
                    ? new Declaration(policy.name(), Role.POLICY, policy.subscribing(), Set.of(type), List.of(beanName), Set.of())
                    : null;
            if (found != null) {
                byName.merge(found.name(), found, ProcessorDeclarations::merge);
            }
        }
        return new ProcessorDeclarations(byName);
    }

    /** Several beans may share a group, as long as they declare it the same way. */
    private static Declaration merge(Declaration a, Declaration b) {
        if (a.role() != b.role() || a.subscribing() != b.subscribing()) {
            throw new IllegalStateException("Processing group " + a.name() + " is declared differently by "
                    + a.types() + " and " + b.types());
        }
        Set<Class<?>> types = new LinkedHashSet<>(a.types());
        types.addAll(b.types());
        List<String> beanNames = new ArrayList<>(a.beanNames());
        beanNames.addAll(b.beanNames());
        Set<String> indexes = new LinkedHashSet<>(a.searchIndexes());
        indexes.addAll(b.searchIndexes());
        return new Declaration(a.name(), a.role(), a.subscribing(), Set.copyOf(types), List.copyOf(beanNames), Set.copyOf(indexes));
    }

    public Collection<Declaration> all() {
        return byName.values();
    }

    public Optional<Declaration> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean isProjection(String name) {
        return named(name).map(Declaration::isProjection).orElse(false);
    }

    /** The group a handler type was declared in, if any. */
    public Optional<String> groupOf(Class<?> type) {
        Class<?> user = ClassUtils.getUserClass(type);
        return byName.values().stream().filter(d -> d.types().contains(user)).map(Declaration::name).findFirst();
    }

    /** The projection that declared it fills a search index. */
    public Optional<Declaration> projectionFilling(String searchIndex) {
        return byName.values().stream().filter(d -> d.searchIndexes().contains(searchIndex)).findFirst();
    }
}
