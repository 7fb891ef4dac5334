package health.cms.workflow.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchRule;

import health.cms.core.article.Article;

/**
 * Invariant 5 as an architecture rule, for every module's tests: only the workflow (and core itself)
 * calls the methods that change an {@link Article}.
 */
public final class ArticleDoor {

    private ArticleDoor() {
    }

    /** Every public instance method of {@link Article} that returns nothing: those are the ones that change it. */
    public static Set<String> mutators() {
        return Arrays.stream(Article.class.getDeclaredMethods())
                .filter(method -> Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers()))
                .filter(method -> method.getReturnType() == void.class)
                .map(Method::getName)
                .collect(Collectors.toUnmodifiableSet());
    }

    public static ArchRule onlyTheWorkflowChangesArticles() {
        Set<String> mutators = mutators();
        return noClasses().that().resideOutsideOfPackages("health.cms.workflow..", "health.cms.core..")
                .should().callMethodWhere(new DescribedPredicate<JavaMethodCall>("a mutator of Article " + mutators) {

                    @Override
                    public boolean test(JavaMethodCall call) {
                        return call.getTarget().getOwner().isEquivalentTo(Article.class)
                                && mutators.contains(call.getTarget().getName());
                    }
                })
                .because("every state change goes through the workflow's services, with their role and state checks");
    }
}
