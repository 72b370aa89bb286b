package ai.foresight.datasets.worlds;

/**
 * Collision geometry of one Wall layout, seen from the dot's centre: the canvas shrunk by the dot's
 * radius, minus the two solid wall pieces grown by that radius (open boxes, so touching a face is
 * allowed).
 *
 * <p>Motion is resolved by segment casting: the dot travels the straight segment of its displacement
 * and stops just short (1e-7 units along the face normal) of the first face it would cross, with no
 * sliding. The path of every step is therefore exactly the segment between two consecutive states,
 * and no step can tunnel through the wall, however large the displacement.
 */
final class WallGeometry {
    private static final double BACKOFF = 1e-7;
    private static final double FAR = 1e6;

    private final double lo;
    private final double hi;
    private final double[][] boxes;

    WallGeometry(WallLayout layout, double wallWidth, double dotRadius) {
        this.lo = dotRadius;
        this.hi = WallConfig.CANVAS - dotRadius;
        double x0 = layout.wallX() - wallWidth / 2 - dotRadius;
        double x1 = layout.wallX() + wallWidth / 2 + dotRadius;
        this.boxes = new double[][] {
            {x0, -FAR, x1, layout.doorLo() + dotRadius},
            {x0, layout.doorHi() - dotRadius, x1, FAR}
        };
    }

    /** Whether the dot may sit with its centre at (x, y). */
    boolean isFree(double x, double y) {
        if (x < lo || x > hi || y < lo || y > hi) {
            return false;
        }
        for (double[] b : boxes) {
            if (x > b[0] && x < b[2] && y > b[1] && y < b[3]) {
                return false;
            }
        }
        return true;
    }

    /** Where a dot at (x, y) ends after trying to move by (dx, dy). */
    double[] move(double x, double y, double dx, double dy) {
        double t = 1.0;
        t = Math.min(t, exitTime(x, dx));
        t = Math.min(t, exitTime(y, dy));
        for (double[] b : boxes) {
            t = Math.min(t, stopTime(b, x, y, dx, dy));
        }
        double nx = Math.max(lo, Math.min(hi, x + t * dx));
        double ny = Math.max(lo, Math.min(hi, y + t * dy));
        return new double[] {nx, ny};
    }

    /** Fraction of the displacement after which the centre leaves the closed range [lo, hi]. */
    private double exitTime(double p, double d) {
        if (d > 0) {
            return Math.max(0.0, (hi - p) / d);
        }
        if (d < 0) {
            return Math.max(0.0, (lo - p) / d);
        }
        return 1.0;
    }

    /** Fraction of the displacement to travel before box {@code b}, 1 when the segment misses it. */
    private static double stopTime(double[] b, double x, double y, double dx, double dy) {
        double enter = Double.NEGATIVE_INFINITY;
        double exit = Double.POSITIVE_INFINITY;
        double normalSpeed = 0;
        double[] p = {x, y};
        double[] d = {dx, dy};
        for (int axis = 0; axis < 2; axis++) {
            double min = b[axis];
            double max = b[axis + 2];
            if (d[axis] == 0) {
                if (!(p[axis] > min && p[axis] < max)) {
                    return 1.0;
                }
                continue;
            }
            double t1 = (min - p[axis]) / d[axis];
            double t2 = (max - p[axis]) / d[axis];
            if (t1 > t2) {
                double s = t1;
                t1 = t2;
                t2 = s;
            }
            if (t1 > enter) {
                enter = t1;
                normalSpeed = Math.abs(d[axis]);
            }
            exit = Math.min(exit, t2);
        }
        if (enter >= exit || exit <= 0 || enter >= 1) {
            return 1.0;
        }
        if (enter < 0) {
            return 0.0; // starts inside (cannot happen from a valid state): stay put
        }
        return Math.max(0.0, enter - BACKOFF / normalSpeed);
    }
}
