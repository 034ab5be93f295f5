/**
 * Exchange of weights with PyTorch's {@code torch.nn.RNN}, {@code LSTM} and {@code GRU} through
 * {@code state_dict}s saved as {@code .npz}.
 */
package io.github.rnnkit.core.torch;
