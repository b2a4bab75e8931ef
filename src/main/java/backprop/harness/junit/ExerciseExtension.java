package backprop.harness.junit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import backprop.harness.core.Nd4jSetup;
import backprop.harness.sandbox.GradePreview;

/** Sets ND4J up before any learner code runs and hands each test its {@link Checks}. */
public final class ExerciseExtension implements BeforeAllCallback, ParameterResolver {

    @Override
    public void beforeAll(ExtensionContext context) {
        Nd4jSetup.ensure();
        Exercise ex = context.getRequiredTestClass().getAnnotation(Exercise.class);
        if (ex != null) {
            GradePreview.printOnce(ex.value()); // "this would score 0 when graded: …" before the tests, not after the grade
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        return p.getParameter().getType() == Checks.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Class<?> test = e.getRequiredTestClass();
        Exercise ex = test.getAnnotation(Exercise.class);
        String exercise = ex == null ? test.getSimpleName() : ex.value();
        String method = e.getTestMethod().map(java.lang.reflect.Method::getName).orElse("");
        return new Checks(exercise, test.getSimpleName(), method, Settings.fromSystemProperties(), e::publishReportEntry);
    }
}
