package ai.foresight.experiments.planbench;

import ai.foresight.experiments.bench.Timings;

/**
 * How many candidate evaluations a planner needs to reach the cost CEM ends with, on the same
 * start/goal scenarios (iCEM's claim, Pinneri et al. 2020: several times fewer samples than CEM).
 *
 * @param planner the compared planner
 * @param cemEvaluations candidates one CEM plan evaluates (N x iterations)
 * @param cemCosts CEM's final best cost on each scenario (the targets)
 * @param evaluationsToReach evaluations the planner spent until its best cost was at or below the target
 *     (counted to the end of that iteration), or -1 where it never got there
 * @param budgets evaluations the planner was allowed on each scenario
 */
public record PlannerComparison(String planner, long cemEvaluations, float[] cemCosts, long[] evaluationsToReach,
        long[] budgets) {

    public PlannerComparison {
        if (cemCosts.length == 0 || cemCosts.length != evaluationsToReach.length || budgets.length != cemCosts.length) {
            throw new IllegalArgumentException("scenarios: expected equal, non-zero counts of costs, evaluations and budgets, got "
                    + cemCosts.length + ", " + evaluationsToReach.length + ", " + budgets.length);
        }
        cemCosts = cemCosts.clone();
        evaluationsToReach = evaluationsToReach.clone();
        budgets = budgets.clone();
    }

    /** Scenarios where the planner reached CEM's cost. */
    public int reached() {
        int count = 0;
        for (long e : evaluationsToReach) {
            count += e >= 0 ? 1 : 0;
        }
        return count;
    }

    /**
     * CEM's evaluations over the planner's, per scenario; where the planner never reached the target its
     * whole budget is counted, which overstates its ratio (the true one is lower still).
     */
    public double[] ratios() {
        double[] r = new double[cemCosts.length];
        for (int i = 0; i < r.length; i++) {
            long needed = evaluationsToReach[i] >= 0 ? evaluationsToReach[i] : budgets[i];
            r[i] = (double) cemEvaluations / needed;
        }
        return r;
    }

    /** Median of {@link #ratios()}: above 1 means fewer evaluations than CEM. */
    public double medianRatio() {
        return Timings.median(ratios());
    }
}
