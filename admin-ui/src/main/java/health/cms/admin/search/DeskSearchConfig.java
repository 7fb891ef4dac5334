package health.cms.admin.search;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;

/** The desk's search index, under {@code cms.desk-search}. */
@ConfigMapping(prefix = "cms.desk-search")
public interface DeskSearchConfig {

    /**
     * The folder under which this process creates its index (a new sub-folder per start, removed at stop, so
     * several desk instances on one host may share it). Nothing in it needs a backup: it is rebuilt at start.
     */
    Path directory();
}
