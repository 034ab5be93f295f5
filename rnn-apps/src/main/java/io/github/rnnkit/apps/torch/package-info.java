/**
 * The {@code rnnkit import-torch} command: a PyTorch {@code state_dict} saved as {@code .npz}
 * turned into an rnnkit model file.
 */
package io.github.rnnkit.apps.torch;
