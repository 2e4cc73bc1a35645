package co.plaza.platform.axon;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Jackson, writing our types under their {@link co.plaza.common.api.StoredAs} names instead of Java class names, and
 * reading both those names and the class names written before them. Axon's and the JDK's types keep class names.
 */
public class StoredNameSerializer extends JacksonSerializer {

    private final StoredTypeNames names;

    protected StoredNameSerializer(Builder builder, StoredTypeNames names) {
        super(builder);
        this.names = names;
    }

    public static StoredNameSerializer create(com.fasterxml.jackson.databind.ObjectMapper mapper) {
        return new StoredNameSerializer(JacksonSerializer.builder().objectMapper(mapper), StoredTypeNames.scan());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public SerializedType typeForClass(Class type) {
        SerializedType byClass = super.typeForClass(type);
        if (type == null || byClass.equals(SimpleSerializedType.emptyType())) {
            return byClass;
        }
        return new SimpleSerializedType(names.nameOf(type), byClass.getRevision());
    }

    @Override
    protected String resolveClassName(SerializedType serializedType) {
        return names.typeOf(serializedType.getName()).map(Class::getName)
                .orElseGet(() -> super.resolveClassName(serializedType));
    }
}
