package health.cms.core.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

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
 * dependency; these rules also catch the allowed-by-Maven but wrong direction inside one classpath.
 */
public final class ModuleRules {

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
         * The checks every module's {@code ModuleShapeTest} runs on its main classes, each a test of its own:
         * no package cycles, and no use of a module it does not list.
         */
        public Stream<DynamicTest> shapeTests() {
            JavaClasses classes = mainClasses();
            return Stream.of(dynamicTest("hasNoPackageCycles", () -> noPackageCycles().check(classes)),
                    dynamicTest("pointsOneWay", () -> pointsOneWay().check(classes)));
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
}
