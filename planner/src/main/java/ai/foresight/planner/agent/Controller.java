package ai.foresight.planner.agent;

import ai.foresight.datasets.env.Observation;

/**
 * Something that sees observations and a goal observation and answers with environment actions, what a
 * closed-loop evaluation or a robot drives. It never receives the environment, so a planner behind it
 * cannot query the simulator (DINO-WM's published loop does; Foresight's protocol forbids it).
 */
public interface Controller {

    /** Starts an episode towards {@code goal}; forgets any warm start and history. */
    void reset(Observation goal);

    /**
     * The actions to execute next, in environment units: a chunk of one or more rows, each of the
     * environment's action dimension. The caller executes them in order (fewer if its budget ends) and
     * calls again with the observation that follows.
     */
    double[][] act(Observation current);
}
