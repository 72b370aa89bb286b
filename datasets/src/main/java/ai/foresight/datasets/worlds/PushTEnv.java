package ai.foresight.datasets.worlds;

import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.image.Frame;
import ai.foresight.datasets.policy.PushTScriptConfig;
import ai.foresight.datasets.policy.PushTScriptedPolicy;
import java.util.List;
import java.util.SplittableRandom;

/**
 * PushT, after Diffusion Policy (Chi et al., 2023) as used by DINO-WM (Zhou et al., 2024): a circular
 * agent pushes a T-shaped block on a 512-unit table seen from above (dyn4j rigid bodies, see
 * {@link PushTPhysics}).
 *
 * <p>Action: a relative target (dx, dy) in [-60, 60]^2 world units (clipped): the agent's PD controller
 * (k_p 100, k_v 20) tracks agent position + (dx, dy) for one 10 Hz control step of 10 physics steps at
 * 100 Hz. Held for several steps, a target 60 ahead moves the agent about 24 units per step.
 *
 * <p>State: {@code [agent_x, agent_y, block_x, block_y, block_angle, agent_vx, agent_vy]}, the block
 * pose being its centre of mass and its angle wrapped to (-pi, pi]; the block's own velocity is not
 * part of the state (as in DINO-WM), so {@link #resetTo} starts it at rest. Proprio:
 * {@code [agent_x, agent_y, agent_vx, agent_vy]}.
 *
 * <p>Success: |(agent xy, block xy) - goal| &lt; 20 and block angle error &lt; pi/9 (20 degrees).
 * {@link #distanceToGoal} folds both into one number, max(position distance, angle error in degrees),
 * which is below 20 exactly when the state succeeds; the reward is its negative.
 *
 * <p>Episodes: {@link #reset} draws the agent in [50, 462]^2, the block in [100, 412]^2 with a uniform
 * angle (agent clear of the block, as Diffusion Policy does), then makes the goal reachable by rolling
 * the scripted pusher ({@link PushTScriptedPolicy}, seeded from the same seed) for 25 steps from the
 * start in a scratch simulation: the goal is the state 25 steps ahead, as in the evaluation protocol.
 * Up to 8 rolls (each with the next derived seed) are tried until one moves the block (by 10 units or
 * 0.1 rad); the last roll that leaves the start unsuccessful is kept otherwise.
 */
public final class PushTEnv extends AbstractWorld {
    private static final List<String> STATE = List.of("agent_x", "agent_y", "block_x", "block_y", "block_angle",
            "agent_vx", "agent_vy");
    private static final List<String> PROPRIO = List.of("agent_x", "agent_y", "agent_vx", "agent_vy");

    private static final int GOAL_ATTEMPTS = 8;

    private final PushTConfig config;
    private final TBlockShape shape;
    private final PushTPhysics physics;
    private final PushTRenderer renderer;
    private PushTPhysics scratch;

    public PushTEnv(PushTConfig config) {
        super(new EnvSpec("pusht", config.size(), config.size(),
                new double[] {-config.actionBound(), -config.actionBound()},
                new double[] {config.actionBound(), config.actionBound()}, STATE, PROPRIO, config.successDistance()));
        this.config = config;
        this.shape = new TBlockShape(config);
        this.physics = new PushTPhysics(config, shape);
        this.renderer = new PushTRenderer(config, shape);
    }

    public PushTConfig config() {
        return config;
    }

    public TBlockShape shape() {
        return shape;
    }

    @Override
    protected Episode sampleEpisode(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double w = config.worldSize();
        double[] start;
        do {
            double bx = random.nextDouble(100, w - 100), by = random.nextDouble(100, w - 100);
            double angle = random.nextDouble(-Math.PI, Math.PI);
            double ax = random.nextDouble(50, w - 50), ay = random.nextDouble(50, w - 50);
            start = new double[] {ax, ay, bx, by, angle, 0, 0};
        } while (shape.distance(start[0], start[1], start[2], start[3], start[4]) < config.agentRadius() + 10);
        if (scratch == null) {
            scratch = new PushTPhysics(config, shape);
        }
        PushTScriptedPolicy pusher = new PushTScriptedPolicy(PushTScriptConfig.defaults());
        double[] goal = start;
        for (int attempt = 0; attempt < GOAL_ATTEMPTS; attempt++) {
            pusher.reset(config, random.nextLong());
            scratch.set(start);
            for (int t = 0; t < config.goalHorizon(); t++) {
                double[] a = pusher.actFromState(scratch.state());
                scratch.step(a[0], a[1]);
            }
            double[] rolled = scratch.state();
            if (distance(start, rolled) >= config.successDistance()) {
                goal = rolled;
                if (blockMoved(start, rolled)) {
                    break;
                }
            }
        }
        return new Episode(start, goal);
    }

    private static boolean blockMoved(double[] a, double[] b) {
        return Math.hypot(a[2] - b[2], a[3] - b[3]) > 10 || angleError(a, b) > 0.1;
    }

    @Override
    protected void validateState(String field, double[] s) {
        double r = config.agentRadius();
        double w = config.worldSize();
        StateChecks.requireRange(field, s, 0, STATE, r, w - r);
        StateChecks.requireRange(field, s, 1, STATE, r, w - r);
        StateChecks.requireRange(field, s, 2, STATE, 0, w);
        StateChecks.requireRange(field, s, 3, STATE, 0, w);
        StateChecks.requireRange(field, s, 5, STATE, -config.maxAgentSpeed(), config.maxAgentSpeed());
        StateChecks.requireRange(field, s, 6, STATE, -config.maxAgentSpeed(), config.maxAgentSpeed());
    }

    @Override
    protected double[] canonical(double[] s) {
        double[] c = s.clone();
        c[4] = PushTPhysics.wrapAngle(c[4]);
        return c;
    }

    @Override
    protected void load(double[] s) {
        physics.set(s);
    }

    @Override
    protected double[] advance(double[] s, double[] action) {
        physics.step(action[0], action[1]);
        return physics.state();
    }

    /** max(|(agent xy, block xy) - goal|, block angle error in degrees): below 20 exactly on success. */
    @Override
    protected double distance(double[] s, double[] g) {
        double position = Math.sqrt(sq(s[0] - g[0]) + sq(s[1] - g[1]) + sq(s[2] - g[2]) + sq(s[3] - g[3]));
        double angleError = Math.abs(PushTPhysics.wrapAngle(s[4] - g[4]));
        double angleScaled = angleError * config.successDistance() / config.successAngle();
        return Math.max(position, angleScaled);
    }

    /** Angle error of the block between two states, radians in [0, pi]. */
    public static double angleError(double[] s, double[] g) {
        return Math.abs(PushTPhysics.wrapAngle(s[4] - g[4]));
    }

    @Override
    protected float[] proprioOf(double[] s) {
        return new float[] {(float) s[0], (float) s[1], (float) s[5], (float) s[6]};
    }

    @Override
    protected Frame draw(double[] s) {
        return renderer.render(s);
    }

    private static double sq(double v) {
        return v * v;
    }
}
