package co.plaza.coreapi.marketplace;

/** The states an ad shows; a deleted ad is not a status readers ever see (it is a 404). */
public enum AddStatus {
    ACTIVE, PAUSED, SOLD;

    public String wire() {
        return name().toLowerCase();
    }

    public static AddStatus fromWire(String value) {
        for (AddStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
