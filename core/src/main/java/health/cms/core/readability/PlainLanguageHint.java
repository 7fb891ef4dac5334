package health.cms.core.readability;

/** A clinical term used without a lay explanation nearby, with the lay term to suggest. */
public record PlainLanguageHint(String term, String layTerm, String sentence) {
}
