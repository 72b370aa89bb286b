package ai.foresight.planner.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-iteration history of a search, for logging, plots and sample-efficiency comparisons.
 *
 * @param iterations one entry per batched objective call, in order
 */
public record OptimizationTrace(List<IterationStats> iterations) {

    public OptimizationTrace {
        iterations = List.copyOf(iterations);
    }

    /** Candidate sequences evaluated in total. */
    public long totalEvaluations() {
        return iterations.isEmpty() ? 0 : iterations.get(iterations.size() - 1).cumulativeEvaluations();
    }

    /** The lowest cost seen, or +infinity for an empty trace. */
    public float bestCost() {
        return iterations.isEmpty() ? Float.POSITIVE_INFINITY : iterations.get(iterations.size() - 1).bestSoFar();
    }

    /**
     * Evaluations spent until the best cost so far first reached {@code cost} or lower, counted
     * to the end of that iteration; -1 if it never did.
     */
    public long evaluationsToReach(float cost) {
        for (IterationStats s : iterations) {
            if (s.bestSoFar() <= cost) {
                return s.cumulativeEvaluations();
            }
        }
        return -1;
    }

    /** This trace followed by {@code next}, renumbered and with cumulative counts continued. */
    public OptimizationTrace then(OptimizationTrace next) {
        List<IterationStats> all = new ArrayList<>(iterations);
        long offset = totalEvaluations();
        float best = bestCost();
        for (IterationStats s : next.iterations) {
            best = Math.min(best, s.bestSoFar());
            all.add(new IterationStats(all.size(), s.evaluations(), s.bestCost(), s.meanCost(), best,
                    offset + s.cumulativeEvaluations()));
        }
        return new OptimizationTrace(all);
    }
}
