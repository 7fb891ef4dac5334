package health.cms.core.correction;

import java.util.Arrays;

/** How much a change to live content matters to readers. */
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

    public static ChangeClass fromValue(String value) {
        return Arrays.stream(values())
                .filter(c -> c.value.equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "Unknown change class '" + value + "' (expected typo, link, factual or clinical)"));
    }
}
