package ai.foresight.datasets.worlds;

import java.util.random.RandomGenerator;

/**
 * Where the wall stands and where its door opens, in 64-px canvas units: a vertical wall centred at
 * {@code wallX}, solid for y below {@code doorLo} and above {@code doorHi}.
 */
public record WallLayout(double wallX, double doorLo, double doorHi) {

    /** Samples a WallRandom layout from the ranges in {@code config}. */
    static WallLayout sample(RandomGenerator random, WallConfig config) {
        double wallX = uniform(random, config.wallXMin(), config.wallXMax());
        double width = uniform(random, config.doorWidthMin(), config.doorWidthMax());
        double lo = uniform(random, config.doorMargin(), WallConfig.CANVAS - config.doorMargin() - width);
        return new WallLayout(wallX, lo, lo + width);
    }

    private static double uniform(RandomGenerator random, double lo, double hi) {
        return lo == hi ? lo : lo + (hi - lo) * random.nextDouble();
    }
}
