package ai.foresight.experiments.notebook;

import ai.foresight.experiments.eval.EvaluationSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Several planners on one model and one world, side by side: the cost and time of one open-loop plan from
 * the same start, and the closed-loop fixed-budget evaluation of each (the same start/goal pairs for all).
 *
 * @param world world id
 * @param rows one row per planner, in the order given
 */
public record PlannerComparison(String world, List<Row> rows) {

    /**
     * One planner's figures.
     *
     * @param planner optimiser id
     * @param plan the open-loop plan from the common start
     * @param evaluation the closed-loop evaluation
     */
    public record Row(String planner, PlanResult plan, EvaluationSummary evaluation) {}

    public PlannerComparison {
        rows = List.copyOf(rows);
    }

    /**
     * Plans once from {@code world}'s current state with each planner, then evaluates each on {@code pairs}
     * start/goal pairs of {@code budget} steps. The world is reset to its seed before every planner.
     */
    public static PlannerComparison run(LearnedModel model, World world, List<Planner> planners, int pairs, int budget) {
        if (planners == null || planners.isEmpty()) {
            throw new IllegalArgumentException("planners: expected at least one planner, got none");
        }
        long seed = world.seed();
        List<Row> rows = new ArrayList<>();
        for (Planner planner : planners) {
            world.reset(seed);
            PlanResult plan = planner.plan(model, world);
            EvaluationSummary evaluation = planner.evaluate(model, world, pairs, budget);
            rows.add(new Row(planner.id(), plan, evaluation));
        }
        world.reset(seed);
        return new PlannerComparison(world.id(), rows);
    }

    /** The row of {@code planner}. */
    public Row row(String planner) {
        return rows.stream().filter(r -> r.planner().equals(planner)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("planner: expected one of " + rows.stream().map(Row::planner).toList()
                        + ", got '" + planner + "'"));
    }

    /** A text table, one line per planner. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-7s %10s %9s %11s %9s %14s %10s%n", "planner",
                "plan cost", "plan s", "sequences", "success", "final dist", "replan s"));
        for (Row r : rows) {
            EvaluationSummary e = r.evaluation();
            s.append(String.format(Locale.ROOT, "%-7s %10s %9s %11d %4d/%-4d %14s %10s%n", r.planner(),
                    ValueText.number(r.plan().cost()), ValueText.number(r.plan().seconds()), r.plan().evaluations(),
                    e.successes(), e.pairs(), ValueText.number(e.finalDistanceMean()), ValueText.number(e.planSecondsMedian())));
        }
        return "PlannerComparison[" + world + "]\n" + s;
    }
}
