package health.cms.core.search;

/** The NOTIFY channel on which the desk tells every api replica that the editors' vocabulary changed. */
public final class VocabularyChannel {

    public static final String NAME = "cms_search_vocabulary";

    private VocabularyChannel() {
    }
}
