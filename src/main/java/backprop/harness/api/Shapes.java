package backprop.harness.api;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Writes shapes the way the kata's READMEs do: "4×3". */
public final class Shapes {
    private Shapes() {
    }

    public static String of(INDArray a) {
        if (a == null) {
            return "null";
        }
        long[] s = a.shape();
        if (s.length == 0) {
            return "scalar";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : "×").append(s[i]);
        }
        return sb.toString();
    }

    public static String of(long... s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length; i++) {
            sb.append(i == 0 ? "" : "×").append(s[i]);
        }
        return sb.toString();
    }

    public static boolean same(INDArray a, INDArray b) {
        return java.util.Arrays.equals(a.shape(), b.shape());
    }
}
