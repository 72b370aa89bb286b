package ai.foresight.datasets.generate;

import java.util.List;

/**
 * What {@code foresight generate} asks for: a world, how many episodes of how many steps, the frame
 * size, the distractors layered over the frames and the seed everything derives from.
 *
 * @param world world id ({@code wall}, {@code wall-random}, {@code pointmaze}, {@code pusht})
 * @param episodes number of episodes, at least 1
 * @param steps steps per episode, at least 2
 * @param size frame height and width in pixels
 * @param distractors distractor and shift ids ({@code shapes}, {@code texture}, {@code tv},
 *     {@code color-shift}, {@code lighting}); empty for clean frames
 * @param seed master seed
 */
public record GenerateSpec(String world, int episodes, int steps, int size, List<String> distractors, long seed) {
    public GenerateSpec {
        if (world == null || world.isBlank()) {
            throw new IllegalArgumentException("world: expected a world id");
        }
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes: expected at least 1, got " + episodes);
        }
        if (steps < 2) {
            throw new IllegalArgumentException("steps: expected at least 2, got " + steps);
        }
        if (size < 16 || size > 512) {
            throw new IllegalArgumentException("size: expected 16..512 pixels, got " + size);
        }
        distractors = distractors == null ? List.of() : List.copyOf(distractors);
    }
}
