package ai.foresight.datasets.env;

import ai.foresight.datasets.image.Frame;
import java.util.Arrays;

/**
 * What a robot senses at one instant: a camera frame and a proprio vector.
 *
 * @param frame RGB frame, (H, W, 3) uint8
 * @param proprio proprioceptive readings, e.g. the agent's position
 */
public record Observation(Frame frame, float[] proprio) {

    public Observation {
        if (frame == null) {
            throw new IllegalArgumentException("frame: expected an RGB frame, got null");
        }
        if (proprio == null) {
            throw new IllegalArgumentException("proprio: expected a vector (possibly empty), got null");
        }
    }

    @Override
    public String toString() {
        return "Observation[frame " + frame.height() + "x" + frame.width() + ", proprio " + Arrays.toString(proprio) + "]";
    }
}
