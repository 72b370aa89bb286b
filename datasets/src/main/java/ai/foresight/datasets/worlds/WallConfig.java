package ai.foresight.datasets.worlds;

/**
 * Settings of the Wall world and its WallRandom variant (DINO-WM's 2-D navigation suite). Lengths are
 * in units of a 64-pixel canvas whatever the rendered frame size, so one configuration describes the
 * same world at every resolution.
 *
 * @param size rendered frame height and width in pixels (at least 8)
 * @param randomLayout false for {@code wall} (fixed layout), true for {@code wall-random} (wall x and
 *     door sampled at every reset and carried in the state vector)
 * @param dotSigma standard deviation of the agent's Gaussian blob (1.7 as in DINO-WM)
 * @param dotRadius collision radius of the dot: its centre stays this far from walls and the border
 * @param wallWidth thickness of the vertical wall
 * @param fixedLayout the layout of {@code wall}; also the layout a fresh {@code wall-random} starts with
 * @param wallXMin smallest sampled wall centre x ({@code wall-random})
 * @param wallXMax largest sampled wall centre x ({@code wall-random})
 * @param doorWidthMin narrowest sampled door ({@code wall-random})
 * @param doorWidthMax widest sampled door ({@code wall-random})
 * @param doorMargin closest a sampled door comes to the top or bottom border ({@code wall-random})
 * @param actionBound actions are clipped to [-actionBound, actionBound]^2; the dot moves 2 * action
 * @param successRadius success when |xy - goal xy| is below this (4.5)
 * @param otherSideProbability chance that a sampled goal lies across the wall from the start
 */
public record WallConfig(
        int size,
        boolean randomLayout,
        double dotSigma,
        double dotRadius,
        double wallWidth,
        WallLayout fixedLayout,
        double wallXMin,
        double wallXMax,
        double doorWidthMin,
        double doorWidthMax,
        double doorMargin,
        double actionBound,
        double successRadius,
        double otherSideProbability) {

    /** Side of the square canvas that world coordinates refer to. */
    public static final double CANVAS = 64.0;

    public WallConfig {
        if (size < 8) {
            throw new IllegalArgumentException("size: expected at least 8 pixels, got " + size);
        }
        requirePositive("dotSigma", dotSigma);
        requirePositive("wallWidth", wallWidth);
        requirePositive("actionBound", actionBound);
        requirePositive("successRadius", successRadius);
        if (!(dotRadius >= 0 && dotRadius < 8)) {
            throw new IllegalArgumentException("dotRadius: expected 0..8, got " + dotRadius);
        }
        if (fixedLayout == null) {
            throw new IllegalArgumentException("fixedLayout: expected a layout, got null");
        }
        if (!(wallXMin <= wallXMax)) {
            throw new IllegalArgumentException("wallXMin..wallXMax: expected min <= max, got " + wallXMin + ".." + wallXMax);
        }
        if (!(doorWidthMin <= doorWidthMax) || doorWidthMin <= 2 * dotRadius) {
            throw new IllegalArgumentException("doorWidthMin..doorWidthMax: expected 2*dotRadius < min <= max, got "
                    + doorWidthMin + ".." + doorWidthMax);
        }
        if (!(doorMargin >= 0 && 2 * doorMargin + doorWidthMax < CANVAS)) {
            throw new IllegalArgumentException("doorMargin: expected 0 <= margin and 2*margin + doorWidthMax < 64, got "
                    + doorMargin);
        }
        if (!(otherSideProbability >= 0 && otherSideProbability <= 1)) {
            throw new IllegalArgumentException("otherSideProbability: expected 0..1, got " + otherSideProbability);
        }
        validateLayout("fixedLayout", fixedLayout, wallWidth, dotRadius);
        validateLayout("wallXMin", new WallLayout(wallXMin, 20, 40), wallWidth, dotRadius);
        validateLayout("wallXMax", new WallLayout(wallXMax, 20, 40), wallWidth, dotRadius);
    }

    /** {@code wall}: wall centred at x = 32, 3 wide, door y in [26, 38]. */
    public static WallConfig wall(int size) {
        return new WallConfig(size, false, 1.7, 1.5, 3.0, new WallLayout(32, 26, 38), 20, 44, 10, 16, 8, 2.0, 4.5, 0.5);
    }

    /** {@code wall-random}: wall centre x in [20, 44], door 10..16 wide, at least 8 from the borders. */
    public static WallConfig wallRandom(int size) {
        return new WallConfig(size, true, 1.7, 1.5, 3.0, new WallLayout(32, 26, 38), 20, 44, 10, 16, 8, 2.0, 4.5, 0.5);
    }

    /** {@code wall} at 64 px. */
    public static WallConfig defaults() {
        return wall(64);
    }

    /** {@code wall} at 16 px, for fast tests. */
    public static WallConfig tiny() {
        return wall(16);
    }

    /** The world id these settings describe. */
    public String id() {
        return randomLayout ? "wall-random" : "wall";
    }

    private static void requirePositive(String name, double v) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException(name + ": expected a positive finite number, got " + v);
        }
    }

    /** Both sides of the wall leave room for the dot, and the door lets it through. */
    static void validateLayout(String field, WallLayout l, double wallWidth, double dotRadius) {
        double left = l.wallX() - wallWidth / 2 - dotRadius;
        double right = l.wallX() + wallWidth / 2 + dotRadius;
        if (!(left > dotRadius + 1 && right < CANVAS - dotRadius - 1)) {
            throw new IllegalArgumentException(field + ": wall x " + l.wallX() + " leaves no room on one side");
        }
        if (!(l.doorLo() >= 0 && l.doorHi() <= CANVAS && l.doorHi() - l.doorLo() > 2 * dotRadius)) {
            throw new IllegalArgumentException(field + ": expected 0 <= door_lo, door_hi <= 64 and a door wider than "
                    + 2 * dotRadius + ", got " + l.doorLo() + ".." + l.doorHi());
        }
    }
}
