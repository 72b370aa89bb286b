package ai.foresight.datasets.worlds;

/**
 * Anti-aliased drawing into an RGB byte buffer laid out (H, W, 3) row-major, in pixel coordinates
 * where pixel (row i, column j) covers the square [j, j+1) x [i, i+1).
 *
 * <p>Shapes blend by coverage: {@code dst = dst * (1 - c) + colour * c}. Rectangles use their exact
 * area coverage (summed over a set of disjoint rectangles), discs a one-pixel linear ramp across the rim, convex polygons (and unions of them,
 * so that the T block has no seam where its bar meets its stem) 4x4 supersampling on edge pixels
 * only. A raster wraps the caller's buffer and allocates nothing per pixel, so a world can draw
 * straight into the fresh array a returned frame owns.
 */
final class Raster {
    private static final int SUB = 4;
    private static final double HALF_DIAGONAL = Math.sqrt(0.5);

    private final byte[] rgb;
    private final int height;
    private final int width;

    Raster(byte[] rgb, int height, int width) {
        if (rgb.length != height * width * 3) {
            throw new IllegalArgumentException("rgb: expected " + height * width * 3 + " bytes, got " + rgb.length);
        }
        this.rgb = rgb;
        this.height = height;
        this.width = width;
    }

    /** Fills every pixel with one colour. */
    void fill(int[] colour) {
        for (int i = 0; i < rgb.length; i += 3) {
            rgb[i] = (byte) colour[0];
            rgb[i + 1] = (byte) colour[1];
            rgb[i + 2] = (byte) colour[2];
        }
    }

    /** Axis-aligned rectangle [x0, x1) x [y0, y1) with exact area coverage at its edges. */
    void fillRect(double x0, double y0, double x1, double y1, int[] colour) {
        int j0 = Math.max(0, (int) Math.floor(x0));
        int j1 = Math.min(width - 1, (int) Math.ceil(x1) - 1);
        int i0 = Math.max(0, (int) Math.floor(y0));
        int i1 = Math.min(height - 1, (int) Math.ceil(y1) - 1);
        for (int i = i0; i <= i1; i++) {
            double cy = overlap(i, y0, y1);
            if (cy <= 0) {
                continue;
            }
            for (int j = j0; j <= j1; j++) {
                double c = cy * overlap(j, x0, x1);
                if (c > 0) {
                    blend(i, j, colour, c);
                }
            }
        }
    }

    /**
     * Disjoint axis-aligned rectangles, each {x0, y0, x1, y1}, as one shape: their exact coverages add
     * up per pixel before a single blend, so rectangles that share an edge (maze cells) leave no seam.
     */
    void fillDisjointRects(double[][] rects, int[] colour) {
        double[] cover = new double[height * width];
        for (double[] r : rects) {
            int j0 = Math.max(0, (int) Math.floor(r[0]));
            int j1 = Math.min(width - 1, (int) Math.ceil(r[2]) - 1);
            int i0 = Math.max(0, (int) Math.floor(r[1]));
            int i1 = Math.min(height - 1, (int) Math.ceil(r[3]) - 1);
            for (int i = i0; i <= i1; i++) {
                double cy = overlap(i, r[1], r[3]);
                for (int j = j0; j <= j1; j++) {
                    cover[i * width + j] += cy * overlap(j, r[0], r[2]);
                }
            }
        }
        for (int i = 0; i < height; i++) {
            for (int j = 0; j < width; j++) {
                double c = cover[i * width + j];
                if (c > 0) {
                    blend(i, j, colour, Math.min(1.0, c));
                }
            }
        }
    }

    /** Disc of radius {@code r} centred at (cx, cy); coverage ramps linearly over one pixel at the rim. */
    void fillCircle(double cx, double cy, double r, int[] colour) {
        int j0 = Math.max(0, (int) Math.floor(cx - r - 1));
        int j1 = Math.min(width - 1, (int) Math.ceil(cx + r + 1));
        int i0 = Math.max(0, (int) Math.floor(cy - r - 1));
        int i1 = Math.min(height - 1, (int) Math.ceil(cy + r + 1));
        for (int i = i0; i <= i1; i++) {
            double dy = i + 0.5 - cy;
            for (int j = j0; j <= j1; j++) {
                double dx = j + 0.5 - cx;
                double c = r + 0.5 - Math.sqrt(dx * dx + dy * dy);
                if (c > 0) {
                    blend(i, j, colour, Math.min(1.0, c));
                }
            }
        }
    }

