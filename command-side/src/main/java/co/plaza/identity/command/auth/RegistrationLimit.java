package co.plaza.identity.command.auth;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Sign-ups per address (account farming, and SMS pumping through the numbers they name): every registration that
 * passes input validation counts, whether it then succeeds or not; over the limit a 429 with Retry-After.
 */
@Component
public class RegistrationLimit {

    private final Throttle throttle;
    private final Throttle.Limit perAddress;

    public RegistrationLimit(Throttle throttle,
                             @Value("${plaza.auth.register.max-per-address:20}") int max,
                             @Value("${plaza.auth.register.window:PT1H}") Duration window) {
        this.throttle = throttle;
        this.perAddress = new Throttle.Limit("register-address", max, window, false);
    }

    public void admit(String address) {
        throttle.require(perAddress, address);
    }
}
