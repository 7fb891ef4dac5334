package health.cms.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The error mapper tells the management API from the desk by {@link ManagementApi}: a resource under
 * {@code /manage} without it would answer its failures with HTML pages, a page with it with JSON.
 */
class ManagementApiMarkerTest {

    @Test
    void everyResourceUnderManageAndNoOtherCarriesTheMarker() throws Exception {
        Path classes = Path.of(ManagementApi.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> wrong = new ArrayList<>();
        int apis = 0;
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                jakarta.ws.rs.Path path = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (path == null) {
                    continue;
                }
                boolean api = path.value().startsWith("/manage/");
                apis += api ? 1 : 0;
                if (api != type.isAnnotationPresent(ManagementApi.class)) {
                    wrong.add(name + " at " + path.value());
                }
            }
        }
        assertTrue(apis >= 6, "found only " + apis + " management API resources");
        assertEquals(List.of(), wrong);
    }
}
