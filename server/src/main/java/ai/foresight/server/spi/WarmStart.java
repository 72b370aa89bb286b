package ai.foresight.server.spi;

/**
 * Planner state carried from one plan of a robot to its next (typically the previous plan's mean shifted by the
 * executed chunk, and the sampling spread), opaque to the server.
 *
 * <p>The server stores the warm start a plan returns in the robot's session and passes it back as {@code previous}
 * on the session's next plan. It closes a warm start exactly once: when a newer one replaces it, when the session
 * is deleted or expires, or straight away when the request had no session. A backend may return the very object it
 * was given; the server then keeps it open.
 */
public interface WarmStart extends AutoCloseable {

    /** Frees what the warm start holds. The default holds nothing. */
    @Override
    default void close() {
    }
}
