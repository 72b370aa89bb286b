package ai.foresight.datasets.worlds;

/**
 * Settings of the PushT world, after Diffusion Policy's PushT (Chi et al., 2023) as used by DINO-WM.
 * Lengths are world units of a {@code worldSize}-unit square; y grows downwards, as in the frame.
 *
 * @param size rendered frame height and width in pixels (at least 8)
 * @param worldSize side of the square world (512)
 * @param agentRadius radius of the circular agent (15)
 * @param barLength length of the T's bar (120)
 * @param barThickness thickness of the T's bar (30)
 * @param stemLength length of the T's stem below the bar (90)
 * @param stemWidth width of the stem (30)
 * @param kp proportional gain of the agent's PD controller (100 /s^2)
 * @param kv derivative gain of the agent's PD controller (20 /s)
 * @param physicsHz physics steps per second (100)
 * @param controlHz env steps per second (10); physicsHz must be a multiple
 * @param blockLinearDamping linear damping of the block (1/s), standing in for ground friction
 * @param blockAngularDamping angular damping of the block (1/s)
 * @param friction contact friction coefficient between agent, block and walls
 * @param actionBound actions (relative targets) are clipped to [-actionBound, actionBound]^2
 * @param maxAgentSpeed largest agent speed a state may carry (units/s), for input checks
 * @param successDistance success needs |(agent xy, block xy) - goal| below this (20)
 * @param successAngle and block angle error below this (pi/9)
 * @param goalHorizon steps of scripted pushing between a sampled start and its goal (25)
 */
public record PushTConfig(
        int size,
        double worldSize,
        double agentRadius,
        double barLength,
        double barThickness,
        double stemLength,
        double stemWidth,
        double kp,
        double kv,
        int physicsHz,
        int controlHz,
        double blockLinearDamping,
        double blockAngularDamping,
        double friction,
        double actionBound,
        double maxAgentSpeed,
        double successDistance,
        double successAngle,
        int goalHorizon) {

    public PushTConfig {
        if (size < 8) {
            throw new IllegalArgumentException("size: expected at least 8 pixels, got " + size);
        }
        positive("worldSize", worldSize);
        positive("agentRadius", agentRadius);
        positive("barLength", barLength);
        positive("barThickness", barThickness);
        positive("stemLength", stemLength);
        positive("stemWidth", stemWidth);
        positive("kp", kp);
        positive("kv", kv);
        positive("actionBound", actionBound);
        positive("maxAgentSpeed", maxAgentSpeed);
        positive("successDistance", successDistance);
        positive("successAngle", successAngle);
        if (stemWidth > barLength) {
            throw new IllegalArgumentException("stemWidth: expected at most barLength " + barLength + ", got " + stemWidth);
        }
        if (controlHz < 1 || physicsHz < controlHz || physicsHz % controlHz != 0) {
            throw new IllegalArgumentException("physicsHz, controlHz: expected physicsHz a positive multiple of controlHz, got "
                    + physicsHz + ", " + controlHz);
        }
        if (!(blockLinearDamping >= 0) || !(blockAngularDamping >= 0) || !(friction >= 0)) {
            throw new IllegalArgumentException("damping, friction: expected non-negative, got " + blockLinearDamping + ", "
                    + blockAngularDamping + ", " + friction);
        }
        if (goalHorizon < 1) {
            throw new IllegalArgumentException("goalHorizon: expected at least 1 step, got " + goalHorizon);
        }
        if (4 * agentRadius + barLength + stemLength > worldSize) {
            throw new IllegalArgumentException("worldSize: expected room for the T and the agent, got " + worldSize);
        }
    }

    /** 64 px frames of the default world. */
    public static PushTConfig defaults() {
        return withSize(64);
    }

    /**
     * The default world rendered at {@code size} pixels: 512-unit world, agent radius 15, T of 120x30
     * over 90x30, PD gains 100 and 20, 100 Hz physics, 10 Hz control, block damping 10 /s linear and
     * angular, friction 1, relative targets within +-60, goals 25 steps ahead.
     */
    public static PushTConfig withSize(int size) {
        return new PushTConfig(size, 512, 15, 120, 30, 90, 30, 100, 20, 100, 10, 10, 10, 1.0, 60, 2000, 20,
                Math.PI / 9, 25);
    }

    /** The default world at 16 px, for fast tests. */
    public static PushTConfig tiny() {
        return withSize(16);
    }

    /** Physics steps per env step. */
    public int substeps() {
        return physicsHz / controlHz;
    }

    private static void positive(String name, double v) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(name + ": expected a positive finite number, got " + v);
        }
    }
}
