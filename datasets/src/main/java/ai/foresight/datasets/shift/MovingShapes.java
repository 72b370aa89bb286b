package ai.foresight.datasets.shift;

import ai.foresight.datasets.image.Frame;
import java.util.SplittableRandom;

/**
 * Coloured discs and squares gliding behind the scene at constant velocity, bouncing off the frame
 * edges: motion that correlates with nothing the agent does. Each episode draws new shapes, colours
 * and paths; the position at step t is computed in closed form (a triangle wave), so any step can be
 * rendered directly.
 */
public final class MovingShapes extends BackgroundDistractor<MovingShapes.Config> {
    /** The id in {@link Shifts}. */
    public static final String ID = "shapes";

    /**
     * @param count number of shapes
     * @param minRadius smallest radius as a fraction of the frame's shorter side
     * @param maxRadius largest radius as a fraction of the frame's shorter side
     * @param maxSpeed largest speed in frame sizes per step
     */
    public record Config(int count, double minRadius, double maxRadius, double maxSpeed) {
        public Config {
            if (count < 1 || count > 64) {
                throw new IllegalArgumentException("count: expected 1..64 shapes, got " + count);
            }
            if (!(minRadius > 0 && minRadius <= maxRadius && maxRadius <= 1)) {
                throw new IllegalArgumentException("radius: expected 0 < minRadius <= maxRadius <= 1, got "
                        + minRadius + ", " + maxRadius);
            }
            if (!(maxSpeed >= 0 && maxSpeed <= 1)) {
                throw new IllegalArgumentException("maxSpeed: expected 0..1 frame sizes per step, got " + maxSpeed);
            }
        }

        /** Four shapes of 6-14 % of the frame, up to 4 % of the frame per step. */
        public static Config defaults() {
            return new Config(4, 0.06, 0.14, 0.04);
        }
    }

    private double[] x0;
    private double[] y0;
    private double[] vx;
    private double[] vy;
    private double[] radius;
    private boolean[] square;
    private int[] colour;

    public MovingShapes(Config config, long seed) {
        super(ID, config, seed);
    }

    @Override
    void drawEpisode(SplittableRandom r, int height, int width) {
        int n = config.count();
        x0 = new double[n];
        y0 = new double[n];
        vx = new double[n];
        vy = new double[n];
        radius = new double[n];
        square = new boolean[n];
        colour = new int[n];
        int side = Math.min(height, width);
        for (int i = 0; i < n; i++) {
            x0[i] = r.nextDouble() * width;
            y0[i] = r.nextDouble() * height;
            double angle = r.nextDouble() * 2 * Math.PI;
            double speed = (0.3 + 0.7 * r.nextDouble()) * config.maxSpeed() * side;
            vx[i] = speed * Math.cos(angle);
            vy[i] = speed * Math.sin(angle);
            radius[i] = (config.minRadius() + r.nextDouble() * (config.maxRadius() - config.minRadius())) * side;
            square[i] = r.nextBoolean();
            colour[i] = ShiftSeeds.hsv(r.nextDouble(), 0.6 + 0.4 * r.nextDouble(), 0.6 + 0.4 * r.nextDouble());
        }
    }

    /** Position along one axis after bouncing between 0 and {@code length}. */
    static double bounce(double p, double length) {
        double period = 2 * length;
        double m = p - Math.floor(p / period) * period;
        return m > length ? period - m : m;
    }

    /** Number of shapes in every episode. */
    public int count() {
        return config.count();
    }

    /**
     * Where the shapes are at {@code step} of the current episode: their centres as
     * {@code [x0, y0, x1, y1, ...]} in fractions of the frame's width and height (0 = left/top edge,
     * 1 = right/bottom edge), in drawing order. The ground truth a probe of distractor information
     * predicts; a shape hidden behind the scene still has a centre.
     *
     * @throws IllegalStateException before the first {@code reset}
     */
    public double[] centres(int step) {
        if (x0 == null) {
            throw new IllegalStateException("MovingShapes.centres: call reset(episodeSeed, height, width) first");
        }
        int height = episode().height();
        int width = episode().width();
        double[] out = new double[2 * x0.length];
        for (int i = 0; i < x0.length; i++) {
            out[2 * i] = bounce(x0[i] + vx[i] * step, width - 1) / (width - 1);
            out[2 * i + 1] = bounce(y0[i] + vy[i] * step, height - 1) / (height - 1);
        }
        return out;
    }

    @Override
    public void apply(Frame frame, BackgroundMask background, int step) {
        int height = episode().height();
        int width = episode().width();
        for (int i = 0; i < x0.length; i++) {
            double cx = bounce(x0[i] + vx[i] * step, width - 1);
            double cy = bounce(y0[i] + vy[i] * step, height - 1);
            double rad = radius[i];
            int xa = Math.max(0, (int) Math.floor(cx - rad));
            int xb = Math.min(width - 1, (int) Math.ceil(cx + rad));
            int ya = Math.max(0, (int) Math.floor(cy - rad));
            int yb = Math.min(height - 1, (int) Math.ceil(cy + rad));
            for (int y = ya; y <= yb; y++) {
                for (int x = xa; x <= xb; x++) {
                    double dx = x - cx;
                    double dy = y - cy;
                    boolean inside = square[i] ? Math.abs(dx) <= rad && Math.abs(dy) <= rad : dx * dx + dy * dy <= rad * rad;
                    if (inside) {
                        paintBehind(frame, background, y, x, colour[i]);
                    }
                }
            }
        }
    }
}
