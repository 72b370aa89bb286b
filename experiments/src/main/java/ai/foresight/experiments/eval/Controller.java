package ai.foresight.experiments.eval;

import ai.foresight.datasets.env.Observation;

/**
 * What the evaluation loop drives: something that sees observations and a goal observation and
 * answers with environment actions. It never receives the environment, so a planner behind it
 * cannot query the simulator (DINO-WM's published loop does; our protocol forbids it).
 */
public interface Controller {

    /** Starts an episode towards {@code goal}; forgets any warm start. */
    void reset(Observation goal);

    /**
     * The actions to execute next, in environment units: a chunk of one or more rows, each of the
     * environment's action dimension. The loop executes them in order (fewer if the budget ends).
     */
    double[][] act(Observation current);
}
