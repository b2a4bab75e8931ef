/**
 * The JUnit 5 adapter: {@code @Exercise}, the Checks an exercise's test calls, settings, and the progress
 * summary. It turns Outcomes into test failures and does nothing else. What an instructor touches:
 * {@code @Exercise}, Checks, CaseSpace, NetworkUnderTest, Differentiable.
 */
package backprop.harness.junit;
