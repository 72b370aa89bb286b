package ai.foresight.datasets.worlds;

import ai.foresight.datasets.env.EnvSpec;
import ai.foresight.datasets.image.Frame;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The Wall world of DINO-WM (Zhou et al., 2024, "World Models on Pre-trained Visual Features enable
 * Zero-shot Planning"), itself taken from Sobal et al.'s PLDM study: a dot on a 64-unit square canvas
 * split by a vertical wall with one door. Start on one side; the goal is across the wall with
 * probability {@link WallConfig#otherSideProbability()} (one half), else on the same side.
 *
 * <p>Action: a in [-2, 2]^2 (clipped), the dot moves by 2a, stopping just short of the wall or the
 * border (see {@link WallGeometry}: no sliding, no tunnelling). Success: |xy - goal xy| &lt; 4.5.
 *
 * <p>State: {@code [x, y]} for {@code wall}; {@code [x, y, wall_x, door_lo, door_hi]} for
 * {@code wall-random}, whose layout is sampled at every reset and travels with the state so that
 * {@link #render} and {@link #resetTo} need nothing else (resetTo adopts the state's layout, and the
 * goal must share it). Proprio: {@code [x, y]}. Coordinates are canvas units whatever the frame size.
 */
public final class WallEnv extends AbstractWorld {
    private static final List<String> FIXED_STATE = List.of("x", "y");
    private static final List<String> RANDOM_STATE = List.of("x", "y", "wall_x", "door_lo", "door_hi");

    private final WallConfig config;
    private final WallRenderer renderer;
    private WallLayout geometryLayout;
    private WallGeometry geometry;

    public WallEnv(WallConfig config) {
        super(specOf(config));
        this.config = config;
        this.renderer = new WallRenderer(config);
    }

    private static EnvSpec specOf(WallConfig c) {
        double b = c.actionBound();
        return new EnvSpec(c.id(), c.size(), c.size(), new double[] {-b, -b}, new double[] {b, b},
                c.randomLayout() ? RANDOM_STATE : FIXED_STATE, List.of("x", "y"), c.successRadius());
    }

    public WallConfig config() {
        return config;
    }

    /** The layout a state lives in: carried by the state for {@code wall-random}, fixed otherwise. */
    public WallLayout layout(double[] s) {
        return config.randomLayout() ? new WallLayout(s[2], s[3], s[4]) : config.fixedLayout();
    }

    @Override
    protected Episode sampleEpisode(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        WallLayout layout = config.randomLayout() ? WallLayout.sample(random, config) : config.fixedLayout();
        boolean leftStart = random.nextBoolean();
        double[] start = samplePoint(random, layout, leftStart);
        boolean goalLeft = random.nextDouble() < config.otherSideProbability() ? !leftStart : leftStart;
        double[] goal = samplePoint(random, layout, goalLeft);
        for (int tries = 0; tries < 100 && Math.hypot(goal[0] - start[0], goal[1] - start[1]) < 2 * config.successRadius(); tries++) {
            goal = samplePoint(random, layout, goalLeft);
        }
        return new Episode(withLayout(start, layout), withLayout(goal, layout));
    }

    private double[] samplePoint(SplittableRandom random, WallLayout layout, boolean left) {
        double r = config.dotRadius();
        double wallLeft = layout.wallX() - config.wallWidth() / 2 - r;
        double wallRight = layout.wallX() + config.wallWidth() / 2 + r;
        double x = left ? random.nextDouble(r, wallLeft) : random.nextDouble(wallRight, WallConfig.CANVAS - r);
        double y = random.nextDouble(r, WallConfig.CANVAS - r);
        return new double[] {x, y};
    }

    private double[] withLayout(double[] xy, WallLayout layout) {
        if (!config.randomLayout()) {
            return xy;
        }
        return new double[] {xy[0], xy[1], layout.wallX(), layout.doorLo(), layout.doorHi()};
    }

    @Override
    protected void validateState(String field, double[] s) {
        List<String> names = spec().stateNames();
        WallLayout layout = layout(s);
        if (config.randomLayout()) {
            try {
                WallConfig.validateLayout("layout", layout, config.wallWidth(), config.dotRadius());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + "[2..4] (wall_x, door_lo, door_hi): " + e.getMessage(), e);
            }
        }
        double r = config.dotRadius();
        StateChecks.requireRange(field, s, 0, names, r, WallConfig.CANVAS - r);
        StateChecks.requireRange(field, s, 1, names, r, WallConfig.CANVAS - r);
        if (!geometry(layout).isFree(s[0], s[1])) {
            throw new IllegalArgumentException(field + "[0..1] (x, y): expected a position clear of the wall (dot radius "
                    + r + "), got (" + s[0] + ", " + s[1] + ") against a wall at x " + layout.wallX());
        }
    }

    @Override
    protected void validatePair(double[] s, double[] g) {
        if (config.randomLayout() && !layout(s).equals(layout(g))) {
            throw new IllegalArgumentException("goal[2..4] (wall_x, door_lo, door_hi): expected the state's layout "
                    + layout(s) + ", got " + layout(g));
        }
    }

    @Override
    protected double[] advance(double[] s, double[] action) {
        WallLayout layout = layout(s);
        double[] xy = geometry(layout).move(s[0], s[1], 2 * action[0], 2 * action[1]);
        double[] next = s.clone();
        next[0] = xy[0];
        next[1] = xy[1];
        return next;
    }

    @Override
    protected double distance(double[] s, double[] g) {
        return Math.hypot(s[0] - g[0], s[1] - g[1]);
    }

    @Override
    protected float[] proprioOf(double[] s) {
        return new float[] {(float) s[0], (float) s[1]};
    }

    @Override
    protected Frame draw(double[] s) {
        return renderer.render(s[0], s[1], layout(s));
    }

    private WallGeometry geometry(WallLayout layout) {
        if (!layout.equals(geometryLayout)) {
            geometry = new WallGeometry(layout, config.wallWidth(), config.dotRadius());
            geometryLayout = layout;
        }
        return geometry;
    }
}
