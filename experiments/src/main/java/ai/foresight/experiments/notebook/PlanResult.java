package ai.foresight.experiments.notebook;

/**
 * One open-loop plan, as plain Java arrays (nothing native).
 *
 * @param planner optimiser id (cem, icem, mppi, gd, cem-gd)
 * @param actions (H·k, A) environment actions in world units, clipped to the world's bounds
 * @param cost the model's goal distance of the plan (lower is better; latent MSE plus alpha x proprio MSE)
 * @param costByIteration lowest cost found so far after each optimiser iteration
 * @param evaluations candidate sequences the optimiser imagined
 * @param seconds wall-clock planning time
 * @param preview the plan replayed in a copy of the world, or null when planned without a world
 */
public record PlanResult(String planner, double[][] actions, double cost, float[] costByIteration, long evaluations,
        double seconds, Trajectory preview) {

    /** The same plan with its replay in the world. */
    public PlanResult withPreview(Trajectory replay) {
        return new PlanResult(planner, actions, cost, costByIteration, evaluations, seconds, replay);
    }

    /** Steps in the plan (environment actions). */
    public int steps() {
        return actions.length;
    }

    /**
     * {@code PlanResult[cem: cost 0.41 in 0.08 s (96 sequences), world distance 20.4 -> 12.1, actions (4, 2) …]}.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("PlanResult[" + planner + ": cost " + ValueText.number(cost) + " in "
                + ValueText.number(seconds) + " s (" + evaluations + " sequences)");
        if (preview != null) {
            s.append(", world distance ").append(ValueText.number(preview.startDistance())).append(" -> ")
                    .append(ValueText.number(preview.finalDistance()));
        }
        return s.append(", cost by iteration ").append(ValueText.of(costByIteration)).append(", actions ")
                .append(ValueText.of(actions)).append("]").toString();
    }
}
