package ai.foresight.experiments.imagine;

import ai.foresight.datasets.image.Frame;
import java.util.List;

/**
 * An open-loop imagination of a recorded episode next to what really happened.
 *
 * @param contextFrames episode frame indices of the observed context, oldest first (h of them, k apart)
 * @param targetFrames episode frame index of each imagined step (S of them, k apart, after the context)
 * @param real the real frames at {@code targetFrames}
 * @param imagined the decoder's rendering of each imagined latent frame
 * @param decodedReal the decoder's rendering of the real frames' latents (what the decoder can show at best)
 * @param latentError per step, mean squared distance between the imagined latent and the real frame's latent
 * @param copyLastError per step, the same distance for the "nothing moves" guess (the last context latent)
 */
public record ImaginedEpisode(
        int[] contextFrames,
        int[] targetFrames,
        List<Frame> real,
        List<Frame> imagined,
        List<Frame> decodedReal,
        double[] latentError,
        double[] copyLastError) {

    public ImaginedEpisode {
        int s = targetFrames.length;
        if (s == 0 || real.size() != s || imagined.size() != s || decodedReal.size() != s || latentError.length != s
                || copyLastError.length != s) {
            throw new IllegalArgumentException("steps: expected equal, non-zero counts of targets, frames and errors, got "
                    + s + ", " + real.size() + ", " + imagined.size() + ", " + decodedReal.size() + ", "
                    + latentError.length + ", " + copyLastError.length);
        }
        contextFrames = contextFrames.clone();
        targetFrames = targetFrames.clone();
        real = List.copyOf(real);
        imagined = List.copyOf(imagined);
        decodedReal = List.copyOf(decodedReal);
        latentError = latentError.clone();
        copyLastError = copyLastError.clone();
    }

    /** Imagined steps S. */
    public int steps() {
        return targetFrames.length;
    }

    @Override
    public int[] contextFrames() {
        return contextFrames.clone();
    }

    @Override
    public int[] targetFrames() {
        return targetFrames.clone();
    }

    @Override
    public double[] latentError() {
        return latentError.clone();
    }

    @Override
    public double[] copyLastError() {
        return copyLastError.clone();
    }
}
