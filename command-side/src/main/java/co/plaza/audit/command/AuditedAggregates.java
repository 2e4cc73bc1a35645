package co.plaza.audit.command;

import co.plaza.identity.api.UserIds;
import co.plaza.identity.command.User;
import co.plaza.marketplace.api.MarketplaceIds;
import co.plaza.marketplace.command.Ad;
import co.plaza.marketplace.command.Category;
import co.plaza.marketplace.command.Follow;
import co.plaza.media.api.RelatedType;
import co.plaza.media.command.Media;
import co.plaza.profile.api.ProfileKind;
import co.plaza.profile.command.Profile;
import co.plaza.reservation.command.Reservation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The aggregates the audit API shows, by the noun that names them in its paths, with the monolith tables their
 * legacy ids come from. {@link Reservation} is deliberately not among them: a reservation is the uniqueness
 * mechanism, not a domain object, and its events are keyed by the personal value itself (a normalised email or
 * phone number, which stays there after its user is anonymised); the owner's own history shows the same changes.
 */
public enum AuditedAggregates {
    USER("user", User.class, UserIds.LEGACY_TABLE),
    AD("ad", Ad.class, MarketplaceIds.ADD_TABLE),
    PROFILE("profile", Profile.class, Arrays.stream(ProfileKind.values()).map(ProfileKind::legacyTable).toArray(String[]::new)),
    MEDIA("media", Media.class, RelatedType.MEDIA_LEGACY_TABLE),
    CATEGORY("category", Category.class, MarketplaceIds.CATEGORY_TABLE),
    FOLLOW("follow", Follow.class, MarketplaceIds.FOLLOW_TABLE);

    /** Aggregates of the command side that are left out on purpose (see the class comment). */
    public static final Set<Class<?>> NOT_AUDITED = Set.of(Reservation.class);

    /** The contract's legacy spelling of the ad ({@code /api/adds/}). */
    private static final Map<String, AuditedAggregates> ALIASES = Map.of("add", AD);
    private static final Map<String, AuditedAggregates> BY_NOUN = Arrays.stream(values())
            .collect(Collectors.toMap(AuditedAggregates::noun, Function.identity()));

    private final String noun;
    private final Class<?> type;
    private final List<String> legacyTables;

    AuditedAggregates(String noun, Class<?> type, String... legacyTables) {
        this.noun = noun;
        this.type = type;
        this.legacyTables = List.of(legacyTables);
    }

    public static Optional<AuditedAggregates> named(String noun) {
        if (noun == null || noun.length() > 20) {
            return Optional.empty();
        }
        String key = noun.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_NOUN.getOrDefault(key, ALIASES.get(key)));
    }

    public String noun() {
        return noun;
    }

    public Class<?> type() {
        return type;
    }

    /** Where a legacy integer id may come from: several tables for profiles (one per kind). */
    public List<String> legacyTables() {
        return legacyTables;
    }
}
