package ai.foresight.encoders;

import ai.foresight.datasets.image.Frame;
import java.util.List;

/**
 * Several frame sources read as one, their episodes in order (e.g. every built-in world's dataset for
 * pretraining one encoder). The checksum is a SHA-256 over the parts' checksums, in order.
 */
public final class ConcatenatedFrameSource implements FrameSource {
    private final List<FrameSource> parts;
    private final int[] firstEpisode;
    private final int episodes;
    private final String checksum;

    private ConcatenatedFrameSource(List<FrameSource> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("parts: expected at least one frame source, got none");
        }
        this.parts = List.copyOf(parts);
        this.firstEpisode = new int[parts.size()];
        EncoderFingerprint fp = new EncoderFingerprint().add("concatenated frame sources");
        int n = 0;
        for (int i = 0; i < parts.size(); i++) {
            firstEpisode[i] = n;
            n = Math.addExact(n, parts.get(i).episodes());
            fp.add(parts.get(i).checksum());
        }
        this.episodes = n;
        this.checksum = fp.id("frames");
    }

    /** {@code parts} as one source; a single part is returned as is. */
    public static FrameSource of(List<? extends FrameSource> parts) {
        if (parts != null && parts.size() == 1) {
            return parts.get(0);
        }
        return new ConcatenatedFrameSource(List.copyOf(parts == null ? List.of() : parts));
    }

    @Override
    public String checksum() {
        return checksum;
    }

    @Override
    public int episodes() {
        return episodes;
    }

    @Override
    public int length(int episode) {
        int p = part(episode);
        return parts.get(p).length(episode - firstEpisode[p]);
    }

    @Override
    public Frame frame(int episode, int t) {
        int p = part(episode);
        return parts.get(p).frame(episode - firstEpisode[p], t);
    }

    @Override
    public List<Frame> frames(int episode) {
        int p = part(episode);
        return parts.get(p).frames(episode - firstEpisode[p]);
    }

    private int part(int episode) {
        if (episode < 0 || episode >= episodes) {
            throw new IllegalArgumentException("episode: expected 0.." + (episodes - 1) + ", got " + episode);
        }
        int p = parts.size() - 1;
        while (firstEpisode[p] > episode) {
            p--;
        }
        return p;
    }
}
