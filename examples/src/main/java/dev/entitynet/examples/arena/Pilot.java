package dev.entitynet.examples.arena;

import com.artemis.Component;

/** Marks a player entity and names the peer that owns it (the only one whose steering counts). */
public final class Pilot extends Component {
    /** The owning peer's id. */
    public int owner;

    /** Artemis needs the public no-arg constructor. */
    public Pilot() {
    }
}
