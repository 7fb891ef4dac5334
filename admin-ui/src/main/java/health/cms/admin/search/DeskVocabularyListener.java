package health.cms.admin.search;

import jakarta.enterprise.context.ApplicationScoped;

import health.cms.core.search.VocabularyChanges;

/** Applies the editors' vocabulary changes to this desk instance's index. */
@ApplicationScoped
public class DeskVocabularyListener extends VocabularyChanges {

    private final DeskSearchIndex index;

    DeskVocabularyListener(DeskSearchIndex index) {
        this.index = index;
    }

    @Override
    protected void changed() {
        index.vocabularyChanged();
    }
}
