package ai.foresight.encoders;

import ai.foresight.datasets.image.Frame;
import java.util.ArrayList;
import java.util.List;

/** A {@link FrameSource} over episodes held in memory, its checksum a SHA-256 of every frame's pixels. */
final class InMemoryFrameSource implements FrameSource {
    private final List<List<Frame>> episodes;
    private final String checksum;

    InMemoryFrameSource(List<List<Frame>> episodes) {
        if (episodes == null || episodes.isEmpty()) {
            throw new IllegalArgumentException("episodes: expected at least one episode, got none");
        }
        List<List<Frame>> copy = new ArrayList<>();
        EncoderFingerprint fingerprint = new EncoderFingerprint();
        for (int e = 0; e < episodes.size(); e++) {
            List<Frame> frames = episodes.get(e);
            if (frames == null || frames.isEmpty()) {
                throw new IllegalArgumentException("episodes[" + e + "]: expected at least one frame, got none");
            }
            fingerprint.add("episode " + e);
            for (Frame f : frames) {
                fingerprint.add(f.height() + "x" + f.width()).add(f.data());
            }
            copy.add(List.copyOf(frames));
        }
        this.episodes = List.copyOf(copy);
        this.checksum = fingerprint.id("frames");
    }

    @Override
    public String checksum() {
        return checksum;
    }

    @Override
    public int episodes() {
        return episodes.size();
    }

    @Override
    public int length(int episode) {
        return episodes.get(episode).size();
    }

    @Override
    public Frame frame(int episode, int t) {
        return episodes.get(episode).get(t);
    }

    @Override
    public List<Frame> frames(int episode) {
        return episodes.get(episode);
    }
}
