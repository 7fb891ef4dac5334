package health.cms.core.readability;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds English sentences in the passive voice: a form of "to be", at most two adverbs, then a past
 * participle ("is caused", "were not given", "has been widely prescribed"). A hint for the writer, so it
 * leans towards finding too few: adjectives that look like participles ("is tired") are flagged as well,
 * which a writer can ignore.
 */
final class PassiveVoice {

    private static final Set<String> BE = Set.of("am", "is", "are", "was", "were", "be", "been", "being",
            "isn't", "aren't", "wasn't", "weren't", "it's", "that's", "there's");
    /** Irregular participles common in health writing; regular ones end in "-ed". */
    private static final Set<String> IRREGULAR = Set.of("given", "taken", "known", "seen", "shown", "done",
            "made", "found", "told", "thought", "brought", "caught", "kept", "left", "held", "written",
            "driven", "chosen", "spoken", "broken", "worn", "born", "borne", "drawn", "grown", "built", "sent",
            "spent", "put", "set", "cut", "hit", "hurt", "paid", "said", "sold", "taught", "felt", "meant",
            "bitten", "eaten", "forgotten", "hidden", "swollen", "frozen", "beaten", "understood", "led", "fed",
            "bled", "spread", "overseen", "undertaken", "withdrawn", "prescribed");
    /** Words that may sit between the verb and the participle without breaking the pattern. */
    private static final Set<String> BETWEEN = Set.of("not", "never", "also", "often", "usually", "always",
            "sometimes", "rarely", "still", "then", "only", "now", "already", "generally", "typically");

    private PassiveVoice() {
    }

    static boolean in(String sentence) {
        List<String> words = Prose.words(sentence.toLowerCase(Locale.ROOT).replace('’', '\''));
        for (int i = 0; i < words.size(); i++) {
            if (!BE.contains(words.get(i))) {
                continue;
            }
            int j = i + 1;
            while (j < words.size() && j - i <= 2 && isBetween(words.get(j))) {
                j++;
            }
            if (j < words.size() && isParticiple(words.get(j))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBetween(String word) {
        return BETWEEN.contains(word) || word.endsWith("ly") && word.length() > 4;
    }

    private static boolean isParticiple(String word) {
        return IRREGULAR.contains(word) || word.length() > 4 && word.endsWith("ed") && !word.equals("need")
                && !word.endsWith("eed");
    }
}
