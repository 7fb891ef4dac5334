package health.cms.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The project's shape as architecture rules every module checks on its own main classes: no package
 * cycles inside a module, and modules that point one way ({@code core <- workflow <- {api, admin-ui}},
 * {@code core <- webhooks <- admin-ui}). Maven already refuses an import of a module that is not a
 * dependency; these rules also catch the allowed-by-Maven but wrong direction inside one classpath. And
 * no Java source file is longer than {@link #MAX_SOURCE_LINES}.
 */
public final class ModuleRules {

    /** The most lines a Java source file (main or test) may have: a longer class is doing more than one job. */
    public static final int MAX_SOURCE_LINES = 300;

    /** The modules by their root package, with the modules each may use. */
    public enum Module {

        // @formatter:off
        CORE    ("health.cms.core"),
        WORKFLOW("health.cms.workflow", CORE),
        WEBHOOKS("health.cms.webhooks", CORE),
        API     ("health.cms.delivery", CORE, WORKFLOW),
        ADMIN_UI("health.cms.admin",    CORE, WORKFLOW, WEBHOOKS);
        // @formatter:on

        private final String rootPackage;
        private final List<Module> uses;

        Module(String rootPackage, Module... uses) {
            this.rootPackage = rootPackage;
            this.uses = List.of(uses);
        }

        public String rootPackage() {
            return rootPackage;
        }

        /** The main classes of this module (tests and shared testing helpers left out). */
        public JavaClasses mainClasses() {
            return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/testing/"))
                    .importPackages(rootPackage);
        }

        /**
         * The checks every module's {@code ModuleShapeTest} runs, each a test of its own: no package cycles and
         * no use of a module it does not list (on its main classes), and no source file over the line limit.
         */
        public Stream<DynamicTest> shapeTests() {
            JavaClasses classes = mainClasses();
            return Stream.of(dynamicTest("hasNoPackageCycles", () -> noPackageCycles().check(classes)),
                    dynamicTest("pointsOneWay", () -> pointsOneWay().check(classes)),
                    dynamicTest("hasNoSourceFileOverTheLineLimit", ModuleRules::assertNoSourceFileOverTheLineLimit));
        }

        /** No class of this module uses a module it does not list. */
        public ArchRule pointsOneWay() {
            String[] forbidden = Arrays.stream(values())
                    .filter(other -> other != this && !uses.contains(other))
                    .map(other -> other.rootPackage + "..")
                    .toArray(String[]::new);
            return noClasses().that().resideInAPackage(rootPackage + "..").should().dependOnClassesThat()
                    .resideInAnyPackage(forbidden).because(name() + " may use only " + uses);
        }
    }

    private ModuleRules() {
    }

    /** Each package is a slice of its own, so a cycle between a parent package and its child counts too. */
    private static final SliceAssignment BY_PACKAGE = new SliceAssignment() {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            return SliceIdentifier.of(javaClass.getPackageName());
        }

        @Override
        public String getDescription() {
            return "every package";
        }
    };

    public static ArchRule noPackageCycles() {
        return slices().assignedFrom(BY_PACKAGE).should().beFreeOfCycles();
    }

    /**
     * No Java file under {@code src/main/java} or {@code src/test/java} of the module whose tests run (Surefire
     * runs them in the module's folder) has more than {@link #MAX_SOURCE_LINES} lines. Generated code lives under
     * {@code target/}, so it is not counted.
     */
    public static void assertNoSourceFileOverTheLineLimit() {
        assertTrue(Files.isDirectory(Path.of("src/main/java")), "the tests run in the module's folder");
        List<String> tooLong = Stream.of(Path.of("src/main/java"), Path.of("src/test/java")).filter(Files::isDirectory)
                .flatMap(ModuleRules::javaFiles).filter(file -> lines(file) > MAX_SOURCE_LINES)
                .map(file -> file + " (" + lines(file) + " lines)").sorted().toList();
        assertEquals(List.of(), tooLong, "Java source files over " + MAX_SOURCE_LINES + " lines: split them along a seam");
    }

    private static Stream<Path> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
