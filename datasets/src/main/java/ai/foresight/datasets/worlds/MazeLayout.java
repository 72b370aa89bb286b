package ai.foresight.datasets.worlds;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A grid maze of unit cells: cell (row, col) covers x in [col, col+1], y in [row, row+1] (y grows
 * downwards, as in the rendered frame). Cells outside the grid count as walls.
 */
public final class MazeLayout {
    private final int[][] walls;
    private final int rows;
    private final int cols;

    /** {@code grid[row][col]} is 1 for a wall, 0 for free floor. */
    public MazeLayout(int[][] grid) {
        if (grid == null || grid.length == 0 || grid[0].length == 0) {
            throw new IllegalArgumentException("grid: expected a non-empty rows x cols array of 0/1");
        }
        this.rows = grid.length;
        this.cols = grid[0].length;
        this.walls = new int[rows][];
        for (int r = 0; r < rows; r++) {
            if (grid[r].length != cols) {
                throw new IllegalArgumentException("grid[" + r + "]: expected " + cols + " columns, got " + grid[r].length);
            }
            this.walls[r] = grid[r].clone();
        }
    }

    /** D4RL's U-maze: free cells form a U open to the left (top arm, bend on the right, bottom arm). */
    public static MazeLayout uMaze() {
        return new MazeLayout(new int[][] {
            {1, 1, 1, 1, 1},
            {1, 0, 0, 0, 1},
            {1, 1, 1, 0, 1},
            {1, 0, 0, 0, 1},
            {1, 1, 1, 1, 1}
        });
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public boolean isWall(int row, int col) {
        return row < 0 || col < 0 || row >= rows || col >= cols || walls[row][col] != 0;
    }

    /** Free cells as {row, col}, row-major. */
    public List<int[]> freeCells() {
        List<int[]> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!isWall(r, c)) {
                    out.add(new int[] {r, c});
                }
            }
        }
        return out;
    }

    /** The cell containing point (x, y), as {row, col}. */
    public int[] cellOf(double x, double y) {
        return new int[] {(int) Math.floor(y), (int) Math.floor(x)};
    }

    /** Distance from (x, y) to the nearest wall cell within {@code reach} cells; 0 inside a wall. */
    public double clearance(double x, double y, int reach) {
        int cr = (int) Math.floor(y);
        int cc = (int) Math.floor(x);
        double best = Double.POSITIVE_INFINITY;
        for (int r = cr - reach; r <= cr + reach; r++) {
            for (int c = cc - reach; c <= cc + reach; c++) {
                if (isWall(r, c)) {
                    double qx = Math.max(c, Math.min(c + 1, x));
                    double qy = Math.max(r, Math.min(r + 1, y));
                    best = Math.min(best, Math.hypot(x - qx, y - qy));
                }
            }
        }
        return best;
    }

    /** Shortest 4-connected path of free cells from {@code from} to {@code to}, both ends included; empty if none. */
    public List<int[]> path(int[] from, int[] to) {
        if (isWall(from[0], from[1]) || isWall(to[0], to[1])) {
            return List.of();
        }
        int[][] previous = new int[rows * cols][];
        boolean[] seen = new boolean[rows * cols];
        ArrayDeque<int[]> queue = new ArrayDeque<>();
        queue.add(from);
        seen[from[0] * cols + from[1]] = true;
        int[][] moves = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
        while (!queue.isEmpty()) {
            int[] cell = queue.poll();
            if (cell[0] == to[0] && cell[1] == to[1]) {
                List<int[]> out = new ArrayList<>();
                for (int[] at = cell; at != null; at = previous[at[0] * cols + at[1]]) {
                    out.add(at);
                }
                Collections.reverse(out);
                return out;
            }
            for (int[] m : moves) {
                int r = cell[0] + m[0];
                int c = cell[1] + m[1];
                if (!isWall(r, c) && !seen[r * cols + c]) {
                    seen[r * cols + c] = true;
                    previous[r * cols + c] = cell;
                    queue.add(new int[] {r, c});
                }
            }
        }
        return List.of();
    }
}
