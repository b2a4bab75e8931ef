package backprop.grader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A test's name as a sentence: gradientsAreRightOnRandomTwoLayerNetworks → "gradients are right on random two layer networks". */
final class TestNames {
    private TestNames() {
    }

    /** The display name when a test sets one (@DisplayName), otherwise the method name in words. */
    static String sentence(String method, String displayName) {
        if (displayName != null && !displayName.startsWith(method + "(") && !displayName.equals(method)) {
            return displayName;
        }
        List<String> words = new ArrayList<>();
        for (String w : method.replace('_', ' ').split("(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])| ")) {
            if (w.isEmpty()) {
                continue;
            }
            // An acronym (XOR, SGD) keeps its capitals; a word's first capital does not.
            boolean acronym = w.length() > 1 && w.chars().filter(Character::isLetter).allMatch(Character::isUpperCase);
            words.add(acronym ? w : w.toLowerCase(Locale.ROOT));
        }
        return String.join(" ", words);
    }
}
