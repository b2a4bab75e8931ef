package backprop.grader;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Result lines from an exercise's JVM to the grader, authenticated with HMAC-SHA256 under a key
 * the grader hands the runner on stdin before any learner class loads. A line the learner's code
 * prints, or a file it writes, cannot carry a valid tag, so nothing it does forges a result.
 */
public final class Signed {
    /** Marks a signed line; searched anywhere in a line, since learner output may precede it. */
    public static final String MARK = "#kata-signed:";

    private Signed() {
    }

    public static byte[] newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** One line: the mark, a sequence number, the fields (each Base64), and the tag over all of it. */
    public static String line(byte[] key, long seq, String... fields) {
        StringBuilder body = new StringBuilder().append(seq);
        for (String f : fields) {
            body.append(' ').append(Base64.getEncoder().encodeToString(f.getBytes(StandardCharsets.UTF_8)));
        }
        return MARK + body + " " + HexFormat.of().formatHex(tag(key, body.toString()));
    }

    /** The fields of a signed line whose tag is right and whose sequence number is {@code expectedSeq}; null otherwise. */
    public static List<String> read(byte[] key, String line, long expectedSeq) {
        int at = line.indexOf(MARK);
        if (at < 0) {
            return null;
        }
        String rest = line.substring(at + MARK.length()).trim();
        int lastSpace = rest.lastIndexOf(' ');
        if (lastSpace < 0) {
            return null;
        }
        String body = rest.substring(0, lastSpace);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(rest.substring(lastSpace + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!MessageDigest.isEqual(given, tag(key, body))) {
            return null;
        }
        String[] parts = body.split(" ", -1);
        if (!parts[0].equals(Long.toString(expectedSeq))) {
            return null; // replayed or reordered: only the runner's next line counts
        }
        List<String> fields = new ArrayList<>();
        for (int i = 1; i < parts.length; i++) {
            fields.add(new String(Base64.getDecoder().decode(parts[i]), StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static byte[] tag(byte[] key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
