package ai.foresight.server.backend;

import ai.foresight.planner.TrajectoryPlanner;
import ai.foresight.server.spi.PlannerSettings;
import ai.foresight.server.spi.WarmStart;
import java.util.Objects;

/**
 * One robot's warm start between plans: its {@link TrajectoryPlanner} (whose stored solution was already shifted by
 * the chunk the robot was sent, so the next search starts from the rest of this plan) and seeded CEM stream, the
 * settings and goal it planned for, and the robot's recent observations for the world model's context.
 *
 * <p>Holds only Java arrays, so closing it frees nothing native. The next plan continues this planner only for the
 * same settings and goal; otherwise it starts a fresh search but keeps the observation history.
 */
final class SessionState implements WarmStart {
    private final ModelBackend owner;
    private final TrajectoryPlanner planner;
    private final PlannerSettings settings;
    private final Object goalKey;
    private final ContextHistory history;

    SessionState(ModelBackend owner, TrajectoryPlanner planner, PlannerSettings settings, Object goalKey,
                 ContextHistory history) {
        this.owner = owner;
        this.planner = planner;
        this.settings = settings;
        this.goalKey = goalKey;
        this.history = history;
    }

    boolean belongsTo(ModelBackend backend) {
        return owner == backend;
    }

    /** Whether a plan with {@code nextSettings} toward {@code nextGoal} may continue this search. */
    boolean continues(PlannerSettings nextSettings, Object nextGoal) {
        return settings.equals(nextSettings) && Objects.equals(goalKey, nextGoal);
    }

    TrajectoryPlanner planner() {
        return planner;
    }

    ContextHistory history() {
        return history;
    }

    /**
     * Where the next search of the same settings and goal starts, in environment units: (H_frames · f, A) rows, the
     * previous plan's rows after the chunk followed by the fill action. Null when the planner holds no solution.
     */
    float[][] startingPoint() {
        float[][] normalised = planner.warmStartMean();
        if (normalised == null) {
            return null;
        }
        float[] mean = planner.config().actionMean();
        float[] std = planner.config().actionStd();
        float[][] env = new float[normalised.length][mean.length];
        for (int t = 0; t < normalised.length; t++) {
            for (int d = 0; d < mean.length; d++) {
                env[t][d] = mean[d] + std[d] * normalised[t][d];
            }
        }
        return ChunkLayout.environmentRows(env, owner.info().actionDim());
    }

    @Override
    public String toString() {
        return "SessionState[" + settings + ", history " + history.size() + "]";
    }
}
