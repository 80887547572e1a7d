package dev.entitynet.ecs;

import com.artemis.WorldConfigurationBuilder;
import dev.entitynet.ecs.authority.Authorities;
import dev.entitynet.ecs.path.EntityPaths;

/** Puts the multiplayer systems into a world configuration, in the order a tick needs them. */
public final class MultiplayerSystems {
    private MultiplayerSystems() {
    }

    /**
     * Adds {@link EntityPaths}, {@link Authorities} and {@link MultiplayerPollSystem} first and
     * {@link MultiplayerFlushSystem} last; add game systems with ordinary priorities in between.
     *
     * @return {@code builder}
     */
    public static WorldConfigurationBuilder install(WorldConfigurationBuilder builder) {
        builder.with(WorldConfigurationBuilder.Priority.HIGHEST, new EntityPaths(), new Authorities(), new MultiplayerPollSystem());
        builder.with(WorldConfigurationBuilder.Priority.LOWEST, new MultiplayerFlushSystem());
        return builder;
    }
}
