package ai.foresight.datasets.generate;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.policy.CollectionPolicy;
import ai.foresight.datasets.worlds.Worlds;

/**
 * Where the generator gets worlds and collection policies from. Production code uses
 * {@link #builtIn()} (the {@link Worlds} registry); tests and importers may supply their own.
 * Each call returns a new instance: the generator gives every worker its own.
 */
public interface WorldSource {

    /** A new instance of world {@code id} rendering {@code size} x {@code size} frames. */
    Env create(String id, int size);

    /** A new data-collection policy for world {@code id}. */
    CollectionPolicy policy(String id);

    /** The built-in worlds: {@link Worlds#create} and {@link Worlds#collectionPolicy}. */
    static WorldSource builtIn() {
        return new WorldSource() {
            @Override
            public Env create(String id, int size) {
                return Worlds.create(id, size);
            }

            @Override
            public CollectionPolicy policy(String id) {
                return Worlds.collectionPolicy(id);
            }
        };
    }
}
