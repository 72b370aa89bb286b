package ai.foresight.datasets.worlds;

/**
 * The T block as two rectangles in a body frame whose origin is the T's centre of mass (uniform
 * density): the bar ({@code barLength} x {@code barThickness}) on top, the stem ({@code stemWidth} x
 * {@code stemLength}) below it, along +y. A pose (x, y, angle) places the body frame in the world:
 * world = R(angle) * local + (x, y), with R the usual rotation matrix.
 */
public final class TBlockShape {
    /** Each rectangle as {xMin, yMin, xMax, yMax} in the body frame: bar first, then stem. */
    private final double[][] rects;

    public TBlockShape(PushTConfig c) {
        double barArea = c.barLength() * c.barThickness();
        double stemArea = c.stemWidth() * c.stemLength();
        double barCentre = c.barThickness() / 2;
        double stemCentre = c.barThickness() + c.stemLength() / 2;
        double com = (barArea * barCentre + stemArea * stemCentre) / (barArea + stemArea);
        double top = -com;
        this.rects = new double[][] {
            {-c.barLength() / 2, top, c.barLength() / 2, top + c.barThickness()},
            {-c.stemWidth() / 2, top + c.barThickness(), c.stemWidth() / 2, top + c.barThickness() + c.stemLength()}
        };
    }

    /** The rectangles in the body frame, each {xMin, yMin, xMax, yMax}. */
    public double[][] localRects() {
        return new double[][] {rects[0].clone(), rects[1].clone()};
    }

    /** Vertices of each rectangle placed at pose (x, y, angle): {@code [k][0]} xs and {@code [k][1]} ys of rectangle k. */
    public double[][][] worldPolygons(double x, double y, double angle) {
        return worldPolygons(x, y, angle, 1.0);
    }

    /** As {@link #worldPolygons(double, double, double)} with the body frame scaled by {@code scale} (e.g. to pixels). */
    public double[][][] worldPolygons(double x, double y, double angle, double scale) {
        double cos = Math.cos(angle) * scale, sin = Math.sin(angle) * scale;
        double[][][] out = new double[rects.length][2][4];
        for (int k = 0; k < rects.length; k++) {
            double[] r = rects[k];
            double[] lx = {r[0], r[2], r[2], r[0]};
            double[] ly = {r[1], r[1], r[3], r[3]};
            for (int v = 0; v < 4; v++) {
                out[k][0][v] = x + cos * lx[v] - sin * ly[v];
                out[k][1][v] = y + sin * lx[v] + cos * ly[v];
            }
        }
        return out;
    }

    /** Distance from world point (px, py) to the T at pose (x, y, angle); 0 inside. */
    public double distance(double px, double py, double x, double y, double angle) {
        double[] l = toLocal(px, py, x, y, angle);
        double best = Double.POSITIVE_INFINITY;
        for (double[] r : rects) {
            double dx = Math.max(Math.max(r[0] - l[0], 0), l[0] - r[2]);
            double dy = Math.max(Math.max(r[1] - l[1], 0), l[1] - r[3]);
            best = Math.min(best, Math.hypot(dx, dy));
        }
        return best;
    }

    /**
     * How far along the world direction (ux, uy) (a unit vector) the line through world point (px, py)
     * last leaves the T at pose (x, y, angle): the largest t with (px, py) + t * u inside, or NaN when
     * the line misses the T. Negative t lies behind the point.
     */
    public double lastExit(double px, double py, double ux, double uy, double x, double y, double angle) {
        double[] o = toLocal(px, py, x, y, angle);
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double dx = cos * ux + sin * uy;
        double dy = -sin * ux + cos * uy;
        double best = Double.NaN;
        for (double[] r : rects) {
            double enter = Double.NEGATIVE_INFINITY, exit = Double.POSITIVE_INFINITY;
            double[] p = {o[0], o[1]};
            double[] d = {dx, dy};
            boolean miss = false;
            for (int axis = 0; axis < 2 && !miss; axis++) {
                double lo = r[axis], hi = r[axis + 2];
                if (Math.abs(d[axis]) < 1e-12) {
                    miss = p[axis] < lo || p[axis] > hi;
                    continue;
                }
                double t1 = (lo - p[axis]) / d[axis], t2 = (hi - p[axis]) / d[axis];
                enter = Math.max(enter, Math.min(t1, t2));
                exit = Math.min(exit, Math.max(t1, t2));
            }
            if (!miss && enter <= exit && (Double.isNaN(best) || exit > best)) {
                best = exit;
            }
        }
        return best;
    }

    /** Radius of the smallest disc about the centre of mass that holds the T. */
    public double boundingRadius() {
        double best = 0;
        for (double[] r : rects) {
            for (double cx : new double[] {r[0], r[2]}) {
                for (double cy : new double[] {r[1], r[3]}) {
                    best = Math.max(best, Math.hypot(cx, cy));
                }
            }
        }
        return best;
    }

    private static double[] toLocal(double px, double py, double x, double y, double angle) {
        double cos = Math.cos(angle), sin = Math.sin(angle);
        double dx = px - x, dy = py - y;
        return new double[] {cos * dx + sin * dy, -sin * dx + cos * dy};
    }
}
