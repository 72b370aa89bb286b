package ai.foresight.datasets.worlds;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.policy.CollectionPolicy;
import java.util.List;

/** The built-in worlds by id (contract pinned; bodies are being written in the worlds work). */
public final class Worlds {
    private Worlds() {}

    /** Ids accepted by {@link #create}: wall, wall-random, pointmaze, pusht. */
    public static List<String> ids() {
        return List.of("wall", "wall-random", "pointmaze", "pusht");
    }

    /** A new instance of world {@code id} rendering {@code size} x {@code size} frames. */
    public static Env create(String id, int size) {
        throw new UnsupportedOperationException("Worlds.create is not written yet");
    }

    /** The default data-collection policy for world {@code id} (DINO-WM-style settings). */
    public static CollectionPolicy collectionPolicy(String id) {
        throw new UnsupportedOperationException("Worlds.collectionPolicy is not written yet");
    }
}
