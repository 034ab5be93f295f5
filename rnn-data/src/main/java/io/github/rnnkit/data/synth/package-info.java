/**
 * Generated data: the seed article's uniform weather, Markov weather, geometric Brownian motion
 * prices, the adding problem and delayed recall.
 */
package io.github.rnnkit.data.synth;
