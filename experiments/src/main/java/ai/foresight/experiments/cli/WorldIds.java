package ai.foresight.experiments.cli;

import ai.foresight.datasets.worlds.Worlds;
import java.util.Iterator;

/** The built-in world ids, for picocli's help text and shell completion. */
final class WorldIds implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Worlds.ids().iterator();
    }
}
