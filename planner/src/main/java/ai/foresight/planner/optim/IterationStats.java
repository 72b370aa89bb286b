package ai.foresight.planner.optim;

/**
 * What one optimiser iteration (one batched objective call) saw.
 *
 * @param iteration 0-based index within the trace
 * @param evaluations candidate sequences evaluated in this iteration
 * @param bestCost lowest cost among them
 * @param meanCost mean cost among them (+infinity if any was infinite)
 * @param bestSoFar lowest cost seen since the search began, this iteration included
 * @param cumulativeEvaluations evaluations since the search began, this iteration included
 */
public record IterationStats(
        int iteration, int evaluations, float bestCost, float meanCost, float bestSoFar, long cumulativeEvaluations) {}
