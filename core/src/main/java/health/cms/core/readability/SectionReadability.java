package health.cms.core.readability;

/** The scores of one section of an article: the prose under one heading, or before the first one. */
public record SectionReadability(String heading, ReadingScores scores) {
}
