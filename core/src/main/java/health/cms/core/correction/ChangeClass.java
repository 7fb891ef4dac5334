package health.cms.core.correction;

import java.util.Arrays;
import java.util.List;

/** How much a change to live content matters to readers, from the weakest (typo) to the strongest (clinical). */
public enum ChangeClass {

    TYPO("typo", false), LINK("link", false), FACTUAL("factual", true), CLINICAL("clinical", true);

    private final String value;
    private final boolean needsPublicNote;

    ChangeClass(String value, boolean needsPublicNote) {
        this.value = value;
        this.needsPublicNote = needsPublicNote;
    }

    public String value() {
        return value;
    }

    public boolean needsPublicNote() {
        return needsPublicNote;
    }

    /**
     * Whether a change of this class to a source outdates its translations: what readers are told about (a
     * factual or clinical change) changes what a translation must say; a typo or link fix does not.
     */
    public boolean outdatesTranslations() {
        return needsPublicNote;
    }

    /** The stored values of the classes that outdate translations. */
    public static List<String> outdatingTranslations() {
        return Arrays.stream(values()).filter(ChangeClass::outdatesTranslations).map(ChangeClass::value).toList();
    }

    /** True when this class says less to readers than {@code other} (a typo is weaker than a clinical change). */
    public boolean weakerThan(ChangeClass other) {
        return other != null && ordinal() < other.ordinal();
    }

    /** The stronger of two classes; null stands for "no class" and loses to any class. */
    public static ChangeClass strongest(ChangeClass a, ChangeClass b) {
        return a == null || a.weakerThan(b) ? b : a;
    }

    public static ChangeClass fromValue(String value) {
        return Arrays.stream(values())
                .filter(c -> c.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown change class '" + value + "' (expected typo, link, factual or clinical)"));
    }
}
