package co.plaza.identity.api;

public enum Role {
    SPECIALIST, BUSINESSMAN, CONSUMER;

    public String wire() {
        return name().toLowerCase();
    }

    public static Role fromWire(String value) {
        for (Role r : values()) {
            if (r.wire().equals(value)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role " + value);
    }
}
