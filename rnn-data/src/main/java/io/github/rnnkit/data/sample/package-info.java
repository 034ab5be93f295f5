/**
 * Data shipped with rnnkit: the Seattle daily weather 2012-2015 (public domain), with its
 * provenance.
 */
package io.github.rnnkit.data.sample;
