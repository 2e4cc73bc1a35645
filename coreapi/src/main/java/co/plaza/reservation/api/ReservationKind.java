package co.plaza.reservation.api;

/** Values that must be unique across users, guarded by reservation aggregates keyed by the normalised value. */
public enum ReservationKind {
    USERNAME, EMAIL, PHONE, PROFILE, CATEGORY_NAME, CATEGORY_SLUG, FOLLOW
}
