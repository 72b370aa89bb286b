package ai.foresight.datasets.policy;

import ai.foresight.datasets.env.Env;

/**
 * A data-collection policy: how offline trajectories are driven. Unlike a planner it may read the
 * world's ground-truth state (scripted collection is privileged by design); its randomness comes only
 * from the seed given at {@link #reset}, so a dataset is reproducible from its seed.
 */
public interface CollectionPolicy {

    /** Starts a new episode of {@code env} (already reset) with its own random stream. */
    void reset(Env env, long seed);

    /** The next action, of length {@code env.spec().actionDim()}, within the action bounds. */
    double[] act(Env env);
}
