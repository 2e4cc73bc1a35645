package co.plaza.coreapi.marketplace;

public enum AddCondition {
    NEW, USED;

    public String wire() {
        return name().toLowerCase();
    }

    public static AddCondition fromWire(String value) {
        for (AddCondition c : values()) {
            if (c.wire().equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
