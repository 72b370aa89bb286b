package ai.foresight.datasets.shift;

/** Seed mixing for the shifts: SplitMix64's finaliser applied to combined inputs. */
final class ShiftSeeds {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private ShiftSeeds() {}

    /** A well-spread 64-bit seed derived from two inputs; different pairs give unrelated seeds. */
    static long mix(long a, long b) {
        return finalise(a + finalise(b + GOLDEN));
    }

    private static long finalise(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** An RGB colour (packed 0xRRGGBB) from hue in [0, 1), saturation and value in [0, 1]. */
    static int hsv(double h, double s, double v) {
        double hh = (h - Math.floor(h)) * 6;
        int sector = (int) hh;
        double f = hh - sector;
        double p = v * (1 - s);
        double q = v * (1 - s * f);
        double t = v * (1 - s * (1 - f));
        double r;
        double g;
        double b;
        switch (sector) {
            case 0 -> { r = v; g = t; b = p; }
            case 1 -> { r = q; g = v; b = p; }
            case 2 -> { r = p; g = v; b = t; }
            case 3 -> { r = p; g = q; b = v; }
            case 4 -> { r = t; g = p; b = v; }
            default -> { r = v; g = p; b = q; }
        }
        return (int) Math.round(r * 255) << 16 | (int) Math.round(g * 255) << 8 | (int) Math.round(b * 255);
    }
}
