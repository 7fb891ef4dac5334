package health.cms.core.taxonomy;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A free keyword that cuts across categories, such as "cancer" or "children". */
@Entity
@Table(name = "tag")
public class Tag extends Term {

    protected Tag() {
    }

    public Tag(String slug, String name, Instant now) {
        super(slug, name, now);
    }
}
