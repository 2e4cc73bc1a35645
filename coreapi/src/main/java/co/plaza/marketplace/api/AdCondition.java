package co.plaza.marketplace.api;

public enum AdCondition {
    NEW, USED;

    public String wire() {
        return name().toLowerCase();
    }

    public static AdCondition fromWire(String value) {
        for (AdCondition c : values()) {
            if (c.wire().equals(value)) {
                return c;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
