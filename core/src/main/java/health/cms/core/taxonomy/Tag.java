package health.cms.core.taxonomy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;

/** A free keyword that cuts across categories, such as "cancer" or "children". */
@Entity
@Table(name = "tag")
public class Tag extends Term {

    @ElementCollection
    @CollectionTable(name = "tag_name", joinColumns = @JoinColumn(name = "tag_id"))
    @MapKeyColumn(name = "locale")
    private Map<String, LocalName> localNames = new HashMap<>();

    protected Tag() {
    }

    @Override
    protected Map<String, LocalName> localNameRows() {
        return localNames;
    }

    public Tag(String slug, String name, Instant now) {
        super(slug, name, now);
    }
}
