package ai.foresight.datasets.worlds;

import org.dyn4j.dynamics.Body;
import org.dyn4j.dynamics.BodyFixture;
import org.dyn4j.dynamics.ContinuousDetectionMode;
import org.dyn4j.dynamics.Settings;
import org.dyn4j.geometry.Convex;
import org.dyn4j.geometry.Geometry;
import org.dyn4j.geometry.MassType;
import org.dyn4j.geometry.Vector2;
import org.dyn4j.world.World;

/**
 * The rigid-body simulation behind PushT, on dyn4j: a kinematic circular agent driven by a PD
 * controller toward a target, a dynamic T block with linear and angular damping (ground friction
 * emulated, zero gravity, top-down), and four static walls just outside the world square.
 *
 * <p>dyn4j is tuned for bodies of about a metre, so the simulation runs in metres with 100 world
 * units to the metre; everything in and out of this class is in world units. {@link #set} rebuilds
 * the dyn4j world, so that a run from the same state with the same actions is reproduced bit for bit
 * (no contact cache survives a reset). Continuous collision detection is off: a substep moves a body a
 * few units at most, against an agent 30 across and a bar 30 thick.
 */
final class PushTPhysics {
    private static final double METRES_PER_UNIT = 0.01;
    private static final double WALL_THICKNESS = 100;

    private final PushTConfig config;
    private final TBlockShape shape;
    private World<Body> world;
    private Body agent;
    private Body block;
    private double agentVx;
    private double agentVy;

    PushTPhysics(PushTConfig config, TBlockShape shape) {
        this.config = config;
        this.shape = shape;
    }

    /** Places agent and block at {@code state} = [agent_x, agent_y, block_x, block_y, block_angle, agent_vx, agent_vy]; the block starts at rest. */
    void set(double[] state) {
        world = new World<>();
        world.setGravity(0, 0);
        Settings settings = world.getSettings();
        settings.setStepFrequency(1.0 / config.physicsHz());
        settings.setAtRestDetectionEnabled(false);
        settings.setContinuousDetectionMode(ContinuousDetectionMode.NONE); // substep moves are a fraction of the bodies' sizes

        double w = config.worldSize();
        addWall(-WALL_THICKNESS / 2, w / 2, WALL_THICKNESS, w + 2 * WALL_THICKNESS);
        addWall(w + WALL_THICKNESS / 2, w / 2, WALL_THICKNESS, w + 2 * WALL_THICKNESS);
        addWall(w / 2, -WALL_THICKNESS / 2, w + 2 * WALL_THICKNESS, WALL_THICKNESS);
        addWall(w / 2, w + WALL_THICKNESS / 2, w + 2 * WALL_THICKNESS, WALL_THICKNESS);

        agent = new Body();
        fixture(agent, Geometry.createCircle(config.agentRadius() * METRES_PER_UNIT));
        agent.setMass(MassType.INFINITE);
        agent.setAtRestDetectionEnabled(false);
        agent.translate(state[0] * METRES_PER_UNIT, state[1] * METRES_PER_UNIT);
        agentVx = state[5];
        agentVy = state[6];
        agent.setLinearVelocity(agentVx * METRES_PER_UNIT, agentVy * METRES_PER_UNIT);
        world.addBody(agent);

        block = new Body();
        for (double[] r : shape.localRects()) {
            Convex rect = Geometry.createRectangle((r[2] - r[0]) * METRES_PER_UNIT, (r[3] - r[1]) * METRES_PER_UNIT);
            rect.translate((r[0] + r[2]) / 2 * METRES_PER_UNIT, (r[1] + r[3]) / 2 * METRES_PER_UNIT);
            fixture(block, rect);
        }
        block.setMass(MassType.NORMAL);
        block.setLinearDamping(config.blockLinearDamping());
        block.setAngularDamping(config.blockAngularDamping());
        block.setAtRestDetectionEnabled(false);
        block.rotate(state[4]);
        block.translate(state[2] * METRES_PER_UNIT, state[3] * METRES_PER_UNIT);
        world.addBody(block);
    }

