package health.cms.delivery.search;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.search.VocabularyChanges;

/** Applies the editors' vocabulary changes to this replica's index. */
@ApplicationScoped
public class VocabularyListener extends VocabularyChanges {

    private final SearchIndex index;

    VocabularyListener(SearchIndex index) {
        this.index = index;
    }

    @Override
    protected void changed() {
        index.vocabularyChanged();
    }
}
