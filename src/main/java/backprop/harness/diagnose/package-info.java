/**
 * Naming the cause of a failure: an {@code Evidence} record per failing case, one {@code Rule}
 * class per family of causes (the {@code *Rule} classes), and {@code Voting} across cases.
 * Causes are keyed by {@code CauseId}, never by the words of a message. Internal engine package.
 */
package backprop.harness.diagnose;