    /**
     * One control step: the target is the agent's position plus {@code (dx, dy)}, kept inside the
     * world; each physics substep sets the agent velocity v += (kp (target - p) - kv v) dt, then
     * advances the world. The agent is held inside the world square.
     */
    void step(double dx, double dy) {
        double dt = 1.0 / config.physicsHz();
        double r = config.agentRadius();
        double hi = config.worldSize() - r;
        double tx = clamp(agentX() + dx, r, hi);
        double ty = clamp(agentY() + dy, r, hi);
        for (int k = 0; k < config.substeps(); k++) {
            agentVx += (config.kp() * (tx - agentX()) - config.kv() * agentVx) * dt;
            agentVy += (config.kp() * (ty - agentY()) - config.kv() * agentVy) * dt;
            agent.setLinearVelocity(agentVx * METRES_PER_UNIT, agentVy * METRES_PER_UNIT);
            world.step(1);
            double x = agentX(), y = agentY();
            if (x < r || x > hi || y < r || y > hi) {
                if (x < r || x > hi) {
                    agentVx = 0;
                }
                if (y < r || y > hi) {
                    agentVy = 0;
                }
                Vector2 t = agent.getTransform().getTranslation();
                agent.translate(clamp(x, r, hi) * METRES_PER_UNIT - t.x, clamp(y, r, hi) * METRES_PER_UNIT - t.y);
            }
        }
    }

    /** [agent_x, agent_y, block_x, block_y, block_angle in (-pi, pi], agent_vx, agent_vy]. */
    double[] state() {
        return new double[] {
            agentX(), agentY(),
            block.getTransform().getTranslationX() / METRES_PER_UNIT,
            block.getTransform().getTranslationY() / METRES_PER_UNIT,
            wrapAngle(block.getTransform().getRotationAngle()),
            agentVx, agentVy
        };
    }

    /** Sets the block's velocity (world units/s) and spin (rad/s); for tests of the damping. */
    void setBlockVelocity(double vx, double vy, double omega) {
        block.setLinearVelocity(vx * METRES_PER_UNIT, vy * METRES_PER_UNIT);
        block.setAngularVelocity(omega);
    }

    /** Kinetic energy of the block, with its mass in kg of the simulation and speeds in world units/s. */
    double blockKineticEnergy() {
        Vector2 v = block.getLinearVelocity();
        double vx = v.x / METRES_PER_UNIT, vy = v.y / METRES_PER_UNIT;
        double inertia = block.getMass().getInertia() / (METRES_PER_UNIT * METRES_PER_UNIT);
        double w = block.getAngularVelocity();
        return 0.5 * block.getMass().getMass() * (vx * vx + vy * vy) + 0.5 * inertia * w * w;
    }

    /** The angle wrapped to (-pi, pi]. */
    static double wrapAngle(double a) {
        double w = Math.IEEEremainder(a, 2 * Math.PI);
        return w <= -Math.PI ? w + 2 * Math.PI : w;
    }

    private double agentX() {
        return agent.getTransform().getTranslationX() / METRES_PER_UNIT;
    }

    private double agentY() {
        return agent.getTransform().getTranslationY() / METRES_PER_UNIT;
    }

    private void addWall(double cx, double cy, double width, double height) {
        Body wall = new Body();
        fixture(wall, Geometry.createRectangle(width * METRES_PER_UNIT, height * METRES_PER_UNIT));
        wall.setMass(MassType.INFINITE);
        wall.translate(cx * METRES_PER_UNIT, cy * METRES_PER_UNIT);
        world.addBody(wall);
    }

    private void fixture(Body body, Convex convex) {
        BodyFixture f = body.addFixture(convex);
        f.setFriction(config.friction());
        f.setRestitution(0);
        f.setDensity(1.0);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
