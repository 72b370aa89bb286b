package ai.foresight.experiments.eval;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.env.StepResult;
import ai.foresight.datasets.image.Frame;
import java.util.List;
import java.util.Random;

/** A one-dimensional test world: x moves by the action (bounded to ±1), goal within 0.1 succeeds. */
final class LineWorld implements Env {
    private final EnvSpec spec = new EnvSpec("line", 8, 8, new double[] {-1}, new double[] {1},
            List.of("x"), List.of("x"), 0.1);
    private double x;
    private double goal;
    int steps;

    @Override public EnvSpec spec() { return spec; }

    @Override public Observation reset(long seed) {
        Random r = new Random(seed);
        x = r.nextDouble() * 10 - 5;
        goal = r.nextDouble() * 10 - 5;
        return observe();
    }

    @Override public Observation resetTo(double[] state, double[] goalState) {
        x = state[0];
        goal = goalState[0];
        return observe();
    }

    @Override public StepResult step(double[] action) {
        x += spec.clip(action)[0];
        steps++;
        return new StepResult(observe(), reward(), isSuccess(state()));
    }

    @Override public Observation observe() { return observeState(state()); }
    @Override public double[] state() { return new double[] {x}; }
    @Override public double[] goal() { return new double[] {goal}; }

    @Override public Frame render(double[] s) {
        Frame f = Frame.blank(8, 8);
        int col = (int) Math.max(0, Math.min(7, Math.round(s[0] + 4)));
        f.set(4, col, 255, 255, 255);
        return f;
    }

    @Override public float[] proprio(double[] s) { return new float[] {(float) s[0]}; }
    @Override public double distanceToGoal(double[] s) { return Math.abs(s[0] - goal); }
    @Override public boolean isSuccess(double[] s) { return distanceToGoal(s) < spec.successThreshold(); }
}
