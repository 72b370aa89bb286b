package ai.foresight.planner.mpc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Turns what the robot senses into the context a rollout model starts from, e.g. a camera frame
 * through a frozen patch encoder plus the proprio vector.
 *
 * @param <O> the observation type (for the built-in worlds, {@code ai.foresight.datasets.env.Observation})
 */
@FunctionalInterface
public interface ContextEncoder<O> {

    /**
     * @param observation the current observation
     * @param manager owner (and device) of the returned context; closed after the plan
     * @return the context array the objective's model expects
     */
    NDArray encode(O observation, NDManager manager);
}
