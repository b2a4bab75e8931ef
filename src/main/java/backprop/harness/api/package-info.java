/**
 * The types your exercise code uses, and the only part of the harness it may import. They stay
 * the same from one version of the kata to the next.
 *
 * <ul>
 *   <li>{@link backprop.harness.api.Activation}: the activation of a layer (IDENTITY, SIGMOID,
 *       TANH, RELU, LEAKY_RELU with slope {@link backprop.harness.api.Activation#LEAKY_SLOPE}
 *       below 0, and SOFTMAX on the output layer only).</li>
 *   <li>{@link backprop.harness.api.Loss}: MSE (J = 1/(2m) Σ (A − Y)²), BCE (binary
 *       cross-entropy after a sigmoid) and SOFTMAX_CE (cross-entropy after a softmax); each is a
 *       mean over the batch of m samples. {@code loss.formula()} writes it out.</li>
 *   <li>{@link backprop.harness.api.NetSpec}: a network's layer sizes n0 … nL, one activation and
 *       one bias switch per layer, its loss and its L2 strength lambda.</li>
 *   <li>{@link backprop.harness.api.Tensors}: named arrays in order, such as your gradients:
 *       {@code Tensors.of("W1", dW1, "b1", db1)}; {@code put(name, array)} adds one,
 *       {@code get(name)} reads one.</li>
 *   <li>{@link backprop.harness.api.Shapes}: writes a shape the way the READMEs do, "4×3", for
 *       your own messages.</li>
 * </ul>
 *
 * Everything else under {@code backprop.harness} is the engine: internal, free to change, and
 * not for exercise code (the grader scores an exercise that uses it 0).
 */
package backprop.harness.api;
