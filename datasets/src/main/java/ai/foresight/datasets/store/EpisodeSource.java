package ai.foresight.datasets.store;

import java.io.IOException;

/** Random access to the episodes of a dataset, all of one {@link EpisodeLayout}. */
public interface EpisodeSource {

    /** Number of episodes. */
    int size();

    /** The shape every episode has. */
    EpisodeLayout layout();

    /** Episode {@code i}, 0 &lt;= i &lt; size(). */
    Episode episode(int i) throws IOException;
}
