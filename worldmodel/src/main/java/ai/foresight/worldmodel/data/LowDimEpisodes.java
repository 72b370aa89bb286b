package ai.foresight.worldmodel.data;

import ai.foresight.datasets.store.Episode;
import ai.foresight.datasets.store.EpisodeLayout;
import ai.foresight.datasets.store.EpisodeSource;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * A view of a dataset without its pixels, for training on cached features: each episode is read (and
 * verified) once, and its actions, proprio, states and rewards are kept while its frames are replaced by
 * one shared blank array. A few hundred bytes per step instead of a whole frame, so every episode can stay
 * in memory and the window sampler never decodes an npz twice.
 */
final class LowDimEpisodes implements EpisodeSource {
    private final EpisodeSource source;
    private final EpisodeLayout layout;
    private final byte[] blank;
    private final Map<Integer, Episode> loaded = new HashMap<>();

    LowDimEpisodes(EpisodeSource source) {
        this.source = source;
        this.layout = source.layout();
        this.blank = new byte[Math.multiplyExact(layout.steps(), layout.height() * layout.width() * 3)];
    }

    @Override
    public int size() {
        return source.size();
    }

    @Override
    public EpisodeLayout layout() {
        return layout;
    }

    @Override
    public Episode episode(int i) throws IOException {
        Episode e = loaded.get(i);
        if (e == null) {
            Episode full = source.episode(i);
            e = new Episode(full.length(), full.height(), full.width(), blank, full.hasCleanFrames() ? blank : null,
                    full.actionDim(), full.action(), full.proprioDim(), full.proprio(), full.stateDim(), full.state(),
                    full.reward());
            loaded.put(i, e);
        }
        return e;
    }
}
