package ai.foresight.encoders;

import ai.foresight.datasets.image.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Read access to the frames of a dataset, episode by episode, with a checksum that changes whenever
 * the frames do. Encoders' consumers (pretraining, the feature cache) read frames only through it, so
 * they do not depend on how a dataset is stored.
 */
public interface FrameSource {

    /** Identifies the content: equal checksums mean equal frames (e.g. the dataset's own checksum). */
    String checksum();

    /** Number of episodes. */
    int episodes();

    /** Frames in {@code episode}. */
    int length(int episode);

    /** Frame {@code t} of {@code episode}. */
    Frame frame(int episode, int t);

    /** Every frame of {@code episode}, in order; sources that read whole episodes should override it. */
    default List<Frame> frames(int episode) {
        List<Frame> out = new ArrayList<>(length(episode));
        for (int t = 0; t < length(episode); t++) {
            out.add(frame(episode, t));
        }
        return out;
    }

    /** Frames across all episodes. */
    default long totalFrames() {
        long n = 0;
        for (int e = 0; e < episodes(); e++) {
            n += length(e);
        }
        return n;
    }

    /** Episodes held in memory; the checksum hashes every pixel. */
    static FrameSource of(List<List<Frame>> episodes) {
        return new InMemoryFrameSource(episodes);
    }
}
