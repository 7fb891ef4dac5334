package health.cms.admin.translation;

import java.util.ArrayList;
import java.util.List;

/** Splits Markdown at its level-2 headings, so a translation can be read beside its source section by section. */
final class Sections {

    private Sections() {
    }

    /** The sections of both texts side by side, by position; the shorter side is padded with empty sections. */
    static List<TranslationDesk.SectionPair> pair(String source, String translation) {
        List<String[]> left = split(source);
        List<String[]> right = split(translation);
        List<TranslationDesk.SectionPair> pairs = new ArrayList<>();
        for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
            String[] l = i < left.size() ? left.get(i) : new String[]{"", ""};
            String[] r = i < right.size() ? right.get(i) : new String[]{"", ""};
            pairs.add(new TranslationDesk.SectionPair(l[0], l[1], r[0], r[1]));
        }
        return pairs;
    }

    /** Heading and text of each section; text before the first heading is a section without a heading. */
    static List<String[]> split(String markdown) {
        List<String[]> sections = new ArrayList<>();
        String heading = "";
        StringBuilder text = new StringBuilder();
        for (String line : (markdown == null ? "" : markdown).split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (!heading.isEmpty() || !text.toString().isBlank()) {
                    sections.add(new String[]{heading, text.toString().strip()});
                }
                heading = line.substring(3).strip();
                text.setLength(0);
            } else {
                text.append(line).append('\n');
            }
        }
        if (!heading.isEmpty() || !text.toString().isBlank()) {
            sections.add(new String[]{heading, text.toString().strip()});
        }
        return sections;
    }
}
