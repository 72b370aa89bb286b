package ai.foresight.datasets.policy;

import ai.foresight.datasets.env.Env;
import ai.foresight.datasets.worlds.PushTConfig;
import ai.foresight.datasets.worlds.PushTEnv;
import ai.foresight.datasets.worlds.TBlockShape;
import java.util.SplittableRandom;

/**
 * PushT's collection policy: scripted pushes with noise, standing in for the human demonstrations of
 * Diffusion Policy's PushT data (Chi et al., 2023). Each push draws a target point for the block, and a
 * sideways offset of the contact so that pushes also rotate it; the agent orbits the block when the
 * straight way is blocked, lines up behind the contact point, then pushes along the line for a few steps, after which
 * a new push is planned. PushT also uses it, noise included, to roll a start forward into a reachable
 * goal.
 */
public final class PushTScriptedPolicy implements CollectionPolicy {
    private enum Phase { PLAN, APPROACH, PUSH }

    private final PushTScriptConfig script;
    private PushTConfig world;
    private TBlockShape shape;
    private SplittableRandom random;
    private Phase phase;
    private double ux, uy, lateral, targetX, targetY;
    private int stepsLeft, approachSteps;

    public PushTScriptedPolicy(PushTScriptConfig script) {
        this.script = script;
    }

    @Override
    public void reset(Env env, long seed) {
        if (!(env instanceof PushTEnv pushT)) {
            throw new IllegalArgumentException("env: expected a pusht world, got " + env.spec().name());
        }
        reset(pushT.config(), seed);
    }

    /** Starts a new episode in a PushT world with these settings. */
    public void reset(PushTConfig worldConfig, long seed) {
        world = worldConfig;
        shape = new TBlockShape(worldConfig);
        random = new SplittableRandom(seed);
        phase = Phase.PLAN;
    }

    @Override
    public double[] act(Env env) {
        return env.spec().clip(actFromState(env.state()));
    }

    /** The next relative target for PushT state {@code s}, clipped to the action bounds. */
    public double[] actFromState(double[] s) {
        if (random == null) {
            throw new IllegalStateException("policy: call reset before act");
        }
        if (phase == Phase.PLAN) {
            plan(s);
        }
        double ax, ay;
        if (phase == Phase.APPROACH) {
            if (++approachSteps > script.approachStepsMax()) {
                plan(s);
            }
            double[] p = preContact(s);
            if (Math.hypot(p[0] - s[0], p[1] - s[1]) < script.reachTolerance()) {
                phase = Phase.PUSH;
                stepsLeft = random.nextInt(script.pushStepsMin(), script.pushStepsMax() + 1);
            } else {
                double[] aim = pathClear(s, p) ? p : orbitWaypoint(s, p);
                ax = aim[0] - s[0];
                ay = aim[1] - s[1];
                return noisyClip(ax, ay);
            }
        }
        ax = ux * script.pushStep();
        ay = uy * script.pushStep();
        boolean passed = (targetX - s[2]) * ux + (targetY - s[3]) * uy < 0;
        if (--stepsLeft <= 0 || passed) {
            phase = Phase.PLAN;
        }
        return noisyClip(ax, ay);
    }

    /** Picks a push target and a contact offset whose line-up point lies inside the world. */
    private void plan(double[] s) {
        double m = script.targetMargin();
        double w = world.worldSize();
        ux = 0;
        uy = 0;
        for (int tries = 0; tries < 10; tries++) {
            targetX = random.nextDouble(m, w - m);
            targetY = random.nextDouble(m, w - m);
            double d = Math.hypot(targetX - s[2], targetY - s[3]);
            lateral = script.lateralMax() > 0 ? random.nextDouble(-script.lateralMax(), script.lateralMax()) : 0;
            if (d < 40) {
                continue;
            }
            ux = (targetX - s[2]) / d;
            uy = (targetY - s[3]) / d;
            double[] p = preContact(s);
            if (inside(p[0]) && inside(p[1])) {
                break;
            }
        }
        if (!(Math.hypot(ux, uy) > 0.5)) { // every try was too close to the block: push toward the centre
            double d = Math.max(1e-9, Math.hypot(w / 2 - s[2], w / 2 - s[3]));
            ux = (w / 2 - s[2]) / d;
            uy = (w / 2 - s[3]) / d;
        }
        phase = Phase.APPROACH;
        approachSteps = 0;
    }

    /** Where the agent lines up: behind the (offset) contact point, opposite the push direction. */
    private double[] preContact(double[] s) {
        double px = -uy, py = ux;
        double ox = s[2] + lateral * px, oy = s[3] + lateral * py;
        double t = shape.lastExit(ox, oy, -ux, -uy, s[2], s[3], s[4]);
        if (Double.isNaN(t)) {
            lateral = 0;
            ox = s[2];
            oy = s[3];
            t = Math.max(0, shape.lastExit(ox, oy, -ux, -uy, s[2], s[3], s[4]));
        }
        double back = t + world.agentRadius() + script.approachGap();
        return new double[] {ox - ux * back, oy - uy * back};
    }

    /** Whether the agent can travel straight to {@code p} without touching the block. */
    private boolean pathClear(double[] s, double[] p) {
        for (int k = 1; k <= 10; k++) {
            double x = s[0] + (p[0] - s[0]) * k / 10.0, y = s[1] + (p[1] - s[1]) * k / 10.0;
            if (shape.distance(x, y, s[2], s[3], s[4]) < world.agentRadius() + 4) {
                return false;
            }
        }
        return true;
    }

    /**
     * A detour point on a circle round the block: the agent's bearing from the block turned at most 45
     * degrees toward the line-up point's bearing, so that the agent orbits the block instead of
     * pushing through it.
     */
    private double[] orbitWaypoint(double[] s, double[] p) {
        double agentBearing = Math.atan2(s[1] - s[3], s[0] - s[2]);
        double goalBearing = Math.atan2(p[1] - s[3], p[0] - s[2]);
        double turn = Math.IEEEremainder(goalBearing - agentBearing, 2 * Math.PI);
        double bearing = agentBearing + clamp(turn, -Math.PI / 4, Math.PI / 4);
        double reach = shape.boundingRadius() + world.agentRadius() + 10;
        double r = world.agentRadius();
        double x = s[2] + reach * Math.cos(bearing);
        double y = s[3] + reach * Math.sin(bearing);
        return new double[] {clamp(x, r, world.worldSize() - r), clamp(y, r, world.worldSize() - r)};
    }

    private boolean inside(double v) {
        return v > world.agentRadius() + 2 && v < world.worldSize() - world.agentRadius() - 2;
    }

    private double[] noisyClip(double ax, double ay) {
        double b = world.actionBound();
        double n = script.noiseStd();
        return new double[] {clamp(ax + n * random.nextGaussian(), -b, b), clamp(ay + n * random.nextGaussian(), -b, b)};
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
