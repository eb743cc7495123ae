package io.lede.clock;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The service's clock: UTC from the system. Code that decides by the time (scheduled publishing)
 * reads it from the injected {@link Clock}, so tests can move time instead of waiting for it.
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
