package co.plaza.profile.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.math.BigDecimal;
import java.util.Map;

/** The kind-specific fields of a profile; one aggregate type serves the three kinds. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ProfileDetails.Specialist.class, name = "specialist"),
        @JsonSubTypes.Type(value = ProfileDetails.Businessman.class, name = "businessman"),
        @JsonSubTypes.Type(value = ProfileDetails.Consumer.class, name = "consumer")
})
public sealed interface ProfileDetails {

    ProfileKind kind();

    /** The same kind with every personal field blanked, for an anonymised account. */
    ProfileDetails anonymised();

    static ProfileDetails empty(ProfileKind kind) {
        return switch (kind) {
            case SPECIALIST -> new Specialist("", "", null, null, "", null, null, BigDecimal.ZERO.setScale(2));
            case BUSINESSMAN -> new Businessman("", "", "", "", "", "");
            case CONSUMER -> new Consumer("", "", Map.of());
        };
    }

    /** {@code rating} is imported from the monolith; nothing in Plaza writes it yet. */
    record Specialist(String profession, String description, Integer yearsExperience, BigDecimal hourlyRate,
                      String city, Double latitude, Double longitude, BigDecimal rating) implements ProfileDetails {
        public ProfileKind kind() {
            return ProfileKind.SPECIALIST;
        }

        public ProfileDetails anonymised() {
            return new Specialist(profession, "", yearsExperience, hourlyRate, "", null, null, rating);
        }
    }

    record Businessman(String companyName, String taxId, String businessType, String address, String city,
                       String website) implements ProfileDetails {
        public ProfileKind kind() {
            return ProfileKind.BUSINESSMAN;
        }

        public ProfileDetails anonymised() {
            return new Businessman("", "", businessType, "", "", "");
        }
    }

    record Consumer(String address, String city, Map<String, Object> preferences) implements ProfileDetails {
        public ProfileKind kind() {
            return ProfileKind.CONSUMER;
        }

        public ProfileDetails anonymised() {
            return new Consumer("", "", Map.of());
        }
    }
}
