package ai.foresight.server.spi;

/**
 * A goal the backend has already encoded (for example the goal frame's patch features), opaque to the server.
 *
 * <p>The server keeps each handle in its goal registry and calls {@link #close()} exactly once, after the goal was
 * deleted or expired and no plan is using it any more, so a backend can free native memory (DJL arrays) there.
 */
public interface GoalHandle extends AutoCloseable {

    /** Frees what the handle holds. The default holds nothing. */
    @Override
    default void close() {
    }
}
