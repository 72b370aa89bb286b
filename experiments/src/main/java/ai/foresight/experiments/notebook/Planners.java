package ai.foresight.experiments.notebook;

import ai.foresight.planner.agent.PlannerKind;
import java.util.Arrays;
import java.util.List;

/**
 * The planners of the paper and its successors, each behind the same {@link Planner} calls: DINO-WM's CEM,
 * iCEM (Pinneri et al. 2020), TD-MPC2's MPPI, gradient descent on the actions through the differentiable model,
 * and CEM refined by gradient steps (Bharadhwaj et al. 2020).
 */
public final class Planners {
    private Planners() {}

    /** Cross-entropy method, DINO-WM's planner. */
    public static Planner cem() {
        return of(PlannerKind.CEM);
    }

    /** Improved CEM: coloured noise, shrinking population, elites kept across iterations and plans. */
    public static Planner icem() {
        return of(PlannerKind.ICEM);
    }

    /** Model predictive path integral, TD-MPC2's variant. */
    public static Planner mppi() {
        return of(PlannerKind.MPPI);
    }

    /** Projected Adam on the action sequence through the model (gradient-based planning). */
    public static Planner gradient() {
        return of(PlannerKind.GD);
    }

    /** CEM, then Adam steps on its best sequence. */
    public static Planner cemGradient() {
        return of(PlannerKind.CEM_GD);
    }

    /** The planner with id cem, icem, mppi, gd or cem-gd. */
    public static Planner named(String id) {
        return of(PlannerKind.parse(id));
    }

    /** Every planner, in the order above. */
    public static List<Planner> all() {
        return Arrays.stream(PlannerKind.values()).map(Planners::of).toList();
    }

    private static Planner of(PlannerKind kind) {
        return new Planner(kind, 0, 0, 0);
    }
}
