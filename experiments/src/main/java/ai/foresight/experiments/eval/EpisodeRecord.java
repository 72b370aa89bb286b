package ai.foresight.experiments.eval;

import ai.foresight.datasets.image.Frame;
import java.util.List;

/**
 * One evaluated start/goal pair.
 *
 * @param pair index of the pair in the protocol
 * @param seed the reset seed that produced start and goal
 * @param success whether the final state meets the world's success criterion
 * @param finalDistance the world's success distance at the end of the budget
 * @param distances distance to the goal after each executed step, length = steps executed + 1
 * @param planSeconds wall-clock seconds of each call to the controller (each replan)
 * @param frames observed frames, first to last (empty unless recording was asked for)
 * @param goalFrame the goal image the controller was given
 * @param forecastErrors for each controller call whose chunk ran in full, the distance (proprio units, e.g. pixels
 *     on Wall) between where the controller's model expected the agent to be and where it was; empty when the
 *     controller makes no forecasts ({@link ai.foresight.planner.agent.ForecastingController})
 */
public record EpisodeRecord(
        int pair,
        long seed,
        boolean success,
        double finalDistance,
        double[] distances,
        double[] planSeconds,
        List<Frame> frames,
        Frame goalFrame,
        double[] forecastErrors) {}
