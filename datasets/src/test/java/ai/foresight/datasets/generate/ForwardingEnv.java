package ai.foresight.datasets.generate;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.env.Observation;
import ai.foresight.datasets.env.StepResult;
import ai.foresight.datasets.image.Frame;

/** An Env that forwards every call, for test worlds that change one behaviour. */
public class ForwardingEnv implements Env {
    protected final Env inner;

    public ForwardingEnv(Env inner) {
        this.inner = inner;
    }

    @Override
    public EnvSpec spec() {
        return inner.spec();
    }

    @Override
    public Observation reset(long seed) {
        return inner.reset(seed);
    }

    @Override
    public Observation resetTo(double[] state, double[] goal) {
        return inner.resetTo(state, goal);
    }

    @Override
    public StepResult step(double[] action) {
        return inner.step(action);
    }

    @Override
    public Observation observe() {
        return inner.observe();
    }

    @Override
    public double[] state() {
        return inner.state();
    }

    @Override
    public double[] goal() {
        return inner.goal();
    }

    @Override
    public Frame render(double[] state) {
        return inner.render(state);
    }

    @Override
    public float[] proprio(double[] state) {
        return inner.proprio(state);
    }

    @Override
    public double distanceToGoal(double[] state) {
        return inner.distanceToGoal(state);
    }

    @Override
    public boolean isSuccess(double[] state) {
        return inner.isSuccess(state);
    }
}