    /**
     * Union of convex polygons. {@code xs[k]} and {@code ys[k]} are the vertices of polygon k in
     * either winding; a pixel's coverage is the fraction of its 4x4 sub-samples inside any polygon.
     */
    void fillConvexUnion(double[][] xs, double[][] ys, int[] colour) {
        int n = xs.length;
        double[][] edges = new double[n][];
        double minX = Double.POSITIVE_INFINITY, minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            edges[k] = edgeFunctions(xs[k], ys[k]);
            for (int v = 0; v < xs[k].length; v++) {
                minX = Math.min(minX, xs[k][v]);
                maxX = Math.max(maxX, xs[k][v]);
                minY = Math.min(minY, ys[k][v]);
                maxY = Math.max(maxY, ys[k][v]);
            }
        }
        int j0 = Math.max(0, (int) Math.floor(minX));
        int j1 = Math.min(width - 1, (int) Math.ceil(maxX));
        int i0 = Math.max(0, (int) Math.floor(minY));
        int i1 = Math.min(height - 1, (int) Math.ceil(maxY));
        for (int i = i0; i <= i1; i++) {
            for (int j = j0; j <= j1; j++) {
                double c = coverage(edges, j + 0.5, i + 0.5);
                if (c > 0) {
                    blend(i, j, colour, c);
                }
            }
        }
    }

    /**
     * Adds {@code colour * exp(-d^2 / (2 sigma^2))} to every pixel within three sigmas of (cx, cy),
     * saturating at 255. The Gaussian is separable, so it costs two short 1-D tables per call.
     */
    void addGaussianBlob(double cx, double cy, double sigma, int[] colour) {
        int reach = (int) Math.ceil(3 * sigma) + 1;
        int j0 = Math.max(0, (int) Math.floor(cx) - reach);
        int j1 = Math.min(width - 1, (int) Math.floor(cx) + reach);
        int i0 = Math.max(0, (int) Math.floor(cy) - reach);
        int i1 = Math.min(height - 1, (int) Math.floor(cy) + reach);
        if (j0 > j1 || i0 > i1) {
            return;
        }
        double inv = 1.0 / (2 * sigma * sigma);
        double[] gx = new double[j1 - j0 + 1];
        for (int j = j0; j <= j1; j++) {
            double d = j + 0.5 - cx;
            gx[j - j0] = Math.exp(-d * d * inv);
        }
        for (int i = i0; i <= i1; i++) {
            double d = i + 0.5 - cy;
            double gy = Math.exp(-d * d * inv);
            for (int j = j0; j <= j1; j++) {
                double g = gy * gx[j - j0];
                int p = (i * width + j) * 3;
                for (int ch = 0; ch < 3; ch++) {
                    int v = (rgb[p + ch] & 0xFF) + (int) Math.round(colour[ch] * g);
                    rgb[p + ch] = (byte) Math.min(255, v);
                }
            }
        }
    }

    private double coverage(double[][] edges, double px, double py) {
        boolean anyPartial = false;
        for (double[] e : edges) {
            double minDistance = Double.POSITIVE_INFINITY;
            for (int k = 0; k < e.length; k += 3) {
                minDistance = Math.min(minDistance, e[k] * px + e[k + 1] * py + e[k + 2]);
            }
            if (minDistance >= HALF_DIAGONAL) {
                return 1.0;
            }
            if (minDistance > -HALF_DIAGONAL) {
                anyPartial = true;
            }
        }
        if (!anyPartial) {
            return 0.0;
        }
        int inside = 0;
        for (int sy = 0; sy < SUB; sy++) {
            double y = py - 0.5 + (sy + 0.5) / SUB;
            for (int sx = 0; sx < SUB; sx++) {
                double x = px - 0.5 + (sx + 0.5) / SUB;
                for (double[] e : edges) {
                    if (insideAll(e, x, y)) {
                        inside++;
                        break;
                    }
                }
            }
        }
        return inside / (double) (SUB * SUB);
    }

    private static boolean insideAll(double[] e, double x, double y) {
        for (int k = 0; k < e.length; k += 3) {
            if (e[k] * x + e[k + 1] * y + e[k + 2] < 0) {
                return false;
            }
        }
        return true;
    }

    /** For each edge (a, b, c) with a*x + b*y + c = signed distance, positive inside. */
    private static double[] edgeFunctions(double[] xs, double[] ys) {
        int n = xs.length;
        double area2 = 0;
        for (int v = 0; v < n; v++) {
            int w = (v + 1) % n;
            area2 += xs[v] * ys[w] - xs[w] * ys[v];
        }
        double sign = area2 >= 0 ? 1 : -1;
        double[] e = new double[3 * n];
        for (int v = 0; v < n; v++) {
            int w = (v + 1) % n;
            double ex = xs[w] - xs[v];
            double ey = ys[w] - ys[v];
            double len = Math.hypot(ex, ey);
            double a = -ey / len * sign;
            double b = ex / len * sign;
            e[3 * v] = a;
            e[3 * v + 1] = b;
            e[3 * v + 2] = -(a * xs[v] + b * ys[v]);
        }
        return e;
    }

    private static double overlap(int cell, double lo, double hi) {
        return Math.max(0.0, Math.min(cell + 1.0, hi) - Math.max(cell, lo));
    }

    private void blend(int i, int j, int[] colour, double c) {
        int p = (i * width + j) * 3;
        for (int ch = 0; ch < 3; ch++) {
            double v = (rgb[p + ch] & 0xFF) * (1 - c) + colour[ch] * c;
            rgb[p + ch] = (byte) (int) Math.round(v);
        }
    }
}
