package ai.foresight.planner.mpc;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.env.StepResult;
import ai.foresight.datasets.image.Frame;
import ai.foresight.planner.fixtures.LinearRolloutModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The linear world x' = x + B a as an {@link Env} that records every call and refuses (and counts)
 * any call made while {@link #planning} is set, i.e. while the controller is deciding.
 */
final class SpyLinearEnv implements Env {
    private final LinearRolloutModel dynamics;
    private final EnvSpec spec;
    private final double[] start;
    private final double[] goal;
    private double[] state;
    final List<double[]> executedActions = new ArrayList<>();
    boolean planning;
    int callsWhilePlanning;
    int calls;

    SpyLinearEnv(LinearRolloutModel dynamics, double[] start, double[] goal) {
        this.dynamics = dynamics;
        this.start = start.clone();
        this.goal = goal.clone();
        this.state = start.clone();
        this.spec = new EnvSpec("linear-spy", 8, 8, new double[] {-1, -1}, new double[] {1, 1},
                List.of("x", "y"), List.of("x", "y"), 0.15);
    }

    private void touch() {
        calls++;
        if (planning) {
            callsWhilePlanning++;
            throw new IllegalStateException("the environment was touched while planning");
        }
    }

    @Override
    public EnvSpec spec() {
        touch();
        return spec;
    }

    @Override
    public Observation reset(long seed) {
        touch();
        state = start.clone();
        executedActions.clear();
        return observeState(state);
    }

    @Override
    public Observation resetTo(double[] newState, double[] newGoal) {
        touch();
        state = newState.clone();
        return observeState(state);
    }

    @Override
    public StepResult step(double[] action) {
        touch();
        double[] clipped = spec.clip(action);
        executedActions.add(clipped);
        state = dynamics.step(state, clipped);
        return new StepResult(observeState(state), -distanceToGoal(state), isSuccess(state));
    }

    @Override
    public Observation observe() {
        touch();
        return observeState(state);
    }

    @Override
    public double[] state() {
        touch();
        return state.clone();
    }

    @Override
    public double[] goal() {
        touch();
        return goal.clone();
    }

    @Override
    public Frame render(double[] s) {
        return Frame.blank(8, 8);
    }

    @Override
    public float[] proprio(double[] s) {
        return new float[] {(float) s[0], (float) s[1]};
    }

    @Override
    public double distanceToGoal(double[] s) {
        return Math.hypot(s[0] - goal[0], s[1] - goal[1]);
    }

    @Override
    public boolean isSuccess(double[] s) {
        return distanceToGoal(s) < spec.successThreshold();
    }

    /** Distance of the current state without counting as an environment call (for assertions). */
    double currentDistance() {
        return distanceToGoal(state);
    }
}
