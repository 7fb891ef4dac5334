package health.cms.core.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import io.quarkus.arc.Arc;

/**
 * Every JAX-RS endpoint the running app serves, found among its beans (Quarkus makes every resource
 * class a bean), so a resource added tomorrow is found without anyone listing it here. Tests that
 * must cover every endpoint (the desk's authorization matrix, the delivery API's live-only contract)
 * check their list against this one.
 */
public final class ServedEndpoints {

    /** One HTTP method on one path template, such as {@code POST /articles/{id}/actions}. */
    public record Endpoint(String method, String template, String declaredIn) {

        private Pattern regex() {
            String[] parts = template.split("\\{[^}]+}", -1);
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                regex.append(Pattern.quote(parts[i]));
                if (i < parts.length - 1) {
                    regex.append("[^/]+");
                }
            }
            return Pattern.compile(regex.toString());
        }

        public boolean serves(String method, String path) {
            return this.method.equals(method) && regex().matcher(path).matches();
        }

        /** JAX-RS prefers the template with the most literal characters, so {@code /articles/new} beats {@code /articles/{id}}. */
        public int literalCharacters() {
            return template.replaceAll("\\{[^}]+}", "").length();
        }

        @Override
        public String toString() {
            return method + " " + template + " (" + declaredIn + ")";
        }
    }

    private ServedEndpoints() {
    }

    /** Every endpoint of the app under test; call it from a {@code @QuarkusTest}. */
    public static Set<Endpoint> all() {
        Set<Endpoint> endpoints = new LinkedHashSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : declaredMethods(type)) {
                Optional<String> verb = httpMethod(method);
                Path methodPath = method.getAnnotation(Path.class);
                if (verb.isEmpty() && methodPath == null) {
                    continue;
                }
                String template = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                // A sub-resource locator has a path but no verb; its endpoints cannot be listed from here.
                endpoints.add(new Endpoint(verb.orElse("SUB-RESOURCE LOCATOR"), template, type.getSimpleName()));
            }
        }
        return endpoints;
    }

    /** The endpoint JAX-RS would pick for this request, if any. */
    public static Optional<Endpoint> matching(Set<Endpoint> endpoints, String method, String path) {
        List<Endpoint> candidates = new ArrayList<>(endpoints.stream().filter(e -> e.serves(method, path)).toList());
        candidates.sort(Comparator.comparingInt(Endpoint::literalCharacters).reversed());
        return candidates.stream().findFirst();
    }

    /** Public or not, inherited or not: whatever JAX-RS could serve. */
    private static List<Method> declaredMethods(Class<?> type) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            methods.addAll(List.of(c.getDeclaredMethods()));
        }
        return methods;
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private static String join(String classPath, String methodPath) {
        String joined = ("/" + classPath + "/" + methodPath).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
