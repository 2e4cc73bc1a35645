package co.plaza.marketplace.api;

/** The states an ad shows; a deleted ad is not a status readers ever see (it is a 404). */
public enum AdStatus {
    ACTIVE, PAUSED, SOLD;

    public String wire() {
        return name().toLowerCase();
    }

    public static AdStatus fromWire(String value) {
        for (AdStatus s : values()) {
            if (s.wire().equals(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
