package kata.support;

/** Whether an error message names a shape, written "4×1" (Shapes.of), "4x1" or "[4, 1]" (ND4J's way). */
public final class ShapeText {
    private ShapeText() {
    }

    public static boolean names(String message, long rows, long cols) {
        if (message == null) {
            return false;
        }
        return message.contains(rows + "×" + cols) || message.contains(rows + "x" + cols)
                || message.contains("[" + rows + ", " + cols + "]") || message.contains("[" + rows + "," + cols + "]");
    }

    public static boolean namesBoth(String message, long r1, long c1, long r2, long c2) {
        return names(message, r1, c1) && names(message, r2, c2);
    }
}
