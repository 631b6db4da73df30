package org.rogatory.gateway;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/** A bearer token is valid when the exercise's roster has it: the caller is that member. */
@Singleton
@Requires(property = "rogatory.gateway.enabled", value = "true")
public class RosterTokenValidator implements TokenValidator<HttpRequest<?>> {

    private final Roster roster;

    public RosterTokenValidator(Roster roster) {
        this.roster = roster;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, @Nullable HttpRequest<?> request) {
        return Mono.justOrEmpty(roster.member(token)
            .map(member -> Authentication.build(member.name(), member.roles(), member.attributes())));
    }
}
